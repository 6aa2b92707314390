package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.image.Image;

class ReconstructionPanelTest {
  @TempDir
  Path tmp;

  /** A 64×64 ramp from −1 (left) to +1 (right). */
  private static Image ramp() {
    double[] px = new double[64 * 64];
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        px[y * 64 + x] = -1 + 2.0 * x / 63;
      }
    }
    return Image.grey("ramp", 64, 64, px);
  }

  @Test
  void writesThreeUpscaledPanelsAndACaptionStrip() throws IOException {
    Image image = ramp();
    double[] half = image.pixels().clone();
    for (int i = 0; i < half.length; i++) {
      half[i] *= 0.5;
    }
    Path file = tmp.resolve("reconstruction-ramp.png");
    ReconstructionPanel.write(file, image, half, 12.3);
    BufferedImage img = ImageIO.read(file.toFile());
    // 64 pixels upscaled 4× to 256, three panels and four 4-pixel margins; 24-pixel caption strip
    assertThat(ReconstructionPanel.scale(64, 64)).isEqualTo(4);
    assertThat(img.getWidth()).isEqualTo(3 * 256 + 4 * 4);
    assertThat(img.getHeight()).isEqualTo(256 + 2 * 4 + 24);
  }

  @Test
  void imageAndReconstructionShareTheImagesGreyScale() {
    Image image = ramp();
    double[] half = image.pixels().clone();
    for (int i = 0; i < half.length; i++) {
      half[i] *= 0.5;
    }
    BufferedImage img = ReconstructionPanel.render(image, half, 12.3);
    int left = 4 + 1;
    int right = 4 + 255 - 1;
    int reconX = 2 * 4 + 256;
    assertThat(img.getRGB(left, 100) & 0xff).isZero();
    assertThat(img.getRGB(right, 100) & 0xff).isEqualTo(255);
    // the reconstruction at half contrast spans only the middle half of the grey scale
    assertThat(img.getRGB(reconX + 1, 100) & 0xff).isBetween(60, 68);
    assertThat(img.getRGB(reconX + 254, 100) & 0xff).isBetween(187, 195);
  }

  @Test
  void aPerfectReconstructionHasAMidGreyResidual() {
    Image image = ramp();
    BufferedImage img = ReconstructionPanel.render(image, image.pixels().clone(), Double.POSITIVE_INFINITY);
    int residualX = 3 * 4 + 2 * 256;
    assertThat(img.getRGB(residualX + 100, 100) & 0xff).isBetween(127, 128);
  }

  @Test
  void aReconstructionOfTheWrongLengthIsRejected() {
    assertThatThrownBy(() -> ReconstructionPanel.render(ramp(), new double[10], 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 values for a 64x64 image");
  }
}
