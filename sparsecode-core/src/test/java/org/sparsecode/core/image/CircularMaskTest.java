package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.core.plugin.PluginRegistry;

class CircularMaskTest {

  @Test
  void defaultExponentIsSlipsThreeAndNonPositiveIsAConfigErrorOnExponent() {
    assertThat(new CircularMaskSettings(null).exponent()).isEqualTo(3.0);
    ConfigException e = null;
    try {
      new CircularMaskSettings(0.0);
    } catch (ConfigException thrown) {
      e = thrown;
    }
    assertThat(e).isNotNull();
    assertThat(e.key()).isEqualTo("exponent");
  }

  @Test
  void pluginIsRegisteredAsCircularMask() {
    Object settings = PluginRegistry.load().find(ImagePreprocessor.class, "circular-mask").settings();
    assertThat(settings).isEqualTo(CircularMaskSettings.class);
  }

  @Test
  void cornersAreExactlyZero() {
    for (int[] hw : new int[][] {{12, 12}, {9, 9}, {256, 256}, {6, 10}}) {
      int h = hw[0];
      int w = hw[1];
      double[] m = CircularMask.mask(h, w, 3);
      assertThat(new double[] {m[0], m[w - 1], m[(h - 1) * w], m[h * w - 1]}).containsOnly(0.0);
    }
  }

  @Test
  void centreIsOneForOddSides() {
    // mgrid[-1:1:9j] has step 0.25 exactly, so the centre sample is 0.0 and R = 0.
    assertThat(CircularMask.mask(9, 9, 3)[4 * 9 + 4]).isEqualTo(1.0);
  }

  @Test
  void evenSidesFollowTheFormulaAtTheFourCentralPixels() {
    // 12 samples: the central ones sit at ±1/11, R = sqrt(2)/11.
    double r = Math.sqrt(2) / 11;
    double want = Math.pow((Math.cos(Math.PI * r) + 1) / 2, 1.0 / 3);
    double[] m = CircularMask.mask(12, 12, 3);
    for (int p : new int[] {5 * 12 + 5, 5 * 12 + 6, 6 * 12 + 5, 6 * 12 + 6}) {
      assertThat(m[p]).isCloseTo(want, within(1e-15));
    }
  }

  @Test
  void valuesFollowTheFormulaAtAFewPixels() {
    double[] m = CircularMask.mask(5, 5, 3);
    // row 1, column 2: x = -0.5, y = 0, R = 0.5: ((cos(π/2) + 1)/2)^(1/3) = 0.5^(1/3)
    assertThat(m[1 * 5 + 2]).isCloseTo(0.7937005259840998, within(1e-15));
    // row 1, column 1: R = sqrt(0.5)
    double r = Math.sqrt(0.5);
    assertThat(m[1 * 5 + 1]).isCloseTo(Math.cbrt((Math.cos(Math.PI * r) + 1) / 2), within(1e-15));
    // row 0, column 2: R = 1, not inside the disc
    assertThat(m[2]).isEqualTo(0.0);
    // exponent 1: the raised cosine itself
    assertThat(CircularMask.mask(5, 5, 1)[1 * 5 + 2]).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void allOnesTwelveByTwelveGivesTheKernelFixturesMask() {
    // lg12_mask.npy: SLIP's own mask for N = 12 (fixtures README §1), float64
    NpyArray fixture = Resources.fixture("lg12_mask.npy");
    double[] ones = new double[144];
    Arrays.fill(ones, 1.0);
    Image out = new CircularMask(3).apply(Image.grey("ones", 12, 12, ones));
    assertThat(Resources.maxAbsDiff(out.pixels(), fixture.data())).isLessThan(1e-15);
  }

  @Test
  void everyChannelIsMultiplied() {
    double[] px = new double[3 * 25];
    Arrays.fill(px, 2.0);
    Image out = new CircularMask(3).apply(new Image("rgb", 5, 5, 3, px));
    double[] m = CircularMask.mask(5, 5, 3);
    for (int c = 0; c < 3; c++) {
      for (int q = 0; q < 25; q++) {
        assertThat(out.pixels()[c * 25 + q]).isEqualTo(2.0 * m[q]);
      }
    }
  }
}
