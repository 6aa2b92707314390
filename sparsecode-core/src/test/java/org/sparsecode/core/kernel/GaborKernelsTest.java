package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;

class GaborKernelsTest {

  /**
   * The angle, from the row axis towards the column axis, of the largest 2-D DFT coefficient of a kernel,
   * folded into [0, π) (a real kernel's spectrum is symmetric).
   */
  private static double spectralPeakAngle(double[] k, int n) {
    double best = -1;
    double angle = Double.NaN;
    for (int u = -n / 2; u < n / 2; u++) {
      for (int v = -n / 2; v < n / 2; v++) {
        double re = 0;
        double im = 0;
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < n; c++) {
            double a = -2 * Math.PI * (u * r + v * c) / n;
            re += k[r * n + c] * Math.cos(a);
            im += k[r * n + c] * Math.sin(a);
          }
        }
        double m = re * re + im * im;
        if (m > best + 1e-9 * Math.abs(best)) {
          best = m;
          angle = Math.atan2(v, u);
        }
      }
    }
    return ((angle % Math.PI) + Math.PI) % Math.PI;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, Math.PI / 4, Math.PI / 2, 3 * Math.PI / 4})
  void spectralPeakLiesAtThetaFromTheRowAxisLikeLogGabor(double theta) {
    // 32x32, 0.25 cycles/pixel: for these angles the carrier falls on the DFT grid direction exactly
    double[] gabor = GaborKernels.kernel(32, theta, 0.0, 0.25, 8);
    double[] logGabor = LogGaborKernels.ofSize(32).kernel(new KernelInfo(theta, 0.2, 0.0, 0.25, 0.4));
    assertThat(spectralPeakAngle(gabor, 32)).isCloseTo(theta, within(1e-12));
    assertThat(spectralPeakAngle(logGabor, 32)).isCloseTo(theta, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"0.0, 0.0", "1.0, 0.0", "0.0, 1.5707963267948966", "1.0, 1.5707963267948966"})
  void kernelsResembleLogGaborKernelsOfTheSameOrientationAndPhase(double theta, double phase) {
    // same conventions (angle from the row axis, centre (N/2, N/2), exp(-i phase)) => cosine ~0.85
    double[] gabor = GaborKernels.kernel(12, theta, phase, 0.25, 3);
    double[] logGabor = LogGaborKernels.ofSize(12).kernel(new KernelInfo(theta, 0.3, phase, 0.25, 0.4));
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < gabor.length; i++) {
      ab += gabor[i] * logGabor[i];
      aa += gabor[i] * gabor[i];
      bb += logGabor[i] * logGabor[i];
    }
    assertThat(ab / Math.sqrt(aa * bb)).isGreaterThan(0.7);
  }

  @Test
  void everyKernelHasMaxAbsOneAndMedianZero() {
    Dictionary d = GaborKernels.dictionary(new GaborSettings(null, null, null, null, null));
    assertThat(d.count()).isEqualTo(24);
    for (int k = 0; k < d.count(); k++) {
      double[] v = d.kernel(k);
      assertThat(Arrays.stream(v).map(Math::abs).max().orElseThrow()).isEqualTo(1.0);
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      assertThat((sorted[71] + sorted[72]) / 2).isCloseTo(0.0, within(1e-15));
    }
  }

  @Test
  void atomOrderIsThetaThenPhaseWithParametersInKernelInfo() {
    Dictionary d = GaborKernels.dictionary(new GaborSettings(8, List.of(0.1, 0.2), List.of(0.0, 1.0), 0.3, 2.0));
    KernelInfo info = d.info().get(3);
    assertThat(info.theta()).isEqualTo(0.2);
    assertThat(info.phase()).isEqualTo(1.0);
    assertThat(info.sf0()).isEqualTo(0.3);
    assertThat(d.kernel(3)).containsExactly(GaborKernels.kernel(8, 0.2, 1.0, 0.3, 2.0));
  }

  @Test
  void sigmaDefaultsToAQuarterOfTheSize() {
    assertThat(new GaborSettings(16, null, null, null, null).sigma()).isEqualTo(4.0);
  }

  @Test
  void sf0AboveNyquistIsRejected() {
    assertThatThrownBy(() -> new GaborSettings(null, null, null, 0.75, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sf0:");
  }

  @Test
  void nonPositiveSigmaIsRejected() {
    assertThatThrownBy(() -> new GaborSettings(null, null, null, null, 0.0))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sigma:");
  }

  @Test
  void tooSmallSizeIsRejected() {
    assertThatThrownBy(() -> new GaborSettings(1, null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("size:");
  }

  @Test
  void zeroThetasIsRejected() {
    assertThatThrownBy(() -> new GaborSettings(null, 0, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas:");
  }
}
