package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;

/**
 * A learning curve: one line per series (a run, or a variant of a file) of a value per step (the learner's
 * objective, say) against the step number 1, 2, …, on a logarithmic y axis, since objectives of dictionary
 * learning fall by decades in the first steps and then creep. Values that are not finite or not positive
 * cannot be placed on a logarithmic axis and are left out (the line is broken there). A legend is drawn
 * only for several curves (the title names a single one).
 */
public final class LineChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 550;

  private LineChart() {}

  /**
   * One curve.
   *
   * @param name the legend entry
   * @param values one value per step, step 1 first
   */
  public record Series(String name, double[] values) {
    /** Copies. */
    public Series {
      Objects.requireNonNull(name, "name");
      values = values.clone();
    }
  }

  /**
   * Builds the chart (for callers who want another format or size).
   *
   * @param title the chart's title
   * @param yTitle the y axis's title, with its unit
   * @param series the curves, drawn in this order
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart chart(String title, String yTitle, List<Series> series, int width, int height) {
    XYChart chart = Png.lines(width, height, title, "step", yTitle + " (log scale)", 14);
    var style = chart.getStyler();
    style.setXAxisDecimalPattern("0");
    style.setYAxisDecimalPattern("#,##0.####");
    style.setYAxisLogarithmic(true);
    style.setMarkerSize(5);
    int drawn = 0;
    int longest = 0;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < s.values().length; i++) {
        double v = s.values()[i];
        if (Double.isFinite(v) && v > 0) {
          x.add((double) (i + 1));
          y.add(v);
          yMin = Math.min(yMin, v);
          yMax = Math.max(yMax, v);
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      longest = Math.max(longest, s.values().length);
      XYSeries xy = chart.addSeries(s.name(), x, y);
      // dashes and markers as well as colours, so that overlapping curves stay apart in grey print
      xy.setLineStyle(drawn % 2 == 0 ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT,
          BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f));
      xy.setMarker(s.values().length <= 60 ? (drawn % 2 == 0 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND)
          : SeriesMarkers.NONE);
      drawn++;
    }
    // a single curve needs no legend (the title names it)
    style.setLegendVisible(drawn > 1);
    if (drawn > 0) {
      style.setXAxisMin(1.0);
      style.setXAxisMax((double) Math.max(2, longest));
      // a flat curve still gets a readable range: at least a factor 2 around it
      if (yMax < 2 * yMin) {
        double mid = Math.sqrt(yMin * yMax);
        yMin = mid / Math.sqrt(2);
        yMax = mid * Math.sqrt(2);
      }
      style.setYAxisMin(yMin / 1.1);
      style.setYAxisMax(yMax * 1.1);
    }
    return chart;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param yTitle the y axis's title
   * @param series the curves
   * @return the PNG
   */
  public static byte[] png(String title, String yTitle, List<Series> series) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, yTitle, series, WIDTH, HEIGHT),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the line chart", e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param yTitle the y axis's title
   * @param series the curves
   */
  public static void write(Path file, String title, String yTitle, List<Series> series) {
    AtomicFiles.write(file, png(title, yTitle, series));
  }
}
