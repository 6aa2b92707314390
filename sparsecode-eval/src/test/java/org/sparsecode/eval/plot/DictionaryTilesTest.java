package org.sparsecode.eval.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.kernel.Dictionary;

class DictionaryTilesTest {
  @TempDir
  Path tmp;

  /** 144 kernels of 12×12: kernel n has +(n + 1) at (0, 0), −(n + 1) at (1, 1), 0 elsewhere. */
  private static Dictionary plusMinus() {
    int k = 12;
    int count = 144;
    double[] v = new double[count * k * k];
    for (int n = 0; n < count; n++) {
      v[n * k * k] = n + 1;
      v[n * k * k + k + 1] = -(n + 1);
    }
    return Dictionary.of(k, count, v);
  }

  private static int grey(BufferedImage img, int x, int y) {
    int rgb = img.getRGB(x, y);
    int r = rgb >> 16 & 0xff;
    assertThat(rgb & 0xff).isEqualTo(r);
    assertThat(rgb >> 8 & 0xff).isEqualTo(r);
    return r;
  }

  @Test
  void aDictionaryOf144KernelsIsATwelveByTwelveGridOfUpscaledTiles() {
    BufferedImage img = DictionaryTiles.render(plusMinus(), 6);
    // 12 tiles of 12·6 = 72 pixels and 13 one-pixel gaps (between and around)
    assertThat(img.getWidth()).isEqualTo(12 * 72 + 13);
    assertThat(img.getHeight()).isEqualTo(12 * 72 + 13);
  }

  @Test
  void theFileHasATitleBandAboveTheTilesAndACaptionBelow() throws IOException {
    Path file = tmp.resolve("dictionary.png");
    DictionaryTiles.write(file, "quickstart/full", plusMinus());
    BufferedImage img = ImageIO.read(file.toFile());
    int tiles = 12 * 72 + 13;
    assertThat(img.getWidth()).isEqualTo(tiles + 2 * DictionaryTiles.MARGIN);
    // a title line above and two caption lines below, about 16 pixels each
    assertThat(img.getHeight()).isGreaterThan(tiles + 3 * 16);
    int firstTileRow = -1;
    for (int y = 0; y < img.getHeight() && firstTileRow < 0; y++) {
      if ((img.getRGB(img.getWidth() / 2, y) & 0xffffff) == DictionaryTiles.GAP_RGB) {
        firstTileRow = y;
      }
    }
    assertThat(firstTileRow).isGreaterThan(16);
    assertThat(darkPixels(img, 0, firstTileRow)).as("title text").isGreaterThan(50);
    assertThat(darkPixels(img, firstTileRow + tiles, img.getHeight())).as("caption text").isGreaterThan(200);
  }

  private static int darkPixels(BufferedImage img, int fromRow, int toRow) {
    int n = 0;
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aSmallDictionaryGetsAWideEnoughCanvasForItsCaption() {
    BufferedImage img = DictionaryTiles.render(Dictionary.of(3, 4, new double[36]), "tiny", 2);
    assertThat(img.getWidth()).isEqualTo(DictionaryTiles.MIN_WIDTH);
  }

  @Test
  void theTitleGivesTheRunAndTheKernelsNumberAndSize() {
    assertThat(DictionaryTiles.title("quickstart/full", plusMinus())).isEqualTo("quickstart/full: 144 kernels 12×12");
    assertThat(DictionaryTiles.title("", Dictionary.of(3, 1, new double[9]))).isEqualTo("1 kernel 3×3");
  }

  @Test
  void theCaptionOfKernelsWithoutParametersSaysIndexOrderAndTheScale() {
    assertThat(DictionaryTiles.caption(plusMinus())).containsExactly(DictionaryLayout.BY_INDEX,
        DictionaryTiles.SCALE_NOTE);
  }

  @Test
  void gridIsAsSquareAsTheCountAllows() {
    assertThat(DictionaryTiles.columns(144)).isEqualTo(12);
    assertThat(DictionaryTiles.rows(144)).isEqualTo(12);
    assertThat(DictionaryTiles.columns(145)).isEqualTo(13);
    assertThat(DictionaryTiles.rows(145)).isEqualTo(12);
    assertThat(DictionaryTiles.columns(1)).isEqualTo(1);
  }

  @Test
  void eachKernelsMaxIsWhiteItsMinBlackAndZeroMidGrey() {
    BufferedImage img = DictionaryTiles.render(plusMinus(), 6);
    // the last kernel (n = 143, values ±144) and the first (±1) look the same: each has its own scale
    for (int n : new int[] {0, 143}) {
      int x0 = 1 + (n % 12) * 73;
      int y0 = 1 + (n / 12) * 73;
      assertThat(grey(img, x0 + 2, y0 + 2)).isEqualTo(255);
      assertThat(grey(img, x0 + 6 + 2, y0 + 6 + 2)).isEqualTo(0);
      assertThat(grey(img, x0 + 40, y0 + 40)).isBetween(127, 128);
    }
  }

  @Test
  void gapsHaveTheirOwnColour() {
    BufferedImage img = DictionaryTiles.render(plusMinus(), 6);
    assertThat(img.getRGB(0, 0) & 0xffffff).isEqualTo(DictionaryTiles.GAP_RGB);
    assertThat(img.getRGB(73, 30) & 0xffffff).isEqualTo(DictionaryTiles.GAP_RGB);
  }

  @Test
  void aZeroKernelIsUniformMidGrey() {
    BufferedImage img = DictionaryTiles.render(Dictionary.of(3, 1, new double[9]), 2);
    assertThat(img.getWidth()).isEqualTo(6 + 2);
    for (int y = 1; y < 7; y++) {
      for (int x = 1; x < 7; x++) {
        assertThat(grey(img, x, y)).isBetween(127, 128);
      }
    }
  }
}
