package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;

/**
 * A value against a numeric setting (a metric against the λ of a sweep, say): one line per series (a
 * combination of the other settings), points joined in the order of x, with optional error bars (± one
 * standard deviation over replicates). The x axis may be logarithmic, for settings that span decades. Points
 * whose x or y is not finite (or whose x is not positive on a logarithmic axis) are left out; a missing or
 * non-finite error draws no bar. A legend is drawn only for several series.
 */
public final class AxisChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 550;

  private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
      SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

  private AxisChart() {}

  /**
   * One line.
   *
   * @param name the legend entry
   * @param x the setting's values
   * @param y the value at each x, same length
   * @param errors the half-height of each point's error bar, same length; {@code null} for none
   */
  public record Series(String name, double[] x, double[] y, double[] errors) {
    /**
     * Checks the lengths and copies.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public Series {
      Objects.requireNonNull(name, "name");
      if (x.length != y.length || (errors != null && errors.length != x.length)) {
        throw new IllegalArgumentException("series " + name + ": " + x.length + " x values for " + y.length
            + " y values" + (errors == null ? "" : " and " + errors.length + " errors"));
      }
      x = x.clone();
      y = y.clone();
      errors = errors == null ? null : errors.clone();
    }
  }

  /**
   * Builds the chart (for callers who want another format or size).
   *
   * @param title the chart's title
   * @param xTitle the x axis's title (the setting)
   * @param yTitle the y axis's title, with its unit
   * @param series the lines, drawn in this order
   * @param logX whether the x axis is logarithmic
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart chart(String title, String xTitle, String yTitle, List<Series> series, boolean logX,
      int width, int height) {
    XYChart chart = Png.lines(width, height, title, xTitle + (logX ? " (log scale)" : ""), yTitle, 13);
    var style = chart.getStyler();
    style.setMarkerSize(8);
    style.setErrorBarsColorSeriesColor(true);
    style.setXAxisLogarithmic(logX);
    style.setyAxisTickLabelsFormattingFunction(AxisChart::tick);
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    int drawn = 0;
    for (Series s : series) {
      List<double[]> points = new ArrayList<>();
      for (int i = 0; i < s.x().length; i++) {
        double x = s.x()[i];
        double y = s.y()[i];
        if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0)) {
          double e = s.errors() == null || !Double.isFinite(s.errors()[i]) ? 0 : Math.abs(s.errors()[i]);
          points.add(new double[] {x, y, e});
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      points.sort((a, b) -> Double.compare(a[0], b[0]));
      double[] x = new double[points.size()];
      double[] y = new double[points.size()];
      double[] e = new double[points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = points.get(i)[0];
        y[i] = points.get(i)[1];
        e[i] = points.get(i)[2];
        xMin = Math.min(xMin, x[i]);
        xMax = Math.max(xMax, x[i]);
        yMin = Math.min(yMin, y[i] - e[i]);
        yMax = Math.max(yMax, y[i] + e[i]);
      }
      XYSeries xy = s.errors() == null ? chart.addSeries(s.name(), x, y) : chart.addSeries(s.name(), x, y, e);
      // dashes and markers as well as colours, so that the lines stay apart in grey print
      xy.setMarker(MARKERS[drawn % MARKERS.length]);
      xy.setLineStyle(drawn / ScatterPlot.PALETTE.length % 2 == 0 ? new BasicStroke(2f) : new BasicStroke(2f,
          BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
      drawn++;
    }
    style.setLegendVisible(drawn > 1);
    if (!logX) {
      style.setxAxisTickLabelsFormattingFunction(AxisChart::tick);
    } else if (drawn > 0) {
      // a logarithmic axis places its ticks at decades and labels them with a pattern, not a function
      style.setXAxisDecimalPattern(xMin >= 1e-4 && xMax < 1e5 ? "#,##0.####" : "0.##E0");
    }
    if (drawn > 0) {
      if (logX) {
        // a single value still gets a readable range: a factor 2 either side
        style.setXAxisMin(xMax > xMin ? xMin / 1.2 : xMin / 2);
        style.setXAxisMax(xMax > xMin ? xMax * 1.2 : xMax * 2);
      } else {
        double pad = xMax > xMin ? 0.05 * (xMax - xMin) : Math.max(Math.abs(xMin) * 0.5, 1);
        style.setXAxisMin(xMin - pad);
        style.setXAxisMax(xMax + pad);
      }
      double pad = yMax > yMin ? 0.08 * (yMax - yMin) : Math.max(Math.abs(yMin) * 0.01, 1e-3);
      style.setYAxisMin(yMin - pad);
      style.setYAxisMax(yMax + pad);
    }
    return chart;
  }

  /**
   * A tick label: up to 4 significant digits, scientific notation outside [10⁻³, 10⁵).
   *
   * @param v the tick's value
   * @return the label
   */
  static String tick(double v) {
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    String s = a < 1e-3 || a >= 1e5 ? String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e")
        .replace("e+0", "e").replace("e-0", "e-").replace("e+", "e")
        : String.format(Locale.ROOT, "%." + Math.max(0, 3 - (int) Math.floor(Math.log10(a))) + "f", v);
    return s.contains(".") && !s.contains("e") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param xTitle the x axis's title
   * @param yTitle the y axis's title
   * @param series the lines
   * @param logX whether the x axis is logarithmic
   * @return the PNG
   */
  public static byte[] png(String title, String xTitle, String yTitle, List<Series> series, boolean logX) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, xTitle, yTitle, series, logX, WIDTH, HEIGHT),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart " + title, e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param xTitle the x axis's title
   * @param yTitle the y axis's title
   * @param series the lines
   * @param logX whether the x axis is logarithmic
   */
  public static void write(Path file, String title, String xTitle, String yTitle, List<Series> series,
      boolean logX) {
    AtomicFiles.write(file, png(title, xTitle, yTitle, series, logX));
  }
}
