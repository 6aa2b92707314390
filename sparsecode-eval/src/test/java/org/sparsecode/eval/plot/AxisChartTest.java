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

class AxisChartTest {
  @TempDir
  Path tmp;

  @Test
  void writesAPngOfTheDefaultSizeWithErrorBarsOnALogarithmicAxis() throws IOException {
    Path file = tmp.resolve("psnr-vs-lambda.png");
    AxisChart.write(file, "sweep", "solver.lambda", "PSNR (dB)", List.of(
        new AxisChart.Series("size=8", new double[] {1e-3, 1e-2, 1e-1}, new double[] {31, 28, 22},
            new double[] {0.5, Double.NaN, 1}),
        new AxisChart.Series("size=12", new double[] {1e-3, 1e-2, 1e-1}, new double[] {32, 29, 23}, null)), true);
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(AxisChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(AxisChart.HEIGHT);
  }

  @Test
  void pointsALogarithmicAxisCannotPlaceAreLeftOutAndTheRestSortedByX() {
    var chart = AxisChart.chart("t", "x", "y", List.of(new AxisChart.Series("a", new double[] {0.1, 0, -1, 0.01,
        Double.NaN}, new double[] {1, 2, 3, 4, 5}, null)), true, 400, 300);
    assertThat(chart.getSeriesMap().get("a").getXData()).containsExactly(0.01, 0.1);
    assertThat(chart.getSeriesMap().get("a").getYData()).containsExactly(4.0, 1.0);
  }

  @Test
  void aSeriesWithNoDrawablePointIsSkippedAndASingleSeriesHasNoLegend() {
    var chart = AxisChart.chart("t", "x", "y", List.of(new AxisChart.Series("empty", new double[] {1},
        new double[] {Double.NaN}, null), new AxisChart.Series("b", new double[] {1, 2}, new double[] {3, 4}, null)),
        false, 400, 300);
    assertThat(chart.getSeriesMap()).containsOnlyKeys("b");
    assertThat(chart.getStyler().isLegendVisible()).isFalse();
  }

  @Test
  void aSeriesOfUnequalLengthsIsRefusedNamingIt() {
    assertThatThrownBy(() -> new AxisChart.Series("s", new double[] {1, 2}, new double[] {1}, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("series s: 2 x values for 1 y values");
  }

  @Test
  void tickLabelsHaveFourSignificantDigitsAndScientificNotationForTinyOrHugeValues() {
    assertThat(AxisChart.tick(0.001438449888)).isEqualTo("0.001438");
    assertThat(AxisChart.tick(31.25)).isEqualTo("31.25");
    assertThat(AxisChart.tick(2)).isEqualTo("2");
    assertThat(AxisChart.tick(1e-5)).isEqualTo("1e-5");
    assertThat(AxisChart.tick(2.5e6)).isEqualTo("2.5e6");
  }
}
