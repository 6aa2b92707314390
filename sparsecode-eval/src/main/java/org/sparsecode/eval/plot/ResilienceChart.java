package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Resilience curves: PSNR (dB, left panel) and sparseness (right panel) of codes whose
 * small coefficients are zeroed, against the cutoff c, without re-optimisation. Two panels side by side in
 * one PNG, one line with markers per {@link Curve} (a scenario's median over its images, say), and optionally
 * faint lines without markers or legend entries under them (the single images of a run). Points that are not
 * finite are left out. When the fractions of non-zeros (1 − sparseness) span more than a decade, the sparseness
 * panel's y axis is logarithmic in 1 − sparseness, its ticks labelled in sparseness (as {@link ScatterPlot}).
 */
public final class ResilienceChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG (both panels), pixels. */
  public static final int WIDTH = 1400;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 560;
  /** The x axis title of the absolute form. */
  public static final String ABSOLUTE_AXIS = "cutoff c (|x| < c set to 0)";
  /** The x axis title of the ceil form. */
  public static final String CEIL_AXIS = "divisor c (|x| < max|x| / c set to 0)";

  private ResilienceChart() {}

  /**
   * One curve.
   *
   * @param name the legend entry
   * @param cutoffs the cutoffs c, increasing
   * @param psnr PSNR at each cutoff, dB
   * @param sparseness sparseness (fraction of zero coefficients) at each cutoff
   */
  public record Curve(String name, double[] cutoffs, double[] psnr, double[] sparseness) {
    /**
     * Checks the lengths and copies.
     *
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public Curve {
      Objects.requireNonNull(name, "name");
      if (psnr.length != cutoffs.length || sparseness.length != cutoffs.length) {
        throw new IllegalArgumentException("curve " + name + ": " + cutoffs.length + " cutoffs, " + psnr.length
            + " PSNR values and " + sparseness.length + " sparseness values");
      }
      cutoffs = cutoffs.clone();
      psnr = psnr.clone();
      sparseness = sparseness.clone();
    }
  }

  /**
   * Builds one panel (for callers who want another layout).
   *
   * @param title the panel's title
   * @param xTitle the x axis title ({@link #ABSOLUTE_AXIS} or {@link #CEIL_AXIS})
   * @param curves the highlighted curves, with markers and legend
   * @param faint the background curves, thin and pale, without legend
   * @param sparseness whether this is the sparseness panel (else PSNR)
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart panel(String title, String xTitle, List<Curve> curves, List<Curve> faint,
      boolean sparseness, int width, int height) {
    boolean log = sparseness && spansDecades(curves, faint);
    String yTitle = sparseness ? "sparseness (fraction of zero coefficients)" : "PSNR (dB)";
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
        .yAxisTitle(log ? "sparseness (axis logarithmic in 1 − sparseness)" : yTitle).build();
    var style = chart.getStyler();
    style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    Png.houseStyle(style, 15);
    style.setLegendPosition(Styler.LegendPosition.OutsideS);
    style.setLegendLayout(Styler.LegendLayout.Horizontal);
    style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    style.setLegendBorderColor(Color.WHITE);
    style.setMarkerSize(8);
    style.setXAxisDecimalPattern("0.###");
    style.setYAxisDecimalPattern(sparseness ? "0.####" : "0.#");
    if (log) {
      style.setyAxisTickLabelsFormattingFunction(ScatterPlot::sparsenessLabel);
    }
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    int f = 0;
    for (Curve c : faint) {
      XYSeries s = add(chart, "image " + (++f) + " (" + c.name() + ")", c, sparseness, log, range);
      if (s != null) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(150, 150, 150, 110));
        s.setLineStyle(new BasicStroke(1f));
        s.setShowInLegend(false);
      }
    }
    Marker[] markers = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    int drawn = 0;
    for (Curve c : curves) {
      XYSeries s = add(chart, c.name(), c, sparseness, log, range);
      if (s != null) {
        Color color = ScatterPlot.PALETTE[drawn % ScatterPlot.PALETTE.length];
        s.setMarker(markers[drawn % markers.length]);
        s.setMarkerColor(color);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2.5f));
        drawn++;
      }
    }
    style.setLegendVisible(drawn > 0);
    if (range[0] <= range[1]) {
      double xPad = Math.max(0.03 * (range[1] - range[0]), 1e-3);
      style.setXAxisMin(range[0] - xPad);
      style.setXAxisMax(range[1] + xPad);
      double yPad = Math.max(0.05 * (range[3] - range[2]), log ? 0.05 : sparseness ? 1e-4 : 0.25);
      style.setYAxisMin(range[2] - yPad);
      style.setYAxisMax(sparseness && !log ? Math.min(1.0, range[3] + yPad) : range[3] + yPad);
    }
    return chart;
  }

  /** Adds a curve's finite points; returns null when it has none. Widens {xMin, xMax, yMin, yMax}. */
  private static XYSeries add(XYChart chart, String name, Curve c, boolean sparseness, boolean log,
      double[] range) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    double[] values = sparseness ? c.sparseness() : c.psnr();
    for (int i = 0; i < values.length; i++) {
      double v = log ? ScatterPlot.nines(values[i]) : values[i];
      if (Double.isFinite(c.cutoffs()[i]) && Double.isFinite(values[i])) {
        x.add(c.cutoffs()[i]);
        y.add(v);
        range[0] = Math.min(range[0], c.cutoffs()[i]);
        range[1] = Math.max(range[1], c.cutoffs()[i]);
        range[2] = Math.min(range[2], v);
        range[3] = Math.max(range[3], v);
      }
    }
    if (x.isEmpty()) {
      return null;
    }
    // XChart wants distinct series names; a faint curve may share a highlighted one's name
    String unique = name;
    for (int k = 2; chart.getSeriesMap().containsKey(unique); k++) {
      unique = name + " (" + k + ")";
    }
    return chart.addSeries(unique, x, y);
  }

  /** Whether the sparseness values' fractions of non-zeros span more than a decade. */
  private static boolean spansDecades(List<Curve> curves, List<Curve> faint) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<Curve> list : List.of(curves, faint)) {
      for (Curve c : list) {
        for (double v : c.sparseness()) {
          if (Double.isFinite(v)) {
            lo = Math.min(lo, ScatterPlot.nines(v));
            hi = Math.max(hi, ScatterPlot.nines(v));
          }
        }
      }
    }
    return hi - lo > 1;
  }

  /**
   * Draws both panels side by side.
   *
   * @param title the experiment's or run's name; the panels' titles add what they show
   * @param xTitle the x axis title ({@link #ABSOLUTE_AXIS} or {@link #CEIL_AXIS})
   * @param curves the highlighted curves
   * @param faint the background curves (may be empty)
   * @param width pixels, both panels
   * @param height pixels
   * @return the image
   */
  public static BufferedImage image(String title, String xTitle, List<Curve> curves, List<Curve> faint, int width,
      int height) {
    int half = width / 2;
    XYChart left = panel(title + ": PSNR after thresholding", xTitle, curves, faint, false, half, height);
    XYChart right = panel(title + ": sparseness after thresholding", xTitle, curves, faint, true,
        width - half, height);
    return Png.sideBySide(left, right, width, height);
  }

  /**
   * Writes both panels at the default size as a PNG, atomically.
   *
   * @param file the destination
   * @param title the experiment's or run's name
   * @param xTitle the x axis title ({@link #ABSOLUTE_AXIS} or {@link #CEIL_AXIS})
   * @param curves the highlighted curves
   * @param faint the background curves (may be empty)
   */
  public static void write(Path file, String title, String xTitle, List<Curve> curves, List<Curve> faint) {
    Png.write(file, image(title, xTitle, curves, faint, WIDTH, HEIGHT));
  }
}
