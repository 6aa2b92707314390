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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.sparsecode.core.io.AtomicFiles;

/**
 * The time table drawn: mean solve time per image (seconds, the solve alone, as {@code results.json}
 * records it) for each variant as a bar, with ± one sample standard deviation over the images as an error
 * bar (none for a single image), and the mean written under each bar (in the tick label) so that short bars
 * stay readable.
 */
public final class SecondsChart {
  static {
    Png.headless();
  }

  /** Default width of the PNG, pixels. */
  public static final int WIDTH = 900;
  /** Default height of the PNG, pixels. */
  public static final int HEIGHT = 500;

  private SecondsChart() {}

  /**
   * One variant's solve times.
   *
   * @param name the bar's label (the variant's name)
   * @param seconds per image, seconds
   */
  public record Bar(String name, double[] seconds) {
    /** Copies. */
    public Bar {
      Objects.requireNonNull(name, "name");
      seconds = seconds.clone();
    }

    /**
     * The mean of the finite times.
     *
     * @return seconds, 0 when there are none
     */
    public double mean() {
      double sum = 0;
      int n = 0;
      for (double v : seconds) {
        if (Double.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? 0 : sum / n;
    }

    /**
     * The sample standard deviation of the finite times.
     *
     * @return seconds, 0 for fewer than two
     */
    public double sd() {
      double m = mean();
      double ss = 0;
      int n = 0;
      for (double v : seconds) {
        if (Double.isFinite(v)) {
          ss += (v - m) * (v - m);
          n++;
        }
      }
      return n < 2 ? 0 : Math.sqrt(ss / (n - 1));
    }
  }

  /**
   * Builds the chart.
   *
   * @param title the chart's title (the experiment's name)
   * @param bars the variants, drawn in this order
   * @param width pixels
   * @param height pixels
   * @return the chart
   */
  public static CategoryChart chart(String title, List<Bar> bars, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("variant").yAxisTitle("solve time per image (s), mean ± sd").build();
    var style = chart.getStyler();
    style.setLegendVisible(false);
    style.setChartBackgroundColor(Color.WHITE);
    style.setPlotBackgroundColor(Color.WHITE);
    style.setPlotGridLinesColor(new Color(220, 220, 220));
    style.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
    style.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    style.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    style.setChartTitleBoxVisible(false);
    style.setErrorBarsColorSeriesColor(false);
    style.setErrorBarsColor(Color.DARK_GRAY);
    style.setYAxisMin(0.0);
    style.setYAxisDecimalPattern("0.###");
    style.setSeriesColors(new Color[] {new Color(0x4c72b0)});
    List<String> names = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> sds = new ArrayList<>();
    double top = 0;
    for (Bar b : bars) {
      // the mean in the tick label: short bars stay readable, and labels on the bars would clash with the
      // error bars
      names.add(b.name() + " (" + seconds(b.mean()) + " s)");
      means.add(b.mean());
      sds.add(b.sd());
      top = Math.max(top, b.mean() + b.sd());
    }
    style.setYAxisMax(top > 0 ? 1.1 * top : 1.0);
    // tilt the tick labels when they would not fit side by side (about 7.5 pixels a character at 13 points)
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    if (!names.isEmpty() && longest * 7.5 > 0.9 * (width - 120) / names.size()) {
      style.setXAxisLabelRotation(25);
    }
    if (!names.isEmpty()) {
      chart.addSeries("seconds per image", names, means, sds);
    }
    return chart;
  }

  /** Three significant digits, without exponent for the usual range of solve times. */
  static String seconds(double s) {
    if (s == 0 || !Double.isFinite(s)) {
      return Double.toString(s);
    }
    return new java.math.BigDecimal(s).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /**
   * Draws the chart at the default size as PNG bytes.
   *
   * @param title the chart's title
   * @param bars the variants
   * @return the PNG
   */
  public static byte[] png(String title, List<Bar> bars) {
    try {
      return BitmapEncoder.getBitmapBytes(chart(title, bars, WIDTH, HEIGHT), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the seconds chart", e);
    }
  }

  /**
   * Writes the chart as a PNG, atomically.
   *
   * @param file the destination
   * @param title the chart's title
   * @param bars the variants
   */
  public static void write(Path file, String title, List<Bar> bars) {
    AtomicFiles.write(file, png(title, bars));
  }
}
