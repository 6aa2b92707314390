package org.sparsecode.eval.coefficients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.core.io.Npz;
import org.sparsecode.eval.FuzzSeeds;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;

/**
 * {@link CoefficientPool}: its totals are those of {@link CoefficientHistogram#pooled} and
 * {@link OrientationActivity#pooled}; pools of disjoint images merged in any split and order equal, bit for
 * bit, the pool of all images added in one go (a seeded fuzz test: {@value #RUNS} runs by default,
 * {@code -Dfuzz.runs=N} for more, {@code -Dfuzz.seed=S} to replay one, {@value #SLOW_RUNS} in the slow test);
 * incompatible pools are refused; a pool survives a round trip through arrays and a {@code .npz} file.
 */
class CoefficientPoolTest {
  private static final int IMAGES = 9;
  private static final long BASE_SEED = 0xC0EF_F1C1L;
  private static final int RUNS = 25;
  private static final int SLOW_RUNS = 2_000;

  @TempDir
  Path tmp;

  /** The paper's 'full' dictionary: 12 θ × 6 B_θ × 2 phases. */
  private static Dictionary full;
  /** The codes of images 0..8. */
  private static List<SparseCode> codes;

  @BeforeAll
  static void generateTheDictionaryAndCodes() {
    full = CodeFixtures.fullDictionary();
    codes = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      codes.add(CodeFixtures.code(full, i + 1));
    }
  }

  /** The pool of the given images of {@link #codes}, added in the order given. */
  private static CoefficientPool pool(Measure measure, int... images) {
    CoefficientPool p = CoefficientPool.of(full, measure);
    for (int i : images) {
      p.add(i, full, codes.get(i));
    }
    return p;
  }

  @Test
  void pooledHistogramIsCoefficientHistogramPooledOfTheCodes() {
    CoefficientPool p = pool(Measure.COUNT, 0, 1);
    CoefficientHistogram expected = CoefficientHistogram.pooled(List.of(codes.get(0), codes.get(1)));
    assertThat(p.histogram().counts()).containsExactly(expected.counts());
    assertThat(p.histogram().belowRange()).isEqualTo(expected.belowRange());
    assertThat(p.histogram().aboveRange()).isEqualTo(expected.aboveRange());
    assertThat(p.histogram().probabilities()).containsExactly(expected.probabilities());
    assertThat(p.histogram().fit()).isEqualTo(expected.fit());
  }

  @Test
  void meanImageProbabilitiesAreTheMeanOfTheImagesProbabilities() {
    CoefficientPool p = pool(Measure.COUNT, 0, 1);
    double[] p0 = CoefficientHistogram.of(codes.get(0)).probabilities();
    double[] p1 = CoefficientHistogram.of(codes.get(1)).probabilities();
    double[] mean = p.meanImageProbabilities();
    for (int i = 0; i < CoefficientHistogram.BINS; i++) {
      assertThat(mean[i]).isEqualTo((p0[i] + p1[i]) / 2);
    }
  }

  @Test
  void imageFitsAreEachImagesHistogramFitInImageOrder() {
    CoefficientPool p = pool(Measure.COUNT, 1, 0);
    ExponentialFit f0 = CoefficientHistogram.of(codes.get(0)).fit();
    assertThat(p.imageFits()).hasSize(2);
    assertThat(p.imageFits().get(0)).isEqualTo(new CoefficientPool.ImageFit(f0.a(), f0.b(), f0.rSquared()));
  }

  @Test
  void pooledActivityIsOrientationActivityPooledOfTheCodes() {
    CoefficientPool p = pool(Measure.ABS_SUM, 0, 1);
    OrientationActivity expected = OrientationActivity.pooled(full, List.of(codes.get(0), codes.get(1)),
        Measure.ABS_SUM);
    assertThat(p.groups()).hasSize(6);
    for (int g = 0; g < 6; g++) {
      OrientationActivity.Group got = p.groups().get(g);
      OrientationActivity.Group want = expected.groups().get(g);
      assertThat(got.bTheta()).isEqualTo(want.bTheta());
      assertThat(got.thetas()).containsExactly(want.thetas());
      assertThat(got.activity()).containsExactly(want.activity(), within(1e-12));
      assertThat(got.energy()).isCloseTo(want.energy(), within(1e-12));
      assertThat(p.energyFractions()[g]).isCloseTo(expected.energyFractions()[g], within(1e-12));
    }
  }

  @Test
  void blocksIndexedFromZeroAndShiftedToTheirPlaceMergeIntoThePoolOfAllImages() {
    CoefficientPool all = pool(Measure.ABS_SUM, 0, 1, 2, 3, 4);
    CoefficientPool first = pool(Measure.ABS_SUM, 0, 1);
    CoefficientPool second = CoefficientPool.of(full, Measure.ABS_SUM);
    for (int i = 2; i < 5; i++) {
      // the second block's images as that block indexes them: 0, 1, 2
      second.add(i - 2, full, codes.get(i));
    }
    CoefficientPool merged = second.shifted(2).merge(first);
    assertThat(merged).isEqualTo(all);
    assertThat(merged.images()).containsExactly(0, 1, 2, 3, 4);
    assertThat(second.images()).containsExactly(0, 1, 2);
  }

  @Test
  void shiftingAnImageBelowIndexZeroIsRefused() {
    CoefficientPool p = pool(Measure.COUNT, 1);
    assertThatThrownBy(() -> p.shifted(-2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image 1 shifted by -2");
  }

  @Test
  void emptyPoolHasZeroCountsNoFitAndNoActivity() {
    CoefficientPool p = CoefficientPool.of(full, Measure.COUNT);
    assertThat(p.isEmpty()).isTrue();
    assertThat(p.images()).isEmpty();
    assertThat(p.histogram().total()).isZero();
    assertThat(p.histogram().probabilities()).containsOnly(0.0);
    assertThat(p.meanImageProbabilities()).containsOnly(Double.NaN);
    assertThat(p.histogram().fit()).isEqualTo(ExponentialFit.EMPTY);
    assertThat(p.imageFits()).isEmpty();
    assertThat(p.groups()).hasSize(6).allSatisfy(g -> assertThat(g.activity()).containsOnly(0.0));
    assertThat(p.energyFractions()).containsOnly(0.0);
  }

  @Test
  void mergingTwoEmptyPoolsGivesAnEmptyPool() {
    CoefficientPool p = CoefficientPool.of(full, Measure.COUNT).merge(CoefficientPool.of(full, Measure.COUNT));
    assertThat(p).isEqualTo(CoefficientPool.of(full, Measure.COUNT));
  }

  @Test
  void aDictionaryWithoutOrientationsPoolsTheHistogramOnly() {
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    CoefficientPool p = CoefficientPool.of(learned, Measure.COUNT);
    p.add(0, learned, codes.get(0));
    assertThat(p.orientation()).isFalse();
    assertThat(p.groups()).isEmpty();
    assertThat(p.histogram().counts()).containsExactly(CoefficientHistogram.of(codes.get(0)).counts());
  }

  @Test
  void mergingPoolsOfDifferentDictionariesIsRefused() {
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    CoefficientPool other = CoefficientPool.of(learned, Measure.COUNT);
    assertThatThrownBy(() -> pool(Measure.COUNT, 0).merge(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot merge coefficient pools: they pool the codes of different dictionaries");
  }

  @Test
  void mergingPoolsOfDictionariesThatDifferInOneKernelValueIsRefused() {
    double[] kernels = full.kernels().clone();
    kernels[5] += 1e-9;
    Dictionary edited = new Dictionary(full.size(), full.count(), kernels, full.info());
    assertThatThrownBy(() -> pool(Measure.COUNT, 0).merge(CoefficientPool.of(edited, Measure.COUNT)))
        .hasMessageContaining("different dictionaries");
  }

  @Test
  void mergingPoolsOfDifferentMeasuresIsRefused() {
    assertThatThrownBy(() -> pool(Measure.COUNT, 0).merge(pool(Measure.ABS_SUM, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot merge coefficient pools: one sums orientation activity as COUNT, the other as ABS_SUM");
  }

  @Test
  void mergingPoolsThatShareAnImageIsRefused() {
    assertThatThrownBy(() -> pool(Measure.COUNT, 0, 3).merge(pool(Measure.COUNT, 3, 4)))
        .hasMessage("cannot merge coefficient pools: both hold image 3; pool each image once");
  }

  @Test
  void addingAnImageTwiceIsRefused() {
    CoefficientPool p = pool(Measure.COUNT, 2);
    assertThatThrownBy(() -> p.add(2, full, codes.get(2))).hasMessage("coefficient pool: image 2 is pooled already");
  }

  @Test
  void addingTheCodeOfAnotherDictionaryIsRefused() {
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    CoefficientPool p = CoefficientPool.of(full, Measure.COUNT);
    assertThatThrownBy(() -> p.add(0, learned, codes.get(0))).hasMessageContaining("not with the pool's dictionary");
  }

  @Test
  void mergeLeavesTheOtherPoolUnchanged() {
    CoefficientPool other = pool(Measure.COUNT, 4, 5);
    pool(Measure.COUNT, 0).merge(other);
    assertThat(other.images()).containsExactly(4, 5);
  }

  @Test
  void imagesBeforeAnIndexAreANewPoolOfThoseImages() {
    CoefficientPool p = pool(Measure.COUNT, 0, 1, 2, 3);
    assertThat(p.before(2)).isEqualTo(pool(Measure.COUNT, 0, 1));
    assertThat(p.images()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void aPoolSurvivesARoundTripThroughArrays() {
    CoefficientPool p = pool(Measure.ABS_SUM, 0, 2, 7);
    CoefficientPool back = CoefficientPool.fromArrays(p.toArrays(), "test");
    assertThat(back).isEqualTo(p);
    assertSameTotals(back, p);
  }

  @Test
  void aPoolSurvivesARoundTripThroughAnNpzFile() {
    CoefficientPool p = pool(Measure.COUNT, 1, 3);
    Path file = tmp.resolve("pool.npz");
    Npz.write(file, p.toArrays());
    CoefficientPool back = CoefficientPool.fromArrays(Npz.read(file), file.toString());
    assertThat(back).isEqualTo(p);
    assertSameTotals(back, p);
    back.add(4, full, codes.get(4));
    assertThat(back).isEqualTo(pool(Measure.COUNT, 1, 3, 4));
  }

  @Test
  void anEmptyPoolSurvivesARoundTrip() {
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    CoefficientPool p = CoefficientPool.of(learned, Measure.COUNT);
    Path file = tmp.resolve("empty.npz");
    Npz.write(file, p.toArrays());
    assertThat(CoefficientPool.fromArrays(Npz.read(file), "empty.npz")).isEqualTo(p);
  }

  @Test
  void savedArraysOfAnotherBinningAreRefused() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>(pool(Measure.COUNT, 0).toArrays());
    double[] layout = arrays.get("layout").data().clone();
    layout[6] = 64;
    arrays.put("layout", NpyArray.of(layout, layout.length));
    assertThatThrownBy(() -> CoefficientPool.fromArrays(arrays, "p.npz"))
        .hasMessageStartingWith("p.npz: coefficient pool binned in 64.0 bins on [0.01, 1.0]");
  }

  @Test
  void savedArraysWithAMissingArrayAreRefusedNamingIt() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>(pool(Measure.COUNT, 0).toArrays());
    arrays.remove("energy");
    assertThatThrownBy(() -> CoefficientPool.fromArrays(arrays, "p.npz"))
        .hasMessage("p.npz: coefficient pool: array 'energy' is missing");
  }

  @Test
  void savedArraysOfTheWrongLengthAreRefusedNamingIt() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>(pool(Measure.COUNT, 0, 1).toArrays());
    arrays.put("fits", NpyArray.of(new double[3], 1, 3));
    assertThatThrownBy(() -> CoefficientPool.fromArrays(arrays, "p.npz"))
        .hasMessage("p.npz: coefficient pool: array 'fits' holds 3 values, expected 6");
  }

  // ---- merging in any split and order is exact

  @TestFactory
  Stream<DynamicTest> mergedPartialPoolsEqualThePoolOfAllImagesBitForBit() {
    return FuzzSeeds.tests(BASE_SEED, RUNS, CoefficientPoolTest::mergeRun);
  }

  @Test
  @Tag("slow")
  void mergedPartialPoolsEqualThePoolOfAllImagesBitForBitManyTimes() {
    FuzzSeeds.of(BASE_SEED, 1_000_000, SLOW_RUNS).forEach(CoefficientPoolTest::mergeRun);
  }

  @Test
  void poolsOfZeroToFourAndFiveToEightMergeToThePoolOfZeroToEightInEitherOrder() {
    CoefficientPool all = pool(Measure.ABS_SUM, 0, 1, 2, 3, 4, 5, 6, 7, 8);
    CoefficientPool ab = pool(Measure.ABS_SUM, 0, 1, 2, 3, 4).merge(pool(Measure.ABS_SUM, 5, 6, 7, 8));
    CoefficientPool ba = pool(Measure.ABS_SUM, 5, 6, 7, 8).merge(pool(Measure.ABS_SUM, 0, 1, 2, 3, 4));
    assertSameTotals(ab, all);
    assertSameTotals(ba, all);
  }

  /**
   * One run: a random subset of the images split into random parts, each part's images added in a random
   * order, the parts merged along a random tree; the result must equal the subset added in index order.
   */
  private static void mergeRun(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Measure measure = r.nextBoolean() ? Measure.COUNT : Measure.ABS_SUM;
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      if (r.nextInt(4) > 0) {
        chosen.add(i);
      }
    }
    CoefficientPool expected = pool(measure, chosen.stream().mapToInt(Integer::intValue).toArray());
    shuffle(chosen, r);
    int parts = 1 + r.nextInt(Math.max(1, chosen.size()));
    List<CoefficientPool> pools = new ArrayList<>();
    for (int k = 0; k < parts; k++) {
      pools.add(CoefficientPool.of(full, measure));
    }
    for (int i : chosen) {
      pools.get(r.nextInt(parts)).add(i, full, codes.get(i));
    }
    while (pools.size() > 1) {
      CoefficientPool a = pools.remove(r.nextInt(pools.size()));
      CoefficientPool b = pools.remove(r.nextInt(pools.size()));
      pools.add(a.merge(b));
    }
    CoefficientPool merged = pools.get(0);
    try {
      assertThat(merged).isEqualTo(expected);
      assertSameTotals(merged, expected);
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (replay with -Dfuzz.seed=" + seed + "): " + e.getMessage(), e);
    }
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      list.set(i, list.set(j, list.get(i)));
    }
  }

  /** Every total of the two pools is the same, bit for bit (NaN equal to NaN). */
  private static void assertSameTotals(CoefficientPool got, CoefficientPool want) {
    assertThat(got.images()).containsExactly(want.images());
    assertThat(got.histogram().counts()).containsExactly(want.histogram().counts());
    assertThat(got.histogram().belowRange()).isEqualTo(want.histogram().belowRange());
    assertThat(got.histogram().aboveRange()).isEqualTo(want.histogram().aboveRange());
    assertThat(bits(got.histogram().probabilities())).containsExactly(bits(want.histogram().probabilities()));
    assertThat(bits(got.meanImageProbabilities())).containsExactly(bits(want.meanImageProbabilities()));
    assertThat(got.histogram().fit()).isEqualTo(want.histogram().fit());
    assertThat(got.imageFits()).isEqualTo(want.imageFits());
    assertThat(bits(got.energyFractions())).containsExactly(bits(want.energyFractions()));
    for (int g = 0; g < want.groups().size(); g++) {
      assertThat(bits(got.groups().get(g).activity())).containsExactly(bits(want.groups().get(g).activity()));
      assertThat(Double.doubleToLongBits(got.groups().get(g).energy()))
          .isEqualTo(Double.doubleToLongBits(want.groups().get(g).energy()));
    }
  }

  private static long[] bits(double[] v) {
    return Arrays.stream(v).mapToLong(Double::doubleToLongBits).toArray();
  }
}
