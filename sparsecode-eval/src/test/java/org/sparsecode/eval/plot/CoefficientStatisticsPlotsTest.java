package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.eval.coefficients.ExponentialFit;
import org.sparsecode.eval.coefficients.VonMisesFit;

class CoefficientStatisticsPlotsTest {
  @TempDir
  Path tmp;

  private static final double[] CENTRES = {0.1, 0.3, 0.5, 0.7, 0.9};
  private static final double[] PROBABILITIES = {0.6, 0.25, 0.1, 0.05, 0};

  /** A two-peak activity over 12 orientations and its fit. */
  private static OrientationPolar.Panel panel(double bTheta) {
    double[] theta = new double[12];
    double[] y = new double[12];
    double sum = 0;
    for (int i = 0; i < 12; i++) {
      theta[i] = Math.PI * i / 12;
      y[i] = 0.02 + Math.exp(3 * (Math.cos(2 * theta[i]) - 1)) + 0.5 * Math.exp(5 * (Math.cos(2 * (theta[i] - 1.4))
          - 1));
      sum += y[i];
    }
    for (int i = 0; i < 12; i++) {
      y[i] /= sum;
    }
    return new OrientationPolar.Panel(bTheta, theta, y, VonMisesFit.fit(theta, y), 0.3, "12 coefficients");
  }

  @Test
  void histogramChartIsAPngOfTheDefaultSize() throws IOException {
    Path file = tmp.resolve("coefficient-histogram.png");
    CoefficientHistogramChart.write(file, "run", CENTRES, PROBABILITIES, ExponentialFit.fit(CENTRES, PROBABILITIES),
        "pooled");
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(CoefficientHistogramChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(CoefficientHistogramChart.HEIGHT);
  }

  @Test
  void emptyBinsAreLeftOffTheLogAxisAndTheFitIsInTheLegend() {
    ExponentialFit fit = ExponentialFit.fit(CENTRES, PROBABILITIES);
    var chart = CoefficientHistogramChart.chart("run", CENTRES, PROBABILITIES, fit, "pooled", 600, 400);
    assertThat(chart.getSeriesMap().get("pooled").getXData()).hasSize(4);
    assertThat(chart.getSeriesMap()).containsKey(CoefficientHistogramChart.fitLabel(fit));
    assertThat(CoefficientHistogramChart.fitLabel(fit)).contains("a = ", "b = ", "R² = ");
  }

  @Test
  void polarPlotHasOnePanelPerBandwidthInRowsOfThree() throws IOException {
    Path file = tmp.resolve("orientation-activity.png");
    List<OrientationPolar.Panel> panels = List.of(panel(0.087), panel(0.17), panel(0.26), panel(0.35));
    OrientationPolar.write(file, "run: activity over θ per B_θ", panels);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(3 * OrientationPolar.PANEL_WIDTH);
    assertThat(img.getHeight()).isGreaterThan(2 * OrientationPolar.PANEL_HEIGHT);
  }

  @Test
  void polarPlotOfNoPanelStillDraws() {
    assertThat(OrientationPolar.png("empty", List.of())).isNotEmpty();
  }

  @Test
  void radialAxisEndsAtARoundNumber() {
    assertThat(OrientationPolar.niceTop(0.083)).isEqualTo(0.1, within(1e-12));
    assertThat(OrientationPolar.niceTop(0.13)).isEqualTo(0.2, within(1e-12));
    assertThat(OrientationPolar.niceTop(0)).isEqualTo(1.0);
  }

  @Test
  void sharesBelowATenthOfAPercentKeepTwoSignificantDigits() {
    assertThat(OrientationPolar.percent(0.5)).isEqualTo("50.0 %");
    assertThat(OrientationPolar.percent(3.036e-4)).isEqualTo("0.030 %");
    assertThat(OrientationPolar.percent(0)).isEqualTo("0.0 %");
    assertThat(OrientationPolar.percent(0.99970)).isEqualTo("99.97 %");
    assertThat(OrientationPolar.percent(1)).isEqualTo("100.0 %");
  }

  @Test
  void energyChartIsAPngWithOneBarPerBandwidthInDegrees() throws IOException {
    double[] b = {Math.PI / 36, Math.PI / 18};
    var chart = EnergyChart.chart("run", b, new double[] {0.7, 0.3}, 600, 400);
    assertThat(List.<Object>copyOf(chart.getSeriesMap().get("energy").getXData()))
        .containsExactly("5° (70.0 %)", "10° (30.0 %)");
    Path file = tmp.resolve("energy-btheta.png");
    EnergyChart.write(file, "run", b, new double[] {0.7, 0.3});
    assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(EnergyChart.WIDTH);
  }
}
