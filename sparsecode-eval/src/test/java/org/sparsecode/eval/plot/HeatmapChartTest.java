package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapChartTest {
  @TempDir
  Path tmp;

  private static HeatmapChart.Grid grid() {
    return new HeatmapChart.Grid("solver.lambda", List.of("0.001", "0.01", "0.1"), "solver",
        List.of("{type: fista}", "{type: lca}"), new double[][] {{31, 28, Double.NaN}, {30, 27, 21}});
  }

  @Test
  void writesAPngOfTheDefaultSizeWithCategoricalTicks() throws IOException {
    Path file = tmp.resolve("heatmap.png");
    HeatmapChart.write(file, "PSNR", grid(), 2);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(HeatmapChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(HeatmapChart.HEIGHT);
  }

  @Test
  void aPairWithoutAValueIsLeftOutAndTheColourScaleSpansTheOthers() {
    var chart = HeatmapChart.chart("PSNR", grid(), 2, 400, 300);
    assertThat(chart.getHeatMapSeries().getHeatData()).hasSize(5);
    assertThat(chart.getStyler().getMin()).isEqualTo(21.0);
    assertThat(chart.getStyler().getMax()).isEqualTo(31.0);
  }

  @Test
  void aGridOfOneValueStillHasAColourScale() {
    var chart = HeatmapChart.chart("PSNR", new HeatmapChart.Grid("x", List.of("a"), "y", List.of("b"),
        new double[][] {{5}}), 2, 400, 300);
    assertThat(chart.getStyler().getMin()).isEqualTo(4.0);
    assertThat(chart.getStyler().getMax()).isEqualTo(6.0);
  }

  @Test
  void aGridWhoseValuesDoNotMatchItsLabelsIsRefused() {
    assertThatThrownBy(() -> new HeatmapChart.Grid("x", List.of("a", "b"), "y", List.of("c"),
        new double[][] {{1}})).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 0 has 1 values for 2 x labels");
  }
}
