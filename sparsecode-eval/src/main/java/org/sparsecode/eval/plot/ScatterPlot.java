package org.sparsecode.eval.plot;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;

/**
 * PSNR (dB, y) against sparseness (fraction of zero coefficients, x): one series per variant, one point per
 * coded image, as the paper's Fig. 3 compares dictionaries. Points whose PSNR or sparseness is not finite
 * (a perfect reconstruction has PSNR +∞) are left out, since they cannot be placed on the axes. When the
 * fractions of non-zeros (1 − sparseness) of the points span more than a decade (dense solvers next to sparse
 * ones), the x axis is logarithmic in 1 − sparseness, its ticks still labelled in sparseness.
 */
public final class ScatterPlot {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 600;

  /** Matplotlib's "tab10" colours, all readable on white (XChart's default palette has a pale yellow). */
  static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  private ScatterPlot() {}

  /**
   * One variant's points.
   *
   * @param name the legend entry (the variant's name)
   * @param sparseness per image, 1 − nnz(x)/size(x), in [0, 1]
   * @param psnr per image, dB, same length as {@code sparseness}
   */
  public record Series(String name, double[] sparseness, double[] psnr) {
    /**
     * Checks the lengths and copies.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public Series {
      Objects.requireNonNull(name, "name");
      if (sparseness.length != psnr.length) {
        throw new IllegalArgumentException("series " + name + ": " + sparseness.length + " sparseness values for "
            + psnr.length + " PSNR values");
      }
      sparseness = sparseness.clone();
      psnr = psnr.clone();
    }
  }

  /**
   * Builds the chart (for callers who want another format or size).
   *
   * @param title the chart's title (the experiment's name)
   * @param series the variants, drawn in this order
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart chart(String title, List<Series> series, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("sparseness  (1 − nnz/size, fraction of zero coefficients)").yAxisTitle("PSNR (dB)").build();
    var style = chart.getStyler();
    style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    style.setLegendPosition(Styler.LegendPosition.OutsideE);
    style.setMarkerSize(9);
    style.setSeriesColors(PALETTE);
    Png.houseStyle(style, 16);
    style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    style.setLegendBorderColor(Color.WHITE);
    style.setXAxisDecimalPattern("0.###");
    style.setYAxisDecimalPattern("0.#");

    boolean log = spansDecades(series);
    if (log) {
      chart.setXAxisTitle("sparseness  (1 − nnz/size; axis logarithmic in nnz/size)");
      style.setxAxisTickLabelsFormattingFunction(ScatterPlot::sparsenessLabel);
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    Marker[] markers = new Marker[] {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
        SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    int drawn = 0;
    for (Series s : series) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < s.psnr().length; i++) {
        if (Double.isFinite(s.sparseness()[i]) && Double.isFinite(s.psnr()[i])) {
          double xi = log ? nines(s.sparseness()[i]) : s.sparseness()[i];
          x.add(xi);
          y.add(s.psnr()[i]);
          xMin = Math.min(xMin, xi);
          xMax = Math.max(xMax, xi);
          yMin = Math.min(yMin, s.psnr()[i]);
          yMax = Math.max(yMax, s.psnr()[i]);
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      XYSeries xy = chart.addSeries(s.name(), x, y);
      // shapes as well as colours, so that the plot reads in grey print and for colour-blind readers
      xy.setMarker(markers[drawn % markers.length]);
      drawn++;
    }
    if (drawn > 0) {
      // pad the ranges by 5% (at least a small absolute margin, for a single point or equal values)
      double xPad = Math.max(0.05 * (xMax - xMin), log ? 0.05 : 1e-3);
      double yPad = Math.max(0.05 * (yMax - yMin), 0.25);
      style.setXAxisMin(xMin - xPad);
      style.setXAxisMax(log ? xMax + xPad : Math.min(1.0, xMax + xPad));
      style.setYAxisMin(yMin - yPad);
      style.setYAxisMax(yMax + yPad);
    }
    return chart;
  }

  /** Smallest fraction of non-zeros placed on a logarithmic axis (a zero code has none). */
  private static final double MIN_DENSITY = 1e-7;

  /**
   * Whether the points' fractions of non-zeros (1 − sparseness) span more than a decade: then a linear
   * sparseness axis would squeeze the sparse solvers (0.99 and up) against 1 while dense ones (0.1) stretch
   * it, and the axis is made logarithmic in 1 − sparseness instead.
   */
  static boolean spansDecades(List<Series> series) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.psnr().length; i++) {
        if (Double.isFinite(s.sparseness()[i]) && Double.isFinite(s.psnr()[i])) {
          lo = Math.min(lo, nines(s.sparseness()[i]));
          hi = Math.max(hi, nines(s.sparseness()[i]));
        }
      }
    }
    return hi - lo > 1;
  }

  /** The logarithmic axis coordinate: −log10(1 − sparseness), the "number of nines". */
  static double nines(double sparseness) {
    return -Math.log10(Math.max(1 - sparseness, MIN_DENSITY));
  }

  /** The tick label of a logarithmic-axis coordinate: the sparseness 1 − 10^(−t), to the digits it needs. */
  static String sparsenessLabel(double t) {
    double sparseness = 1 - Math.pow(10, -t);
    // enough digits to tell neighbouring ticks apart up to the floor's 1 − 1e-7 and a little beyond: XChart's tick
    // search repeats for ever when two ticks print the same label (a cap of 7 did that above t = 7)
    int decimals = Math.max(1, Math.min(15, (int) Math.ceil(t) + 1));
    String text = String.format(java.util.Locale.ROOT, "%." + decimals + "f", sparseness);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param series the variants
   * @return the PNG
   */
  public static byte[] png(String title, List<Series> series) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, series, WIDTH, HEIGHT), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the PSNR-vs-sparseness plot", e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param series the variants
   */
  public static void write(Path file, String title, List<Series> series) {
    AtomicFiles.write(file, png(title, series));
  }
}
