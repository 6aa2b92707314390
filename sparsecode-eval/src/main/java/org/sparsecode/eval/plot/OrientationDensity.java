package org.sparsecode.eval.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The (θ, B_θ) distribution of a dictionary's log-Gabor re-fit, the paper's analysis of learned kernels, in one
 * PNG of two panels: left, the number of atoms per B_θ bin (atoms fitted with R² at least the threshold, as
 * the re-fit's histogram counts them); right, every atom at its (θ, B_θ), coloured by the R² of its fit, so
 * that a poorly fitted atom (noise, or a blob that is no log-Gabor) is seen for what it is. Angles are drawn
 * in degrees; the inputs are radians.
 */
public final class OrientationDensity {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 1400;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 600;

  /** Lower bounds of the R² classes of the scatter, best first; below the last, "poor fit". */
  static final double[] R2_CLASSES = {0.9, 0.7, 0.5};
  private static final Color[] R2_COLOURS = {new Color(0x1a9850), new Color(0x4575b4), new Color(0xfdae61),
      new Color(0xbbbbbb)};

  private OrientationDensity() {}

  /**
   * The fitted atoms and the B_θ histogram of the re-fit.
   *
   * @param theta per atom, orientation θ in radians, in [0, π) (NaN for an atom that could not be fitted)
   * @param bTheta per atom, orientation bandwidth B_θ in radians
   * @param r2 per atom, the R² of its fit
   * @param bThetaEdges the B_θ bin edges in radians; bin j is [e_j, e_{j+1}), the last [e_last, ∞)
   * @param bThetaCounts atoms per B_θ bin, as many as edges
   * @param minR2 the R² below which the histogram leaves an atom out
   */
  public record Fits(double[] theta, double[] bTheta, double[] r2, double[] bThetaEdges, int[] bThetaCounts,
      double minR2) {
    /**
     * Checks the lengths and copies.
     *
     * @throws IllegalArgumentException when the per-atom arrays, or edges and counts, differ in length
     */
    public Fits {
      if (theta.length != bTheta.length || theta.length != r2.length) {
        throw new IllegalArgumentException("per-atom arrays differ in length: " + theta.length + " theta, "
            + bTheta.length + " bTheta, " + r2.length + " r2");
      }
      if (bThetaEdges.length != bThetaCounts.length) {
        throw new IllegalArgumentException(bThetaEdges.length + " B_theta edges for " + bThetaCounts.length
            + " counts");
      }
      theta = theta.clone();
      bTheta = bTheta.clone();
      r2 = r2.clone();
      bThetaEdges = bThetaEdges.clone();
      bThetaCounts = bThetaCounts.clone();
    }
  }

  /**
   * The left panel: atoms per B_θ bin.
   *
   * @param title the panel's title
   * @param fits the re-fit
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static CategoryChart histogram(String title, Fits fits, int width, int height) {
    int binned = 0;
    for (int c : fits.bThetaCounts()) {
      binned += c;
    }
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("orientation bandwidth B_θ (degrees)")
        .yAxisTitle("atoms (" + binned + " of " + fits.theta().length + " with R² ≥ " + r2Text(fits.minR2()) + ")")
        .build();
    var style = chart.getStyler();
    Png.houseStyle(style, 15);
    style.setLegendVisible(false);
    style.setYAxisMin(0.0);
    style.setYAxisDecimalPattern("0");
    style.setSeriesColors(new Color[] {new Color(0x4c72b0)});
    style.setXAxisLabelRotation(30);
    style.setLabelsVisible(true);
    style.setLabelsFont(Png.LABEL);
    List<String> names = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    double[] e = fits.bThetaEdges();
    int top = 0;
    for (int j = 0; j < e.length; j++) {
      names.add(j + 1 < e.length ? "[" + degrees(e[j]) + "°, " + degrees(e[j + 1]) + "°)" : "≥ " + degrees(e[j]) + "°");
      counts.add(fits.bThetaCounts()[j]);
      top = Math.max(top, fits.bThetaCounts()[j]);
    }
    style.setYAxisMax(Math.max(1.0, Math.ceil(1.15 * top)));
    chart.addSeries("atoms", names, counts);
    return chart;
  }

  /**
   * The right panel: each atom at (θ, B_θ), one colour per R² class.
   *
   * @param title the panel's title
   * @param fits the re-fit
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static XYChart scatter(String title, Fits fits, int width, int height) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("orientation θ (degrees)").yAxisTitle("orientation bandwidth B_θ (degrees)").build();
    var style = chart.getStyler();
    Png.houseStyle(style, 15);
    style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    style.setLegendPosition(Styler.LegendPosition.InsideNE);
    style.setLegendFont(Png.LABEL);
    style.setLegendBorderColor(new Color(220, 220, 220));
    style.setMarkerSize(8);
    style.setXAxisMin(0.0);
    style.setXAxisMax(180.0);
    style.setXAxisDecimalPattern("0");
    style.setYAxisMin(0.0);
    style.setYAxisDecimalPattern("0");
    double yMax = 0;
    for (int c = 0; c <= R2_CLASSES.length; c++) {
      double low = c < R2_CLASSES.length ? R2_CLASSES[c] : Double.NEGATIVE_INFINITY;
      double high = c == 0 ? Double.POSITIVE_INFINITY : R2_CLASSES[c - 1];
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < fits.theta().length; i++) {
        double r = Double.isFinite(fits.r2()[i]) ? fits.r2()[i] : Double.NEGATIVE_INFINITY;
        double t = Math.toDegrees(fits.theta()[i]);
        double b = Math.toDegrees(fits.bTheta()[i]);
        if (r >= low && r < high && Double.isFinite(t) && Double.isFinite(b)) {
          x.add(t);
          y.add(b);
          yMax = Math.max(yMax, b);
        }
      }
      if (x.isEmpty()) {
        continue;
      }
      String name = c == 0 ? "R² ≥ " + r2Text(low) : c < R2_CLASSES.length
          ? "R² in [" + r2Text(low) + ", " + r2Text(high) + ")" : "R² < " + r2Text(high) + " (poor fit)";
      XYSeries s = chart.addSeries(name + ": " + x.size(), x, y);
      s.setMarkerColor(R2_COLOURS[c]);
      s.setMarker(c == R2_CLASSES.length ? SeriesMarkers.CROSS : SeriesMarkers.CIRCLE);
    }
    // room above the points for the legend
    style.setYAxisMax(Math.max(10.0, Math.ceil(1.3 * yMax / 5) * 5));
    return chart;
  }

  /**
   * Draws both panels side by side.
   *
   * @param title the title (the run's name); the panels' titles follow from it
   * @param fits the re-fit
   * @param width pixels of the whole image
   * @param height pixels
   * @return the image
   */
  public static BufferedImage image(String title, Fits fits, int width, int height) {
    int half = width / 2;
    return Png.sideBySide(histogram(title + ": B_θ of the log-Gabor re-fit", fits, half, height),
        scatter(title + ": (θ, B_θ) of each atom", fits, width - half, height), width, height);
  }

  /**
   * Draws the default-size image as PNG bytes.
   *
   * @param title the title
   * @param fits the re-fit
   * @return the PNG
   */
  public static byte[] png(String title, Fits fits) {
    return Png.encode(image(title, fits, WIDTH, HEIGHT));
  }

  /**
   * Writes the default-size image as a PNG, atomically.
   *
   * @param file the destination
   * @param title the title
   * @param fits the re-fit
   */
  public static void write(Path file, String title, Fits fits) {
    Png.write(file, image(title, fits, WIDTH, HEIGHT));
  }


  /** Degrees to one decimal, without a trailing ".0". */
  static String degrees(double radians) {
    String s = String.format(Locale.ROOT, "%.1f", Math.toDegrees(radians));
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String r2Text(double r2) {
    String s = String.format(Locale.ROOT, "%.2f", r2);
    return s.replaceAll("0$", "");
  }
}
