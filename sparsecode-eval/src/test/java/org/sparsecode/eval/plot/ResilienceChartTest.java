package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResilienceChartTest {
  @TempDir
  Path tmp;

  private static final double[] CUTOFFS = {0.001, 0.1008, 0.2006, 0.3004, 0.4002, 0.5};
  private static final ResilienceChart.Curve THIN = new ResilienceChart.Curve("thin", CUTOFFS,
      new double[] {33, 31, 28, 25, 23, 22}, new double[] {0.994, 0.996, 0.997, 0.9976, 0.998, 0.9983});
  private static final ResilienceChart.Curve FULL = new ResilienceChart.Curve("full", CUTOFFS,
      new double[] {34, 32.5, 30, 27, 25, 24}, new double[] {0.990, 0.993, 0.995, 0.996, 0.997, 0.998});

  @Test
  void writesBothPanelsIntoANonEmptyPngOfTheDefaultSize() throws IOException {
    Path file = tmp.resolve("resilience.png");
    ResilienceChart.write(file, "study", ResilienceChart.ABSOLUTE_AXIS, List.of(THIN, FULL), List.of());
    assertThat(Files.size(file)).isPositive();
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(ResilienceChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(ResilienceChart.HEIGHT);
  }

  @Test
  void faintCurvesStayOutOfTheLegend() {
    var chart = ResilienceChart.panel("t", ResilienceChart.ABSOLUTE_AXIS, List.of(THIN), List.of(FULL, THIN), false,
        700, 500);
    assertThat(chart.getSeriesMap()).hasSize(3);
    assertThat(chart.getSeriesMap().get("thin").isShowInLegend()).isTrue();
    assertThat(chart.getSeriesMap().values().stream().filter(s -> s.isShowInLegend()).count()).isEqualTo(1);
  }

  @Test
  void thePanelsShowPsnrInDecibelsAndSparsenessAgainstTheCutoff() {
    var psnr = ResilienceChart.panel("t", ResilienceChart.ABSOLUTE_AXIS, List.of(THIN), List.of(), false, 700, 500);
    var sparseness = ResilienceChart.panel("t", ResilienceChart.ABSOLUTE_AXIS, List.of(THIN), List.of(), true, 700,
        500);
    assertThat(psnr.getYAxisTitle()).isEqualTo("PSNR (dB)");
    assertThat(sparseness.getYAxisTitle()).startsWith("sparseness");
    assertThat(psnr.getXAxisTitle()).isEqualTo("cutoff c (|x| < c set to 0)");
  }

  @Test
  void codesCutToNothingAreDrawnInBoundedTime() {
    // a tiny run: dense codes (sparseness 0.76) cut to nothing (sparseness 1, PSNR of the zero image); the
    // logarithmic axis then spans 1 − sparseness from 0.24 down to the floor 1e-7, where XChart's tick search
    // once looped for ever on repeated labels
    ResilienceChart.Curve cut = new ResilienceChart.Curve("cut", CUTOFFS, new double[] {21.8, 12, 9, 8.5, 8.5, 8.5},
        new double[] {0.76, 0.99, 0.9999, 1, 1, 1});
    Path file = tmp.resolve("cut.png");
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ResilienceChart.write(file, "tiny",
        ResilienceChart.ABSOLUTE_AXIS, List.of(cut, THIN), List.of(cut)));
    assertThat(file).isNotEmptyFile();
  }

  @Test
  void aCurveWithMismatchedLengthsIsRefused() {
    assertThatThrownBy(() -> new ResilienceChart.Curve("x", CUTOFFS, new double[] {1}, new double[6]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 cutoffs");
  }
}
