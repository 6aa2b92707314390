package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {
  @TempDir
  Path tmp;

  private static List<ScatterPlot.Series> twoVariants() {
    return List.of(new ScatterPlot.Series("thin", new double[] {0.95, 0.96, 0.97}, new double[] {28.1, 27.5, 26.9}),
        new ScatterPlot.Series("full", new double[] {0.97, 0.975, 0.98}, new double[] {29.0, 28.2, 27.7}));
  }

  @Test
  void writesAPngOfTheDefaultSizeThatImageIoReadsBack() throws IOException {
    Path file = tmp.resolve("psnr-vs-sparseness.png");
    ScatterPlot.write(file, "quickstart", twoVariants());
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(ScatterPlot.WIDTH);
    assertThat(img.getHeight()).isEqualTo(ScatterPlot.HEIGHT);
  }

  @Test
  void leavesNoTemporaryFileBehind() throws IOException {
    ScatterPlot.write(tmp.resolve("p.png"), "t", twoVariants());
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("p.png");
    }
  }

  @Test
  void drawsASinglePointAndSkipsAnInfinitePsnr() throws IOException {
    // a perfect reconstruction has PSNR +inf: it cannot be placed, the other point still is
    List<ScatterPlot.Series> series = List.of(new ScatterPlot.Series("exact",
        new double[] {0.5, 0.6}, new double[] {Double.POSITIVE_INFINITY, 30.0}));
    assertThat(ScatterPlot.chart("t", series, 400, 300).getSeriesMap().get("exact").getXData()).hasSize(1);
    Path file = tmp.resolve("one.png");
    ScatterPlot.write(file, "t", series);
    assertThat(ImageIO.read(file.toFile())).isNotNull();
  }

  @Test
  void seriesWithUnequalLengthsAreRejected() {
    assertThatThrownBy(() -> new ScatterPlot.Series("x", new double[2], new double[3]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 sparseness values for 3 PSNR");
  }

  @Test
  void denseAndSparseSolversTogetherGetALogarithmicSparsenessAxis() {
    // 1 − sparseness from 0.9 to 0.007: more than a decade apart
    List<ScatterPlot.Series> mixed = List.of(new ScatterPlot.Series("fista", new double[] {0.1}, new double[] {35}),
        new ScatterPlot.Series("cbpdn", new double[] {0.993}, new double[] {33}));
    assertThat(ScatterPlot.spansDecades(mixed)).isTrue();
    assertThat(ScatterPlot.spansDecades(twoVariants())).isFalse();
    assertThat(ScatterPlot.chart("t", mixed, 400, 300).getXAxisTitle()).contains("logarithmic");
  }

  @Test
  void logarithmicTicksAreLabelledInSparseness() {
    assertThat(ScatterPlot.sparsenessLabel(ScatterPlot.nines(0.99))).isEqualTo("0.99");
    assertThat(ScatterPlot.sparsenessLabel(1.0)).isEqualTo("0.9");
    assertThat(ScatterPlot.sparsenessLabel(0.0)).isEqualTo("0");
    assertThat(ScatterPlot.sparsenessLabel(2.5)).isEqualTo("0.9968");
  }
}
