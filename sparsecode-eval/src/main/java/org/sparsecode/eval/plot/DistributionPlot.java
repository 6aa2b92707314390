package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.eval.stats.Medians;

/**
 * The distribution of one per-image value (PSNR, sparseness) in each scenario: a box plot per scenario
 * (box from the first to the third quartile, a thick line at the median, whiskers to the furthest value
 * within 1.5 interquartile ranges of the box, Tukey's rule; quartiles with linear interpolation, numpy's
 * default) with every image drawn over it as a point, spread sideways by a fixed pattern (not random, so
 * that the picture is reproducible) so that equal values stay visible. Scenarios are placed along the x axis
 * at 1, 2, …, labelled with their names. Values that are not finite (an infinite PSNR) are left out.
 *
 * <p>When {@code sparseness} is set and the fractions of non-zeros (1 − sparseness) of the points span more
 * than a decade, the y axis is logarithmic in 1 − sparseness, its ticks labelled in sparseness (as {@link
 * ScatterPlot} does).
 */
public final class DistributionPlot {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 600;
  /** Half the width of a box, in units of the spacing between scenarios. */
  private static final double BOX_HALF_WIDTH = 0.22;
  /** Half the width over which the points of a scenario are spread. */
  private static final double JITTER_HALF_WIDTH = 0.16;

  private DistributionPlot() {}

  /**
   * One scenario's values.
   *
   * @param name the scenario's name (the x axis label)
   * @param values one value per image
   */
  public record Group(String name, double[] values) {
    /** Copies. */
    public Group {
      Objects.requireNonNull(name, "name");
      values = values.clone();
    }
  }

  /**
   * The box of a sample: quartiles, median and Tukey whiskers.
   *
   * @param q1 first quartile
   * @param median the median
   * @param q3 third quartile
   * @param lowWhisker the smallest value at or above {@code q1 − 1.5 IQR}
   * @param highWhisker the largest value at or below {@code q3 + 1.5 IQR}
   */
  record Box(double q1, double median, double q3, double lowWhisker, double highWhisker) {

    /**
     * The box of finite values.
     *
     * @param finite at least one finite value
     * @return the box
     */
    static Box of(double[] finite) {
      double[] s = finite.clone();
      Arrays.sort(s);
      double q1 = Medians.quantile(s, 0.25);
      double q3 = Medians.quantile(s, 0.75);
      double reach = 1.5 * (q3 - q1);
      double lo = s[0];
      double hi = s[s.length - 1];
      for (double v : s) {
        if (v >= q1 - reach) {
          lo = v;
          break;
        }
      }
      for (int i = s.length - 1; i >= 0; i--) {
        if (s[i] <= q3 + reach) {
          hi = s[i];
          break;
        }
      }
      return new Box(q1, Medians.quantile(s, 0.5), q3, lo, hi);
    }

  }

  /**
   * Builds the chart (for callers who want another format or size).
   *
   * @param title the chart's title
   * @param yTitle the y axis's title, with its unit
   * @param groups the scenarios, placed left to right in this order
   * @param sparseness whether the values are sparseness (fractions in [0, 1] that may need the logarithmic
   *     axis in 1 − sparseness)
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart chart(String title, String yTitle, List<Group> groups, boolean sparseness, int width,
      int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle(" ").yAxisTitle(yTitle).build();
    var style = chart.getStyler();
    style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    Png.houseStyle(style, 16);
    style.setLegendVisible(false);
    style.setMarkerSize(7);
    style.setYAxisDecimalPattern(sparseness ? "0.####" : "0.#");
    boolean log = sparseness && spansDecades(groups);
    if (log) {
      chart.setYAxisTitle(yTitle + "; axis logarithmic in 1 − sparseness");
      style.setyAxisTickLabelsFormattingFunction(ScatterPlot::sparsenessLabel);
    }
    int k = groups.size();
    // XChart's numeric x axis cannot be made to tick exactly at the scenarios (its tick search gives up, or
    // loops, on labels that are not numbers): its tick labels are blanked (a constant label: no ticks, the
    // label row kept) and image() writes the scenarios' names into that row (the x axis title is blank: the
    // names say what the axis is)
    style.setxAxisTickLabelsFormattingFunction(x -> " ");
    // the data fill the plot box (the y range is padded below), so that the box's lower edge is the y minimum
    style.setPlotContentSize(1.0);
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < k; g++) {
      Group group = groups.get(g);
      double[] finite = Arrays.stream(group.values()).filter(Double::isFinite)
          .map(v -> log ? ScatterPlot.nines(v) : v).toArray();
      if (finite.length == 0) {
        continue;
      }
      Color color = ScatterPlot.PALETTE[g % ScatterPlot.PALETTE.length];
      double x = g + 1;
      Box box = Box.of(finite);
      // the box and whiskers as one polyline broken by nulls (XChart leaves a gap at a null y)
      List<Double> bx = new ArrayList<>();
      List<Double> by = new ArrayList<>();
      double w = BOX_HALF_WIDTH;
      addPath(bx, by, new double[] {x - w, x + w, x + w, x - w, x - w}, new double[] {box.q1(), box.q1(),
          box.q3(), box.q3(), box.q1()});
      addPath(bx, by, new double[] {x, x}, new double[] {box.q3(), box.highWhisker()});
      addPath(bx, by, new double[] {x - w / 2, x + w / 2}, new double[] {box.highWhisker(), box.highWhisker()});
      addPath(bx, by, new double[] {x, x}, new double[] {box.q1(), box.lowWhisker()});
      addPath(bx, by, new double[] {x - w / 2, x + w / 2}, new double[] {box.lowWhisker(), box.lowWhisker()});
      XYSeries outline = chart.addSeries(group.name() + " box", bx, by);
      outline.setMarker(SeriesMarkers.NONE);
      outline.setLineColor(darker(color));
      outline.setLineStyle(new BasicStroke(1.5f));
      XYSeries median = chart.addSeries(group.name() + " median", new double[] {x - w, x + w},
          new double[] {box.median(), box.median()});
      median.setMarker(SeriesMarkers.NONE);
      median.setLineColor(darker(color));
      median.setLineStyle(new BasicStroke(3.5f));
      double[] px = new double[finite.length];
      for (int i = 0; i < finite.length; i++) {
        px[i] = x + jitter(i, finite.length);
        yMin = Math.min(yMin, finite[i]);
        yMax = Math.max(yMax, finite[i]);
      }
      XYSeries points = chart.addSeries(group.name(), px, finite);
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.CIRCLE);
      points.setMarkerColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 170));
    }
    style.setXAxisMin(0.5);
    style.setXAxisMax(k + 0.5);
    if (yMin <= yMax) {
      double pad = Math.max(0.06 * (yMax - yMin), log ? 0.05 : sparseness ? 1e-4 : 0.25);
      style.setYAxisMin(yMin - pad);
      style.setYAxisMax(sparseness && !log ? Math.min(1.0, yMax + pad) : yMax + pad);
    }
    return chart;
  }

  /**
   * The sideways offset of the i-th of n points: evenly spread over the jitter width in a scrambled order
   * (i times the golden ratio, modulo 1), so that neighbouring images do not line up.
   */
  static double jitter(int i, int n) {
    if (n == 1) {
      return 0;
    }
    double u = (i * 0.6180339887498949) % 1.0;
    return (2 * u - 1) * JITTER_HALF_WIDTH;
  }

  /** Whether the points' fractions of non-zeros span more than a decade (see {@link ScatterPlot}). */
  private static boolean spansDecades(List<Group> groups) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Group g : groups) {
      for (double v : g.values()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, ScatterPlot.nines(v));
          hi = Math.max(hi, ScatterPlot.nines(v));
        }
      }
    }
    return hi - lo > 1;
  }

  /** Appends a polyline, separated from the previous one by a null (a gap). */
  private static void addPath(List<Double> xs, List<Double> ys, double[] x, double[] y) {
    if (!xs.isEmpty()) {
      xs.add(x[0]);
      ys.add(null);
    }
    for (int i = 0; i < x.length; i++) {
      xs.add(x[i]);
      ys.add(y[i]);
    }
  }

  private static Color darker(Color c) {
    return new Color((int) (c.getRed() * 0.7), (int) (c.getGreen() * 0.7), (int) (c.getBlue() * 0.7));
  }

  /**
   * Draws the chart with the scenarios' names under their boxes.
   *
   * @param title the chart's title
   * @param yTitle the y axis's title, with its unit
   * @param groups the scenarios
   * @param sparseness whether the values are sparseness
   * @param width pixels
   * @param height pixels
   * @return the image
   */
  public static BufferedImage image(String title, String yTitle, List<Group> groups, boolean sparseness, int width,
      int height) {
    XYChart chart = chart(title, yTitle, groups, sparseness, width, height);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      chart.paint(g, width, height);
      // the plot's lower edge (the axis minimum) in pixels, after painting laid the chart out
      double bottom = chart.getScreenYFromChart(chart.getStyler().getYAxisMin());
      Font font = chart.getStyler().getAxisTickLabelsFont().deriveFont(Font.BOLD);
      g.setFont(font);
      g.setColor(Color.BLACK);
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i < groups.size(); i++) {
        String name = groups.get(i).name();
        double x = chart.getScreenXFromChart(i + 1);
        g.drawString(name, (float) (x - fm.stringWidth(name) / 2.0), (float) (bottom + 6 + fm.getAscent()));
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param yTitle the y axis's title, with its unit
   * @param groups the scenarios
   * @param sparseness whether the values are sparseness
   * @return the PNG
   */
  public static byte[] png(String title, String yTitle, List<Group> groups, boolean sparseness) {
    return Png.encode(image(title, yTitle, groups, sparseness, WIDTH, HEIGHT));
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param yTitle the y axis's title, with its unit
   * @param groups the scenarios
   * @param sparseness whether the values are sparseness
   */
  public static void write(Path file, String title, String yTitle, List<Group> groups, boolean sparseness) {
    AtomicFiles.write(file, png(title, yTitle, groups, sparseness));
  }
}
