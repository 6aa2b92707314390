package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrientationDensityTest {
  @TempDir
  Path tmp;

  private static final double[] EDGES = {0, Math.PI / 72, 3 * Math.PI / 72, 5 * Math.PI / 72};

  private static OrientationDensity.Fits fits() {
    return new OrientationDensity.Fits(new double[] {0.1, 1.0, 2.0, Double.NaN},
        new double[] {0.1, 0.2, 0.3, Double.NaN}, new double[] {0.95, 0.8, 0.2, 0}, EDGES, new int[] {0, 0, 1, 1},
        0.5);
  }

  @Test
  void writesAPngOfTheDefaultSizeThatImageIoReadsBack() throws IOException {
    Path file = tmp.resolve("orientation-bandwidth.png");
    OrientationDensity.write(file, "learn-full", fits());
    BufferedImage img = ImageIO.read(file.toFile());
    assertThat(img.getWidth()).isEqualTo(OrientationDensity.WIDTH);
    assertThat(img.getHeight()).isEqualTo(OrientationDensity.HEIGHT);
  }

  @Test
  void scatterPutsEachFittedAtomInItsR2ClassInDegrees() {
    var chart = OrientationDensity.scatter("t", fits(), 600, 400);
    // three finite atoms in three classes (0.95, 0.8, 0.2); the NaN atom has no place
    assertThat(chart.getSeriesMap()).hasSize(3);
    assertThat(chart.getSeriesMap().get("R² ≥ 0.9: 1").getXData()[0]).isEqualTo(Math.toDegrees(0.1));
  }

  @Test
  void histogramLabelsTheBinsInDegreesWithAnOpenLastBin() {
    var chart = OrientationDensity.histogram("t", fits(), 600, 400);
    var labels = java.util.List.<Object>copyOf(chart.getSeriesMap().get("atoms").getXData());
    assertThat(labels).containsExactly("[0°, 2.5°)", "[2.5°, 7.5°)",
        "[7.5°, 12.5°)", "≥ 12.5°");
  }

  @Test
  void mismatchedArraysAreRejected() {
    assertThatThrownBy(() -> new OrientationDensity.Fits(new double[2], new double[1], new double[2], EDGES,
        new int[4], 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
