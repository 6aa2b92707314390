package org.sparsecode.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.eval.coefficients.ExponentialFit;

/**
 * The histogram of coefficient values with its exponential fit (the paper's {@code histo_coeffs}):
 * the probability per bin (counts normalised to sum 1) at each bin centre as points on a logarithmic y
 * axis, where an exponential decay is a straight line, and the fitted a·e^(−b·x) drawn over them, its a, b and
 * R² in the legend. Empty bins cannot be placed on the log axis and are left out.
 */
public final class CoefficientHistogramChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 600;

  private static final Color POINTS = new Color(0x1f77b4);
  private static final Color FIT = new Color(0xd62728);
  private static final int FIT_SAMPLES = 200;

  private CoefficientHistogramChart() {}

  /**
   * Builds the chart.
   *
   * @param title the chart's title
   * @param centres the bin centres (coefficient values)
   * @param probabilities the probability of each bin, as many as centres
   * @param fit the exponential fit to these points ({@link ExponentialFit#EMPTY} draws no line)
   * @param dataLabel the legend entry of the points (what was pooled, how many coefficients)
   * @param width pixels
   * @param height pixels
   * @return the chart
   * @throws IllegalArgumentException when centres and probabilities differ in length
   */
  public static XYChart chart(String title, double[] centres, double[] probabilities, ExponentialFit fit,
      String dataLabel, int width, int height) {
    if (centres.length != probabilities.length) {
      throw new IllegalArgumentException(centres.length + " bin centres for " + probabilities.length
          + " probabilities");
    }
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("coefficient value x (x > 0)").yAxisTitle("probability per bin (log scale)").build();
    var style = chart.getStyler();
    Png.houseStyle(style, 16);
    style.setLegendPosition(Styler.LegendPosition.InsideNE);
    style.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    style.setLegendBorderColor(new Color(220, 220, 220));
    style.setYAxisLogarithmic(true);
    style.setXAxisDecimalPattern("0.0#");
    style.setYAxisDecimalPattern("0.####");
    style.setMarkerSize(7);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < centres.length; i++) {
      double p = probabilities[i];
      if (Double.isFinite(p) && p > 0) {
        x.add(centres[i]);
        y.add(p);
        yMin = Math.min(yMin, p);
        yMax = Math.max(yMax, p);
      }
    }
    if (!x.isEmpty()) {
      XYSeries s = chart.addSeries(dataLabel, x, y);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(POINTS);
    }
    if (Double.isFinite(fit.a()) && Double.isFinite(fit.b()) && !x.isEmpty()) {
      double lo = centres[0];
      double hi = centres[centres.length - 1];
      List<Double> fx = new ArrayList<>();
      List<Double> fy = new ArrayList<>();
      for (int i = 0; i < FIT_SAMPLES; i++) {
        double v = lo + (hi - lo) * i / (FIT_SAMPLES - 1);
        double f = fit.value(v);
        // the line stays within a decade of the data so that a poor fit does not squash the points
        if (f > 0 && f >= yMin / 10 && f <= yMax * 10) {
          fx.add(v);
          fy.add(f);
        }
      }
      if (!fx.isEmpty()) {
        XYSeries s = chart.addSeries(fitLabel(fit), fx, fy);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(FIT);
        s.setLineStyle(new BasicStroke(2.5f));
        for (double f : fy) {
          yMin = Math.min(yMin, f);
          yMax = Math.max(yMax, f);
        }
      }
    }
    style.setXAxisMin(0.0);
    style.setXAxisMax(1.0);
    if (x.isEmpty()) {
      style.setYAxisMin(1e-4);
      style.setYAxisMax(1.0);
    } else {
      style.setYAxisMin(yMin / 1.5);
      style.setYAxisMax(yMax * 3);
    }
    return chart;
  }

  /**
   * The legend entry of a fit: the model and its numbers.
   *
   * @param fit the fit
   * @return e.g. {@code fit a·e^(−b·x): a = 0.0623, b = 4.32, R² = 0.963}
   */
  static String fitLabel(ExponentialFit fit) {
    return String.format(Locale.ROOT, "fit a·e^(−b·x): a = %.3g, b = %.3g, R² = %.3f", fit.a(), fit.b(),
        fit.rSquared());
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param centres the bin centres
   * @param probabilities the probability per bin
   * @param fit the fit
   * @param dataLabel the legend entry of the points
   * @return the PNG
   */
  public static byte[] png(String title, double[] centres, double[] probabilities, ExponentialFit fit,
      String dataLabel) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, centres, probabilities, fit, dataLabel, WIDTH, HEIGHT),
          BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the coefficient histogram", e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param centres the bin centres
   * @param probabilities the probability per bin
   * @param fit the fit
   * @param dataLabel the legend entry of the points
   */
  public static void write(Path file, String title, double[] centres, double[] probabilities, ExponentialFit fit,
      String dataLabel) {
    AtomicFiles.write(file, png(title, centres, probabilities, fit, dataLabel));
  }
}
