package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;

class ImageChecksTest {

  private static Image grey(int w, int h, double... v) {
    return Image.grey("x", w, h, v);
  }

  @Test
  void aConstantImageIsRefusedNamingTheFileAndWhyPsnrIsUndefined() {
    double[] v = new double[16];
    Arrays.fill(v, 7);
    assertThatThrownBy(() -> ImageChecks.prepare(grey(4, 4, v), new NoPreprocessing(), "/d/flat.png"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("image file /d/flat.png is constant (4x4, every value is 7.00000): PSNR, whose"
            + " peak is the image's range (max - min), is undefined for a constant image")
        .hasMessageEndingWith("remove it from the images");
  }

  @Test
  void anAllZeroImageIsConstant() {
    assertThat(ImageChecks.problem(grey(2, 2, 0, 0, 0, 0))).contains("is constant (2x2, every value is 0.00000)");
  }

  @Test
  void aSinglePixelIsConstant() {
    assertThat(ImageChecks.problem(grey(1, 1, 42))).contains("is constant (a single pixel, every value is 42.0000)");
  }

  @Test
  void aNanPixelIsRefusedWithItsRowAndColumn() {
    assertThatThrownBy(() -> ImageChecks.prepare(grey(3, 2, 1, 2, 3, 4, 5, Double.NaN), new NoPreprocessing(),
        "n.npy")).isInstanceOf(SparsecodeException.class)
        .hasMessage("image file n.npy holds NaN at row 1, column 2: every pixel must be a finite number; fix or"
            + " remove the file");
  }

  @Test
  void anInfinitePixelOfAColourImageNamesItsChannel() {
    double[] v = new double[12];
    Arrays.setAll(v, i -> i);
    v[9] = Double.POSITIVE_INFINITY;
    assertThat(ImageChecks.problem(new Image("c", 2, 2, 3, v)))
        .contains("holds Infinity at row 0, column 1 (channel 2)");
  }

  @Test
  void anImageFlatWhereTheCentreCropLooksIsRefusedNamingTheStep() {
    // 6x2: varied outer columns, a constant 2x2 centre
    double[] v = {0, 9, 5, 5, 9, 0, 3, 1, 5, 5, 1, 3};
    Pipeline steps = new Pipeline(List.of(new CenterCrop(), new Scale(0.5)));
    assertThatThrownBy(() -> ImageChecks.prepare(grey(6, 2, v), steps, "wide.png"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("image file wide.png, after preprocessing step 'center-crop' (1 of 2), is constant"
            + " (2x2, every value is 5.00000)")
        .hasMessageContaining("change images.preprocess");
  }

  @Test
  void aConstantImageIsRefusedBeforeLocalContrastNormalisationTurnsItIntoNoise() {
    double[] v = new double[64];
    Arrays.fill(v, 0.3);
    assertThatThrownBy(() -> ImageChecks.prepare(grey(8, 8, v), Preprocessing.localContrast(8), "c.png"))
        .isInstanceOf(SparsecodeException.class).hasMessageStartingWith("image file c.png is constant (8x8");
  }

  @Test
  void rowsOfRoundingAroundAConstantCountAsConstant() {
    assertThat(ImageChecks.problem(grey(2, 1, 0.3, 0.3 + 1e-15))).isPresent();
  }

  @Test
  void aSmallButRealContrastIsKept() {
    assertThat(ImageChecks.problem(grey(2, 1, 1.0, 1.0 + 1e-6))).isEmpty();
  }

  @Test
  void aGoodImageComesOutPreprocessed() {
    double[] v = {0, 1, 2, 3};
    Image out = ImageChecks.prepare(grey(2, 2, v), new Scale(2), "g.png");
    assertThat(out.pixels()).containsExactly(0, 2, 4, 6);
  }
}
