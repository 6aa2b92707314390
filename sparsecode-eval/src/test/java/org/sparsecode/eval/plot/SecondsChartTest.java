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

class SecondsChartTest {
  @TempDir
  Path tmp;

  @Test
  void writesAPngOfTheDefaultSizeThatImageIoReadsBack() throws IOException {
    Path file = tmp.resolve("seconds.png");
    SecondsChart.write(file, "solvers", List.of(new SecondsChart.Bar("cbpdn-admm", new double[] {2.1, 2.3}),
        new SecondsChart.Bar("matching-pursuit", new double[] {0.05})));
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(SecondsChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(SecondsChart.HEIGHT);
  }

  @Test
  void barIsTheMeanWithTheSampleStandardDeviation() {
    SecondsChart.Bar bar = new SecondsChart.Bar("a", new double[] {1, 2, 3});
    assertThat(bar.mean()).isCloseTo(2.0, within(1e-15));
    assertThat(bar.sd()).isCloseTo(1.0, within(1e-15));
    assertThat(new SecondsChart.Bar("b", new double[] {4}).sd()).isZero();
  }
}
