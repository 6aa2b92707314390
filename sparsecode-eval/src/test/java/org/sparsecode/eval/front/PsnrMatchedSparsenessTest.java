package org.sparsecode.eval.front;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.eval.FuzzSeeds;

/**
 * {@link PsnrMatchedSparseness}: common PSNR levels, per-image differences and their bootstrap CI; and a seeded
 * fuzz test of the levels' coverage and the differences' counts and bounds ({@value #RUNS} runs by default,
 * {@code -Dfuzz.runs=N} for more, {@code -Dfuzz.seed=S} to replay one, {@value #SLOW_RUNS} in the slow test).
 */
class PsnrMatchedSparsenessTest {
  private static final long BASE_SEED = 0x1E7E_15L;
  private static final int RUNS = 200;
  private static final int SLOW_RUNS = 20_000;

  /** A straight two-point front from (lo, sLo) to (hi, sHi). */
  private static SparsenessFront line(double lo, double sLo, double hi, double sHi) {
    return SparsenessFront.of(new double[] {lo, hi}, new double[] {sLo, sHi});
  }

  /** A front covering [lo, hi] (the sparseness does not matter to the levels). */
  private static SparsenessFront range(double lo, double hi) {
    return line(lo, 0.99, hi, 0.98);
  }

  @Test
  void levelsAreEvenlySpacedOverThePsnrsThatAMajorityOfImagesCoverInEveryDictionary() {
    // per image, the common ranges are [32, 38], [31, 37] and [36, 44]; two images of three cover 32 to 38
    List<SparsenessFront> a = List.of(range(30, 40), range(31, 37), range(35, 45));
    List<SparsenessFront> b = List.of(range(32, 38), range(30, 39), range(36, 44));
    assertThat(PsnrMatchedSparseness.levels(List.of(a, b))).containsExactly(32, 33.5, 35, 36.5, 38);
  }

  @Test
  void withCoverageZeroOneImageIsEnough() {
    List<SparsenessFront> a = List.of(range(30, 40), range(31, 37), range(35, 45));
    List<SparsenessFront> b = List.of(range(32, 38), range(30, 39), range(36, 44));
    assertThat(PsnrMatchedSparseness.levels(List.of(a, b), 3, 0)).containsExactly(31, 37.5, 44);
  }

  @Test
  void anImageThatOneDictionaryLacksCountsForNoLevel() {
    List<SparsenessFront> a = List.of(range(30, 40), range(31, 37), range(35, 45));
    List<SparsenessFront> b = List.of(range(32, 38), SparsenessFront.empty(), range(36, 44));
    // images 0 and 2 share only [36, 38]
    assertThat(PsnrMatchedSparseness.levels(List.of(a, b), 3, 0.5)).containsExactly(36, 37, 38);
  }

  @Test
  void noLevelWhenNoMajorityOfImagesOverlaps() {
    List<SparsenessFront> a = List.of(range(30, 31), range(32, 33), range(34, 35));
    assertThat(PsnrMatchedSparseness.levels(List.of(a))).isEmpty();
  }

  @Test
  void oneLevelAsksForTheMiddleOfTheCoveredRange() {
    List<SparsenessFront> a = List.of(range(30, 40), range(30, 40));
    assertThat(PsnrMatchedSparseness.levels(List.of(a), 1, 0.5)).containsExactly(35);
  }

  @Test
  void levelsRefuseDictionariesOfDifferentImageCounts() {
    assertThatThrownBy(() -> PsnrMatchedSparseness.levels(List.of(List.of(range(30, 40)),
        List.of(range(30, 40), range(30, 40)))))
        .hasMessage("levels: every dictionary needs one front per image; got 1 and 2 images");
  }

  @Test
  void plantedParallelLinesDifferByTheirOffsetAtEveryLevelWithAZeroWidthInterval() {
    // per image, b = a − 0.001 at every PSNR (both lines of slope −0.0005 per dB)
    List<SparsenessFront> a = new ArrayList<>();
    List<SparsenessFront> b = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double lo = 28 + i;
      a.add(line(lo, 0.995, lo + 10, 0.990));
      b.add(line(lo, 0.994, lo + 10, 0.989));
    }
    List<MatchedDifference> d = PsnrMatchedSparseness.compare(a, b, new double[] {34, 36}, 1);
    assertThat(d).hasSize(2);
    for (MatchedDifference m : d) {
      assertThat(m.n()).isEqualTo(6);
      assertThat(m.meanDiff()).isCloseTo(0.001, within(1e-12));
      assertThat(m.lo()).isCloseTo(0.001, within(1e-12));
      assertThat(m.hi()).isCloseTo(0.001, within(1e-12));
      assertThat(m.excludesZero()).isTrue();
    }
    // at 34 dB image i is (34 − 28 − i) dB along its line: a = 0.995 − 0.0005 (6 − i), mean over i = 0..5
    assertThat(d.get(0).meanA()).isCloseTo(0.995 - 0.0005 * 3.5, within(1e-12));
    assertThat(d.get(0).meanB()).isCloseTo(0.994 - 0.0005 * 3.5, within(1e-12));
  }

  @Test
  void imagesWhereEitherFrontMissesTheLevelAreLeftOutAndCounted() {
    List<SparsenessFront> a = List.of(line(30, 0.99, 40, 0.98), line(30, 0.99, 40, 0.98), line(36, 0.99, 40, 0.98));
    List<SparsenessFront> b = List.of(line(30, 0.98, 40, 0.97), line(30, 0.97, 34, 0.96), line(30, 0.98, 40, 0.97));
    MatchedDifference at35 = PsnrMatchedSparseness.compare(a, b, new double[] {35}, 7).get(0);
    // only image 0 reaches 35 dB in both
    assertThat(at35.n()).isEqualTo(1);
    assertThat(at35.meanDiff()).isCloseTo(0.01, within(1e-12));
    assertThat(at35.lo()).isNaN();
    assertThat(at35.hi()).isNaN();
    MatchedDifference at41 = PsnrMatchedSparseness.compare(a, b, new double[] {41}, 7).get(0);
    assertThat(at41.n()).isZero();
    assertThat(at41.meanDiff()).isNaN();
  }

  /** n images whose difference b − a at every PSNR is drawn around 0.002 with sd 0.001. */
  private static List<MatchedDifference> noisy(int n, long seed) {
    return noisy(n, seed, 3);
  }

  /** As {@link #noisy(int, long)}, with a bootstrap seed. */
  private static List<MatchedDifference> noisy(int n, long seed, long bootstrapSeed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<SparsenessFront> a = new ArrayList<>();
    List<SparsenessFront> b = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double d = 0.002 + 0.001 * gaussian(r);
      a.add(line(30, 0.99, 40, 0.98));
      b.add(line(30, 0.99 + d, 40, 0.98 + d));
    }
    return PsnrMatchedSparseness.compare(b, a, new double[] {35}, bootstrapSeed);
  }

  private static double gaussian(SplittableRandom r) {
    // Box–Muller: the JDK 17 SplittableRandom has no nextGaussian
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Test
  void theBootstrapIntervalContainsThePlantedMeanDifferenceAndNarrowsWithMoreImages() {
    MatchedDifference few = noisy(10, 11).get(0);
    MatchedDifference many = noisy(160, 11).get(0);
    assertThat(few.lo()).isLessThan(0.002);
    assertThat(few.hi()).isGreaterThan(0.002);
    assertThat(many.lo()).isLessThan(0.002);
    assertThat(many.hi()).isGreaterThan(0.002);
    assertThat(few.lo()).isLessThan(few.meanDiff());
    assertThat(few.hi()).isGreaterThan(few.meanDiff());
    // the width falls as 1/sqrt(n): 16 times the images, about a quarter of the width
    assertThat(many.hi() - many.lo()).isLessThan(0.5 * (few.hi() - few.lo()));
    assertThat(many.resamples()).isEqualTo(2000);
    assertThat(many.confidence()).isEqualTo(0.95);
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    assertThat(noisy(30, 11, 5)).isEqualTo(noisy(30, 11, 5));
    assertThat(noisy(30, 11, 5).get(0).lo()).isNotEqualTo(noisy(30, 11, 6).get(0).lo());
    assertThat(noisy(30, 11, 5).get(0).meanDiff()).isEqualTo(noisy(30, 11, 6).get(0).meanDiff());
  }

  @Test
  void compareRefusesDifferentImageCountsAndBadBootstrapSettings() {
    List<SparsenessFront> one = List.of(range(30, 40));
    List<SparsenessFront> two = List.of(range(30, 40), range(30, 40));
    assertThatThrownBy(() -> PsnrMatchedSparseness.compare(one, two, new double[] {35}, 1))
        .hasMessageContaining("the dictionaries have 1 and 2 images");
    assertThatThrownBy(() -> PsnrMatchedSparseness.compare(two, two, new double[] {35}, 0, 0.95, 1))
        .hasMessageContaining("resamples must be at least 1");
    assertThatThrownBy(() -> PsnrMatchedSparseness.compare(two, two, new double[] {35}, 10, 1, 1))
        .hasMessageContaining("confidence level must be in (0, 1)");
  }

  @Test
  void atGivesEveryImagesSparsenessAtOneLevel() {
    assertThat(PsnrMatchedSparseness.at(List.of(line(30, 0.75, 34, 0.25), range(36, 40)), 31))
        .containsExactly(0.625, Double.NaN);
  }

  // ---- invariants on random fronts

  @TestFactory
  Stream<DynamicTest> randomFrontsGiveCoveredLevelsAndBoundedDifferences() {
    return FuzzSeeds.tests(BASE_SEED, RUNS, PsnrMatchedSparsenessTest::run);
  }

  @Test
  @Tag("slow")
  void randomFrontsGiveCoveredLevelsAndBoundedDifferencesManyTimes() {
    FuzzSeeds.of(BASE_SEED, 1_000_000, SLOW_RUNS).forEach(PsnrMatchedSparsenessTest::run);
  }

  /** A random front of up to 5 points around 30 dB, empty now and then. */
  private static SparsenessFront randomFront(SplittableRandom r) {
    int n = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(5);
    double[] p = new double[n];
    double[] s = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = 24 + 12 * r.nextDouble();
      s[j] = 0.97 + 0.03 * r.nextDouble();
    }
    return SparsenessFront.of(p, s);
  }

  /**
   * One run: 1 to 4 dictionaries of 1 to 12 images. The levels must increase, be as many as asked (or one, or
   * none), and at the lowest and the highest more than the coverage's share of the images must have the level in
   * every dictionary's front. Comparing the first two dictionaries, each level's image count must be the number of
   * images both reach, and the CI must lie within the smallest and largest difference.
   */
  private static void run(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int images = 1 + r.nextInt(12);
    int dictionaries = 1 + r.nextInt(4);
    List<List<SparsenessFront>> all = new ArrayList<>();
    for (int d = 0; d < dictionaries; d++) {
      List<SparsenessFront> fronts = new ArrayList<>();
      for (int i = 0; i < images; i++) {
        fronts.add(randomFront(r));
      }
      all.add(fronts);
    }
    int count = 1 + r.nextInt(6);
    double coverage = r.nextInt(3) * 0.3;
    try {
      double[] levels = PsnrMatchedSparseness.levels(all, count, coverage);
      assertThat(levels.length).isIn(0, 1, count);
      for (int k = 1; k < levels.length; k++) {
        assertThat(levels[k]).isGreaterThan(levels[k - 1]);
      }
      int needed = (int) Math.floor(coverage * images) + 1;
      if (levels.length > 1) {
        for (double level : new double[] {levels[0], levels[levels.length - 1]}) {
          int covering = 0;
          for (int i = 0; i < images; i++) {
            boolean inAll = true;
            for (List<SparsenessFront> d : all) {
              inAll &= !Double.isNaN(d.get(i).at(level));
            }
            covering += inAll ? 1 : 0;
          }
          assertThat(covering).as("images covering %s dB", level).isGreaterThanOrEqualTo(needed);
        }
      }
      List<SparsenessFront> b = dictionaries > 1 ? all.get(1) : all.get(0);
      for (MatchedDifference m : PsnrMatchedSparseness.compare(all.get(0), b, levels, 50, 0.9, seed)) {
        double[] sa = PsnrMatchedSparseness.at(all.get(0), m.psnr());
        double[] sb = PsnrMatchedSparseness.at(b, m.psnr());
        int both = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < images; i++) {
          if (!Double.isNaN(sa[i]) && !Double.isNaN(sb[i])) {
            both++;
            min = Math.min(min, sa[i] - sb[i]);
            max = Math.max(max, sa[i] - sb[i]);
          }
        }
        assertThat(m.n()).isEqualTo(both);
        if (both >= 2) {
          assertThat(m.lo()).isBetween(min - 1e-15, m.hi());
          assertThat(m.hi()).isLessThanOrEqualTo(max + 1e-15);
          assertThat(m.meanDiff()).isBetween(min - 1e-15, max + 1e-15);
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (replay with -Dfuzz.seed=" + seed + "): " + e.getMessage(), e);
    }
  }
}
