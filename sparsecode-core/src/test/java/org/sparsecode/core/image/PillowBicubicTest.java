package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.NpyArray;

/**
 * Bicubic resize against Pillow 9.4.0 ({@code PIL.Image.resize(size, Image.BICUBIC)}); the reference arrays
 * under {@code images/pil_*.npy} were written by Pillow 9.4.0 / numpy 1.24.2 from skimage 0.19.3's images.
 */
class PillowBicubicTest {

  @Test
  void cameraDownsampledByANonIntegerFactorMatchesPillowExactly() {
    Image out = new Resize(100).apply(Resources.photo("camera.png"));
    NpyArray ref = Resources.fixture("../images/pil_camera_bicubic100.npy");
    assertThat(out.pixels()).containsExactly(ref.data());
  }

  @Test
  void smallNonSquareImageUpsampledMatchesPillowExactly() {
    // 13 rows x 20 columns of random uint8 (numpy default_rng(7)) stretched to 64 x 64.
    Image small = Resources.photo("small13x20_u8.npy");
    Image out = new Resize(64).apply(small);
    NpyArray ref = Resources.fixture("../images/pil_small13x20_bicubic64.npy");
    assertThat(out.pixels()).containsExactly(ref.data());
  }

  @Test
  void rgbChannelsAreResampledEachAsPillowDoes() {
    // Coffee 600 x 400 RGB straight to 37 x 37 (no crop); reference stores the R, G, B planes stacked.
    Image out = new Resize(37).apply(Resources.photo("coffee.png"));
    NpyArray ref = Resources.fixture("../images/pil_coffee_bicubic37_planes.npy");
    assertThat(out.channels()).isEqualTo(3);
    assertThat(out.pixels()).containsExactly(ref.data());
  }

  @Test
  void realValuedImagesFollowPillowFloatModeUpToFloat32Rounding() {
    // Pillow's mode F stores float32 between and after the passes; this path stays in double.
    Image cam = new Scale(ScaleSettings.DEFAULT_FACTOR).apply(Resources.photo("camera.png"));
    Image out = new Resize(100).apply(cam);
    NpyArray ref = Resources.fixture("../images/pil_camera_float_bicubic100.npy");
    assertThat(Resources.maxAbsDiff(out.pixels(), ref.data())).isLessThan(1e-6);
  }

  @Test
  void resizingToTheSameSizeCopiesTheValues() {
    int[] in = {0, 10, 20, 30, 40, 50, 60, 70, 80};
    int[] out = PillowBicubic.resize8Bit(in, 3, 3, 3, 3);
    assertThat(out).containsExactly(in).isNotSameAs(in);
  }

  @Test
  void cubicKernelIsKeysWithAMinusOneHalf() {
    assertThat(PillowBicubic.cubic(0.0)).isEqualTo(1.0);
    assertThat(PillowBicubic.cubic(1.0)).isEqualTo(0.0);
    assertThat(PillowBicubic.cubic(2.0)).isEqualTo(0.0);
    // (a + 2)|x|^3 - (a + 3)|x|^2 + 1 at x = 0.5, a = -0.5: 0.1875 - 0.625 + 1
    assertThat(PillowBicubic.cubic(-0.5)).isEqualTo(0.5625);
    // a(|x|^3 - 5|x|^2 + 8|x| - 4) at x = 1.5: -0.5 * (3.375 - 11.25 + 12 - 4)
    assertThat(PillowBicubic.cubic(1.5)).isEqualTo(-0.0625);
  }
}
