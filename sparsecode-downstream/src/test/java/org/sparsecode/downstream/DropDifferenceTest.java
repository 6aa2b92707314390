package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.downstream.DropDifference.Contrast;
import org.sparsecode.downstream.DropDifference.Result;
import org.sparsecode.experiments.report.DownstreamReport;
import org.sparsecode.experiments.report.DownstreamReport.Resilience;

/**
 * The difference of two inputs' drops under a cutoff on planted per-image correctness: 400 test images, A and B
 * right on the first k of them at ceil none and at the cutoff.
 */
class DropDifferenceTest {
  private static final int N = 400;
  private static final List<Contrast> A_AGAINST_B = List.of(new Contrast(0, 1, 2, 3));

  /** Right on the first {@code right} images, wrong on the rest. */
  private static double[] firstRight(int right) {
    double[] c = new double[N];
    for (int i = 0; i < right; i++) {
      c[i] = 1;
    }
    return c;
  }

  /** Right on the last {@code right} images. */
  private static double[] lastRight(int right) {
    double[] c = new double[N];
    for (int i = N - right; i < N; i++) {
      c[i] = 1;
    }
    return c;
  }

  private static Resilience row(Result r) {
    return new Resilience("full", "thin", "2", r.dropA(), r.dropB(), r.delta(), r.low(), r.high(), r.p(),
        r.images());
  }

  @Test
  void anInputThatLosesLessUnderTheCutoffHasADifferenceWhoseIntervalExcludesZero() {
    // A: 360 → 350 right (drop −2.5 points); B: 360 → 300 (drop −15): Δ = +12.5 points on 50 images
    Result r = DropDifference.compare(new double[][] {firstRight(360), firstRight(350), firstRight(360),
        firstRight(300)}, A_AGAINST_B, 42).get(0);
    assertThat(r.images()).isEqualTo(N);
    assertThat(r.dropA()).isCloseTo(-0.025, within(1e-12));
    assertThat(r.dropB()).isCloseTo(-0.15, within(1e-12));
    assertThat(r.delta()).isCloseTo(0.125, within(1e-12));
    // 50 images of +1 among 400: the sd of the mean is sqrt(0.125 · 0.875 / 400) = 1.65 points
    assertThat(r.low()).isBetween(0.08, 0.10);
    assertThat(r.high()).isBetween(0.15, 0.17);
    // no replicate reaches 0: the smallest p the bootstrap gives
    assertThat(r.p()).isCloseTo(2.0 / (DropDifference.RESAMPLES + 1), within(1e-12));
    assertThat(DownstreamReport.sentence(row(r))).startsWith("full keeps accuracy under ceil 2 better than thin:"
        + " drop −2.5 vs −15.0 points, Δ +12.5 [+");
  }

  @Test
  void equalDropsOnOtherImagesHaveAnIntervalThatHoldsZero() {
    // both lose 20 of 360 right images, A its first, B its last ones
    Result r = DropDifference.compare(new double[][] {firstRight(360), firstRight(340), lastRight(360),
        lastRight(340)}, A_AGAINST_B, 42).get(0);
    assertThat(r.dropA()).isCloseTo(r.dropB(), within(1e-12));
    assertThat(r.delta()).isCloseTo(0, within(1e-12));
    assertThat(r.low()).isNegative();
    assertThat(r.high()).isPositive();
    assertThat(r.p()).isGreaterThan(0.5);
    assertThat(DownstreamReport.sentence(row(r))).startsWith("no significant difference between full and thin in the"
        + " drop under ceil 2: drop −5.0 vs −5.0 points, Δ 0.0 [−");
  }

  @Test
  void theFourAccuraciesShareEachResample() {
    // A and B the same classifiers: with one draw of images for all four, every replicate's Δ is 0 exactly
    double[] none = firstRight(300);
    double[] cut = lastRight(250);
    Result r = DropDifference.compare(new double[][] {none, cut, none.clone(), cut.clone()}, A_AGAINST_B, 3).get(0);
    assertThat(r.low()).isZero();
    assertThat(r.high()).isZero();
    assertThat(r.p()).isEqualTo(1.0);
  }

  @Test
  void theBootstrapIsReproducibleByItsSeed() {
    double[][] c = {firstRight(360), firstRight(340), lastRight(360), lastRight(330)};
    List<Contrast> both = List.of(new Contrast(0, 1, 2, 3), new Contrast(2, 3, 0, 1));
    List<Result> once = DropDifference.compare(c, both, 42);
    assertThat(DropDifference.compare(c, both, 42)).isEqualTo(once);
    // the interval's ends lie on the 1/400 grid and often agree; the p-value counts the replicates
    assertThat(DropDifference.compare(c, both, 43)).isNotEqualTo(once);
    // the reversed contrast, on the same replicates, mirrors the first
    assertThat(once.get(1).delta()).isCloseTo(-once.get(0).delta(), within(1e-12));
    assertThat(once.get(1).low()).isCloseTo(-once.get(0).high(), within(1e-12));
    assertThat(once.get(1).p()).isEqualTo(once.get(0).p());
  }

  @Test
  void severalSeedsAreAveragedPerImageFirst() {
    double[] m = DropDifference.meanOverRuns(List.of(new boolean[] {true, true, false}, new boolean[] {true, false,
        false}));
    assertThat(m).containsExactly(1.0, 0.5, 0.0);
  }

  @Test
  void dropsThatDifferOnNoImageGiveAZeroDifferenceInEveryReplicateEvenWithThirds() {
    // three seeds: per-image correctness in thirds, whose sums carry rounding errors; B's cutoff changes every
    // image's correctness as A's does, so Δ is 0 in the data and in every resample
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    double[][] c = new double[4][N];
    for (int i = 0; i < N; i++) {
      int aNone = random.nextInt(4);
      int change = random.nextInt(-aNone, 4 - aNone);
      int bNone = random.nextInt(Math.max(0, -change), Math.min(4, 4 - change));
      c[0][i] = aNone / 3.0;
      c[1][i] = (aNone + change) / 3.0;
      c[2][i] = bNone / 3.0;
      c[3][i] = (bNone + change) / 3.0;
    }
    Result r = DropDifference.compare(c, A_AGAINST_B, 11).get(0);
    assertThat(new double[] {r.delta(), r.low(), r.high()}).containsExactly(0.0, 0.0, 0.0);
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(row(r).significant()).isFalse();
  }
}
