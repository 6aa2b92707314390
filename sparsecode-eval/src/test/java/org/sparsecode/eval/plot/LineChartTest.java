package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
  @TempDir
  Path tmp;

  @Test
  void writesAPngOfTheDefaultSizeThatImageIoReadsBack() throws IOException {
    Path file = tmp.resolve("learning-objective.png");
    LineChart.write(file, "step-size", "objective", List.of(
        new LineChart.Series("paper", new double[] {40, 12, 9, 8.5}),
        new LineChart.Series("lipschitz", new double[] {40, 20, 11, 9})));
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(LineChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(LineChart.HEIGHT);
  }

  @Test
  void valuesThatALogarithmicAxisCannotPlaceAreLeftOut() {
    var chart = LineChart.chart("t", "objective", List.of(
        new LineChart.Series("a", new double[] {1, 0, Double.NaN, -2, 0.5})), 400, 300);
    assertThat(chart.getSeriesMap().get("a").getXData()).containsExactly(1.0, 5.0);
  }

  @Test
  void aSeriesWithNoDrawableValueIsSkipped() {
    var chart = LineChart.chart("t", "objective", List.of(new LineChart.Series("empty", new double[] {0}),
        new LineChart.Series("b", new double[] {3, 2})), 400, 300);
    assertThat(chart.getSeriesMap()).containsOnlyKeys("b");
  }
}
