package org.sparsecode.eval.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.eval.metric.Measures;

class ResilienceTest {

  // one 1×1 kernel of value 1: the reconstruction is the code itself. Image s = [1, 0.5, 0.2, 0] (range 1),
  // code x = [0.9, 0.5, 0.2, 0]
  private static final Dictionary IDENTITY = Dictionary.of(1, 1, new double[] {1});
  private static final Image SMALL = Image.grey("small", 2, 2, new double[] {1, 0.5, 0.2, 0});
  private static final SparseCode SMALL_CODE = SparseCode.fromDense(1, 2, 2, new double[] {0.9, 0.5, 0.2, 0});

  @Test
  void defaultCutoffsAreNumpyLinspace() {
    // numpy.linspace(0.001, 0.5, 6), printed by numpy (repr round-trips)
    assertThat(Resilience.DEFAULT_CUTOFFS).containsExactly(0.001, 0.1008, 0.2006, 0.3004, 0.4002, 0.5);
    assertThat(Resilience.DEFAULT_CEIL_DIVISORS).containsExactly(4.0, 2.0);
  }

  @Test
  void handBuiltCodeGivesTheExpectedPsnrAtEachCutoff() {
    // 10·log10(1 / mse) with mse = 0.01/4, 0.05/4, 0.30/4, 1.29/4 (errors [0.1], [0.1, 0.2], [0.1, 0.5, 0.2],
    // [1, 0.5, 0.2]); values from Python's math.log10
    ResilienceCurve curve = Resilience.absolute(SMALL_CODE, IDENTITY, SMALL, List.of(0.0, 0.3, 0.6, 1.0));
    List<ResiliencePoint> p = curve.points();
    assertThat(p.get(0).psnr()).isCloseTo(26.020599913279625, within(1e-10));
    assertThat(p.get(1).psnr()).isCloseTo(19.030899869919434, within(1e-10));
    assertThat(p.get(2).psnr()).isCloseTo(11.249387366082999, within(1e-10));
    assertThat(p.get(3).psnr()).isCloseTo(4.9147028102871335, within(1e-10));
    assertThat(p).extracting(ResiliencePoint::sparseness).containsExactly(0.25, 0.5, 0.75, 1.0);
    assertThat(p).extracting(ResiliencePoint::nonZeros).containsExactly(3, 2, 1, 0);
  }

  @Test
  void cutoffZeroReproducesTheUnthresholdedMetrics() {
    Fixture f = Fixture.random(3);
    ResiliencePoint p = Resilience.absolute(f.code, f.dictionary, f.image, List.of(0.0)).points().get(0);
    assertThat(p.psnr()).isEqualTo(Measures.psnr(f.image.pixels(), f.code.reconstruct(f.dictionary)));
    assertThat(p.sparseness()).isEqualTo(f.code.sparseness());
    assertThat(p.nonZeros()).isEqualTo(f.code.nonZeros());
  }

  @Test
  void sparsenessIsNonDecreasingInTheCutoff() {
    Fixture f = Fixture.random(5);
    List<ResiliencePoint> p = Resilience.absolute(f.code, f.dictionary, f.image).points();
    assertThat(p).hasSize(6);
    for (int i = 1; i < p.size(); i++) {
      assertThat(p.get(i).sparseness()).isGreaterThanOrEqualTo(p.get(i - 1).sparseness());
    }
    assertThat(p.get(5).sparseness()).isGreaterThan(p.get(0).sparseness());
  }

  @Test
  void ceilWithDivisorOneKeepsOnlyTheLargestCoefficients() {
    // two coefficients tie for the largest magnitude (−0.8 and 0.8): both are kept
    SparseCode code = SparseCode.fromDense(1, 2, 2, new double[] {-0.8, 0.5, 0.8, 0.1});
    ResiliencePoint p = Resilience.ceil(code, IDENTITY, SMALL, List.of(1.0)).points().get(0);
    assertThat(p.threshold()).isEqualTo(0.8);
    assertThat(p.nonZeros()).isEqualTo(2);
    // reconstruction [−0.8, 0, 0.8, 0]: errors [1.8, 0.5, −0.6, 0], mse = 3.85 / 4
    assertThat(p.psnr()).isCloseTo(10 * Math.log10(4 / 3.85), within(1e-12));
  }

  @Test
  void ceilDivisorsScaleTheLargestMagnitude() {
    ResilienceCurve curve = Resilience.ceil(SMALL_CODE, IDENTITY, SMALL, Resilience.DEFAULT_CEIL_DIVISORS);
    // max|x| = 0.9: thresholds 0.225 (keeps 0.9, 0.5) and 0.45 (keeps 0.9, 0.5)
    assertThat(curve.form()).isEqualTo(ResilienceCurve.Form.CEIL);
    assertThat(curve.points()).extracting(ResiliencePoint::threshold).containsExactly(0.225, 0.45);
    assertThat(curve.points()).extracting(ResiliencePoint::nonZeros).containsExactly(2, 2);
  }

  @Test
  void mapsAreKeyedByDoubleToStringOfTheCutoff() {
    ResilienceCurve curve = Resilience.absolute(SMALL_CODE, IDENTITY, SMALL);
    assertThat(curve.psnr().keySet()).containsExactly("0.001", "0.1008", "0.2006", "0.3004", "0.4002", "0.5");
    // only |x| < c is zeroed: at c = 0.5 the coefficient 0.5 stays (0.9 and 0.5 kept of 4)
    assertThat(curve.sparseness().get("0.5")).isEqualTo(0.5);
    assertThat(curve.byCutoff().get("0.001").nonZeros()).isEqualTo(3);
  }

  @Test
  void negativeCutoffsAndNonPositiveDivisorsAreRejected() {
    assertThatThrownBy(() -> Resilience.absolute(SMALL_CODE, IDENTITY, SMALL, List.of(-0.1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-0.1");
    assertThatThrownBy(() -> Resilience.ceil(SMALL_CODE, IDENTITY, SMALL, List.of(0.0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("divisor");
  }

  @Test
  void anImageOfAnotherSizeIsRejected() {
    Image other = Image.grey("other", 3, 2, new double[6]);
    assertThatThrownBy(() -> Resilience.absolute(SMALL_CODE, IDENTITY, other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2");
  }

  /** A random 2-kernel 3×3 dictionary, a 16×16 image and a dense random code with magnitudes up to 0.6. */
  private record Fixture(Dictionary dictionary, Image image, SparseCode code) {
    static Fixture random(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      double[] d = new double[2 * 9];
      for (int i = 0; i < d.length; i++) {
        d[i] = r.nextDouble(-1, 1);
      }
      double[] s = new double[16 * 16];
      for (int i = 0; i < s.length; i++) {
        s[i] = r.nextDouble();
      }
      double[] x = new double[2 * 16 * 16];
      for (int i = 0; i < x.length; i++) {
        x[i] = r.nextDouble() < 0.3 ? r.nextDouble(-0.6, 0.6) : 0;
      }
      return new Fixture(Dictionary.of(3, 2, d), Image.grey("random", 16, 16, s),
          SparseCode.fromDense(2, 16, 16, x));
    }
  }
}
