package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.NpyArray;

/**
 * LCN against the float64 formula of fixtures README §2. The {@code images/ref_lcn_*} arrays were computed
 * by a numpy transcription of that formula (FFT route), which reproduces {@code img_camera_lcn256.npy}
 * bit for bit.
 */
class LocalContrastNormalisationTest {

  @Test
  void gaussianWindowAgreesWithThePapersFloat32WindowToFloat32Rounding() {
    NpyArray paper = Resources.fixture("lcn_gaussian15_paper_float32.npy");
    double[] g = LocalContrastNormalisation.gaussian(7);
    // The paper computes g in float32 arithmetic: relative error ~1e-7 of the largest weight (~0.06).
    assertThat(Resources.maxAbsDiff(g, paper.data())).isLessThan(2e-8);
  }

  @Test
  void gaussianWindowSumsToOne() {
    double sum = 0;
    for (double v : LocalContrastNormalisation.gaussian(7)) {
      sum += v;
    }
    assertThat(sum).isCloseTo(1.0, offset(1e-15));
  }

  @Test
  void imageSmallerThanTheWindowIsPaddedByRepeatedMirroringAsNumpy() {
    NpyArray in = Resources.fixture("../images/lcn_input_5x6.npy");
    double[] out = LocalContrastNormalisation.normalise(in.data(), 5, 6, 7);
    NpyArray ref = Resources.fixture("../images/ref_lcn_5x6_n7.npy");
    assertThat(Resources.maxAbsDiff(out, ref.data())).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void otherWindowSizesFollowTheSameFormula() {
    NpyArray in = Resources.fixture("../images/lcn_input_5x6.npy");
    double[] out = LocalContrastNormalisation.normalise(in.data(), 5, 6, 2);
    NpyArray ref = Resources.fixture("../images/ref_lcn_5x6_n2.npy");
    assertThat(Resources.maxAbsDiff(out, ref.data())).isLessThanOrEqualTo(1e-12);
  }

  @Test
  void normalisationIsScaleInvariant() {
    // fixtures README §2: 0-255 vs 0-1 input differ by 2e-14 in the reference.
    NpyArray raw = Resources.fixture("img_camera_raw256.npy");
    double[] scaled = raw.data().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 255;
    }
    double[] a = LocalContrastNormalisation.normalise(raw.data(), 256, 256, 7);
    double[] b = LocalContrastNormalisation.normalise(scaled, 256, 256, 7);
    assertThat(Resources.maxAbsDiff(a, b)).isLessThan(1e-12);
  }

  @Test
  void eachChannelIsNormalisedOnItsOwnAndTheIdIsKept() {
    NpyArray in = Resources.fixture("../images/lcn_input_5x6.npy");
    double[] two = new double[60];
    System.arraycopy(in.data(), 0, two, 0, 30);
    System.arraycopy(in.data(), 0, two, 30, 30);
    Image out = new LocalContrastNormalisation(7).apply(new Image("x", 6, 5, 2, two));
    NpyArray ref = Resources.fixture("../images/ref_lcn_5x6_n7.npy");
    assertThat(out.id()).isEqualTo("x");
    assertThat(Resources.maxAbsDiff(Arrays.copyOfRange(out.pixels(), 30, 60), ref.data()))
        .isLessThanOrEqualTo(1e-12);
  }
}
