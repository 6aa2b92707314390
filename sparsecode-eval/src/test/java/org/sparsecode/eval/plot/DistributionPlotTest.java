package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionPlotTest {
  @TempDir
  Path tmp;

  private static final List<DistributionPlot.Group> GROUPS = List.of(
      new DistributionPlot.Group("thin", new double[] {30, 31.5, 32, 33}),
      new DistributionPlot.Group("full", new double[] {29, 30, Double.POSITIVE_INFINITY, 31}));

  @Test
  void writesANonEmptyPngOfTheDefaultSize() throws IOException {
    Path file = tmp.resolve("psnr-distribution.png");
    DistributionPlot.write(file, "study: PSNR per image", "PSNR (dB)", GROUPS, false);
    assertThat(Files.size(file)).isPositive();
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(DistributionPlot.WIDTH);
    assertThat(img.getHeight()).isEqualTo(DistributionPlot.HEIGHT);
  }

  @Test
  void theImageHasTheRequestedSize() {
    BufferedImage img = DistributionPlot.image("t", "PSNR (dB)", GROUPS, false, 640, 480);
    assertThat(img.getWidth()).isEqualTo(640);
    assertThat(img.getHeight()).isEqualTo(480);
  }

  @Test
  void everyFiniteValueIsAPointAtItsScenariosPlace() {
    var chart = DistributionPlot.chart("t", "PSNR (dB)", GROUPS, false, 600, 400);
    assertThat(chart.getSeriesMap().get("thin").getYData()).hasSize(4);
    // the infinite PSNR is left out
    assertThat(chart.getSeriesMap().get("full").getYData()).containsExactly(29.0, 30.0, 31.0);
    for (double x : chart.getSeriesMap().get("full").getXData()) {
      assertThat(x).isBetween(1.8, 2.2);
    }
  }

  @Test
  void theBoxHasNumpyQuartilesAndTukeyWhiskers() {
    // numpy.percentile([1, 2, 3, 4, 100], [25, 50, 75]) = 2, 3, 4; 100 lies beyond 4 + 1.5·2
    DistributionPlot.Box box = DistributionPlot.Box.of(new double[] {100, 3, 1, 4, 2});
    assertThat(box).isEqualTo(new DistributionPlot.Box(2, 3, 4, 1, 4));
  }

  @Test
  void sparsenessSpanningDecadesOfNonZerosGetsALogarithmicAxis() {
    var chart = DistributionPlot.chart("t", "sparseness", List.of(
        new DistributionPlot.Group("dense", new double[] {0.5, 0.6}),
        new DistributionPlot.Group("sparse", new double[] {0.999, 0.9995})), true, 600, 400);
    assertThat(chart.getYAxisTitle()).contains("logarithmic");
  }
}
