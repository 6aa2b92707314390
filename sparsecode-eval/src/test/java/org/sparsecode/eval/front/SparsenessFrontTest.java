package org.sparsecode.eval.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.eval.FuzzSeeds;

/**
 * {@link SparsenessFront}: linear interpolation in PSNR between neighbouring λ points, NaN outside the front,
 * dominated points dropped; and a seeded fuzz test of its invariants ({@value #RUNS} runs by default,
 * {@code -Dfuzz.runs=N} for more, {@code -Dfuzz.seed=S} to replay one, {@value #SLOW_RUNS} in the slow test).
 */
class SparsenessFrontTest {
  private static final long BASE_SEED = 0xF407_7E57L;
  private static final int RUNS = 300;
  private static final int SLOW_RUNS = 100_000;

  /** Three λ points on a line, values exact in binary: s = 0.75 − 0.125 (p − 30). */
  private static final SparsenessFront LINE = SparsenessFront.of(new double[] {30, 32, 34},
      new double[] {0.75, 0.5, 0.25});

  @Test
  void aLinearCurveIsInterpolatedExactlyBetweenItsPoints() {
    assertThat(LINE.at(31)).isEqualTo(0.625);
    assertThat(LINE.at(33.5)).isEqualTo(0.3125);
    assertThat(LINE.at(32)).isEqualTo(0.5);
  }

  @Test
  void theEndsOfTheCurveAreIncludedAndBeyondThemIsNaN() {
    assertThat(LINE.at(30)).isEqualTo(0.75);
    assertThat(LINE.at(34)).isEqualTo(0.25);
    assertThat(LINE.at(29.999)).isNaN();
    assertThat(LINE.at(34.001)).isNaN();
    assertThat(LINE.at(Double.NaN)).isNaN();
    assertThat(LINE.minPsnr()).isEqualTo(30);
    assertThat(LINE.maxPsnr()).isEqualTo(34);
  }

  @Test
  void pointsGivenInAnyOrderMakeTheSameFront() {
    // λ increasing: PSNR falls, sparseness rises
    SparsenessFront f = SparsenessFront.of(new double[] {34, 30, 32}, new double[] {0.25, 0.75, 0.5});
    assertThat(f.psnr()).containsExactly(30, 32, 34);
    assertThat(f.sparseness()).containsExactly(0.75, 0.5, 0.25);
    assertThat(f.at(31)).isEqualTo(0.625);
  }

  @Test
  void aPointWithLowerPsnrAndLowerSparsenessThanAnotherIsDropped() {
    // the largest λ folded back: 29 dB at 0.7 is beaten by 30 dB at 0.75, so the front starts at 30 dB
    SparsenessFront f = SparsenessFront.of(new double[] {30, 32, 34, 29}, new double[] {0.75, 0.5, 0.25, 0.7});
    assertThat(f.psnr()).containsExactly(30, 32, 34);
    assertThat(f.at(29.5)).isNaN();
  }

  @Test
  void aDipInTheMiddleIsBridgedByItsSparserNeighbours() {
    // 32 dB at 0.4 is beaten by 33 dB at 0.45: interpolate from 30 to 33 dB
    SparsenessFront f = SparsenessFront.of(new double[] {30, 32, 33, 34}, new double[] {0.75, 0.4, 0.45, 0.25});
    assertThat(f.psnr()).containsExactly(30, 33, 34);
    assertThat(f.at(32)).isEqualTo(0.75 + (2.0 / 3) * (0.45 - 0.75));
  }

  @Test
  void ofPointsWithEqualPsnrTheSparsestIsKept() {
    SparsenessFront f = SparsenessFront.of(new double[] {30, 30, 34, 34}, new double[] {0.5, 0.75, 0.25, 0.25});
    assertThat(f.psnr()).containsExactly(30, 34);
    assertThat(f.sparseness()).containsExactly(0.75, 0.25);
  }

  @Test
  void pointsThatAreNotFiniteAreIgnored() {
    SparsenessFront f = SparsenessFront.of(new double[] {30, Double.POSITIVE_INFINITY, 34, Double.NaN},
        new double[] {0.75, 0.9, 0.25, 0.9});
    assertThat(f.psnr()).containsExactly(30, 34);
    assertThat(f.at(32)).isEqualTo(0.5);
  }

  @Test
  void aSinglePointHasAValueAtItsOwnPsnrOnly() {
    SparsenessFront f = SparsenessFront.of(new double[] {31}, new double[] {0.9});
    assertThat(f.at(31)).isEqualTo(0.9);
    assertThat(f.at(31.5)).isNaN();
  }

  @Test
  void anEmptyFrontIsNaNEverywhere() {
    assertThat(SparsenessFront.empty().isEmpty()).isTrue();
    assertThat(SparsenessFront.empty().at(30)).isNaN();
    assertThat(SparsenessFront.empty().minPsnr()).isNaN();
    assertThat(SparsenessFront.of(new double[] {Double.NaN}, new double[] {0.5}).isEmpty()).isTrue();
  }

  @Test
  void arraysOfDifferentLengthsAreRefused() {
    assertThatThrownBy(() -> SparsenessFront.of(new double[] {30, 31}, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("front: 2 PSNR values but 1 sparseness values; give one of each per λ");
  }

  // ---- invariants on random curves

  @TestFactory
  Stream<DynamicTest> randomCurvesGiveAFrontThatNoPointBeats() {
    return FuzzSeeds.tests(BASE_SEED, RUNS, SparsenessFrontTest::run);
  }

  @Test
  @Tag("slow")
  void randomCurvesGiveAFrontThatNoPointBeatsManyTimes() {
    FuzzSeeds.of(BASE_SEED, 1_000_000, SLOW_RUNS).forEach(SparsenessFrontTest::run);
  }

  /**
   * One run: up to 8 points, PSNR and sparseness drawn from few distinct values (so ties occur), a NaN now and
   * then. The front must be strictly increasing in PSNR and decreasing in sparseness; every input point must be
   * on or below it (no point beats it), and every front point must be an input point; between its ends the
   * interpolated value lies between its neighbours' values, and beyond them it is NaN.
   */
  private static void run(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = r.nextInt(9);
    double[] p = new double[n];
    double[] s = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = r.nextInt(10) == 0 ? Double.NaN : 25 + r.nextInt(8);
      s[j] = 0.98 + 0.002 * r.nextInt(8);
    }
    try {
      SparsenessFront f = SparsenessFront.of(p, s);
      double[] fp = f.psnr();
      double[] fs = f.sparseness();
      for (int k = 1; k < fp.length; k++) {
        assertThat(fp[k]).isGreaterThan(fp[k - 1]);
        assertThat(fs[k]).isLessThan(fs[k - 1]);
      }
      for (int k = 0; k < fp.length; k++) {
        boolean input = false;
        for (int j = 0; j < n; j++) {
          input |= p[j] == fp[k] && s[j] == fs[k];
        }
        assertThat(input).as("front point %d is an input point", k).isTrue();
      }
      for (int j = 0; j < n; j++) {
        if (Double.isFinite(p[j])) {
          // the front at a point's PSNR, or the first front point beyond it, is at least as sparse
          boolean beaten = false;
          for (int k = 0; k < fp.length; k++) {
            beaten |= fp[k] >= p[j] && fs[k] >= s[j];
          }
          assertThat(beaten).as("point %d is on or below the front", j).isTrue();
        }
      }
      if (fp.length > 0) {
        assertThat(f.at(fp[0] - 0.5)).isNaN();
        assertThat(f.at(fp[fp.length - 1] + 0.5)).isNaN();
        for (int k = 1; k < fp.length; k++) {
          double v = f.at(0.5 * (fp[k - 1] + fp[k]));
          assertThat(v).isBetween(fs[k], fs[k - 1]);
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (replay with -Dfuzz.seed=" + seed + "): " + e.getMessage(), e);
    }
  }
}
