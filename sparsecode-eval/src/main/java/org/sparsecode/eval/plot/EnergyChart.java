package org.sparsecode.eval.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.sparsecode.core.io.AtomicFiles;

/**
 * The distribution of coefficient energy over the orientation bandwidth B_θ: one bar per B_θ group of a
 * log-Gabor dictionary, its height the group's share of Σx² over all coefficients (the shares sum to 1),
 * the share also written as a percentage under each bar (in the tick label), so that shares too small to see
 * as bars still read. B_θ is drawn in degrees; the inputs are radians.
 */
public final class EnergyChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 550;

  private EnergyChart() {}

  /**
   * Builds the chart.
   *
   * @param title the chart's title
   * @param bThetas the groups' B_θ, radians, in drawing order
   * @param fractions each group's share of the coefficient energy, as many as groups
   * @param width pixels
   * @param height pixels
   * @return the chart
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public static CategoryChart chart(String title, double[] bThetas, double[] fractions, int width, int height) {
    if (bThetas.length != fractions.length) {
      throw new IllegalArgumentException(bThetas.length + " bandwidths for " + fractions.length + " fractions");
    }
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("orientation bandwidth B_θ (degrees), share of the energy in brackets")
        .yAxisTitle("fraction of coefficient energy Σx²")
        .build();
    var style = chart.getStyler();
    Png.houseStyle(style, 16);
    style.setLegendVisible(false);
    style.setYAxisMin(0.0);
    style.setYAxisDecimalPattern("0.0#");
    style.setSeriesColors(new Color[] {new Color(0x4c72b0)});
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    double top = 0;
    for (int i = 0; i < bThetas.length; i++) {
      double f = Double.isFinite(fractions[i]) ? fractions[i] : 0;
      names.add(OrientationDensity.degrees(bThetas[i]) + "° (" + OrientationPolar.percent(f) + ")");
      values.add(f);
      top = Math.max(top, f);
    }
    style.setYAxisMax(top > 0 ? Math.min(1.0, 1.1 * top) : 1.0);
    if (!names.isEmpty()) {
      chart.addSeries("energy", names, values);
    }
    return chart;
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param bThetas the groups' B_θ, radians
   * @param fractions the energy shares
   * @return the PNG
   */
  public static byte[] png(String title, double[] bThetas, double[] fractions) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, bThetas, fractions, WIDTH, HEIGHT),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the energy chart", e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param bThetas the groups' B_θ, radians
   * @param fractions the energy shares
   */
  public static void write(Path file, String title, double[] bThetas, double[] fractions) {
    AtomicFiles.write(file, png(title, bThetas, fractions));
  }
}
