package org.sparsecode.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScenarioComparisonTest {

  // Hollander & Wolfe (1973) depression scores, the example of R's wilcox.test: paired, n = 9, differences
  // distinct and non-zero. R: V = 40, p = 0.03906; scipy 1.17.1 wilcoxon(x, y, method="exact"):
  // p = 0.0390625 (= 20/512); median(x − y) = 0.49.
  private static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  private static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

  // R's wilcox.test two-sample example (no ties): scipy 1.17.1 mannwhitneyu(A, B, method="asymptotic",
  // use_continuity=False): U = 35, p = 0.22067136191984693; median(A) − median(B) = 0.515.
  private static final double[] A = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
  private static final double[] B = {1.15, 0.88, 0.90, 0.74, 1.21};

  @Test
  void pairedWilcoxonMatchesTheExactTextbookPValue() {
    ScenarioComparison c = ScenarioComparison.paired(X, Y, 1);
    assertThat(c.wilcoxonExact()).isTrue();
    assertThat(c.wilcoxonWPlus()).isEqualTo(40.0);
    assertThat(c.wilcoxonP()).isCloseTo(20.0 / 512, within(1e-12));
  }

  @Test
  void matchedPairsRankBiserialIsWPlusMinusWMinusOverTheirSum() {
    // W+ = 40, W− = 5: (40 − 5) / 45 = 7/9
    ScenarioComparison c = ScenarioComparison.paired(X, Y, 1);
    assertThat(c.matchedRankBiserial()).isCloseTo(7.0 / 9, within(1e-12));
    assertThat(c.effectSize()).isEqualTo(c.matchedRankBiserial());
  }

  @Test
  void pairedMedianDifferenceIsTheMedianOfTheDifferences() {
    assertThat(ScenarioComparison.paired(X, Y, 1).medianDifference()).isCloseTo(0.49, within(1e-12));
  }

  @Test
  void mannWhitneyMatchesScipyAsymptoticWithoutContinuity() {
    ScenarioComparison c = ScenarioComparison.unpaired(A, B, 1);
    assertThat(c.mannWhitneyU()).isEqualTo(35.0);
    assertThat(c.mannWhitneyP()).isCloseTo(0.22067136191984693, within(1e-12));
  }

  @Test
  void rankBiserialIsTwoUOverNaNbMinusOne() {
    // 2 · 35 / 50 − 1 = 0.4
    ScenarioComparison c = ScenarioComparison.unpaired(A, B, 1);
    assertThat(c.rankBiserial()).isCloseTo(0.4, within(1e-12));
    assertThat(c.effectSize()).isEqualTo(c.rankBiserial());
    assertThat(c.wilcoxonP()).isNaN();
  }

  @Test
  void unpairedMedianDifferenceIsTheDifferenceOfMedians() {
    assertThat(ScenarioComparison.unpaired(A, B, 1).medianDifference()).isCloseTo(0.515, within(1e-12));
  }

  @Test
  void twentyDistinctDifferencesStillGetTheExactWilcoxonPValue() {
    // 20 distinct differences ±0.1·k: W+ = 140. scipy 1.17.1 wilcoxon(d, method="exact"):
    // p = 0.20244979858398438
    double[] d = new double[20];
    for (int k = 0; k < 20; k++) {
      d[k] = (k + 1) * 0.1 * (k % 3 == 0 ? -1 : 1);
    }
    ScenarioComparison c = ScenarioComparison.compare(d, new double[20], true, 100, 0.95, 1);
    assertThat(c.wilcoxonExact()).isTrue();
    assertThat(c.wilcoxonWPlus()).isEqualTo(140.0);
    assertThat(c.wilcoxonP()).isCloseTo(0.20244979858398438, within(1e-12));
  }

  @Test
  void largeSamplesUseTheNormalApproximationOfWilcoxon() {
    // 40 distinct differences ±0.1·k: W+ = 533, W− = 287. scipy 1.17.1 wilcoxon(d, method="asymptotic",
    // correction=True): p = 0.09964873997927338
    double[] d = new double[40];
    double[] zero = new double[40];
    for (int k = 0; k < 40; k++) {
      d[k] = (k + 1) * 0.1 * (k % 3 == 0 ? -1 : 1);
    }
    ScenarioComparison c = ScenarioComparison.compare(d, zero, true, 100, 0.95, 1);
    assertThat(c.wilcoxonExact()).isFalse();
    assertThat(c.wilcoxonWPlus()).isEqualTo(533.0);
    assertThat(c.wilcoxonP()).isCloseTo(0.09964873997927338, within(1e-12));
  }

  @Test
  void tiedDifferencesUseTheTieCorrectedNormalApproximationAndDropZeros() {
    // 13 differences, one zero (dropped) and tied magnitudes 0.5, 1.0, 1.5: W+ = 67, W− = 11. scipy 1.17.1
    // wilcoxon(d, method="asymptotic", correction=True): p = 0.03079040406881276
    double[] d = {0.5, -0.5, 1.0, 1.0, 2.0, -0.25, 3.0, 0.0, 1.5, -1.5, 2.5, 0.75, 4.0};
    ScenarioComparison c = ScenarioComparison.compare(d, new double[d.length], true, 100, 0.95, 1);
    assertThat(c.wilcoxonExact()).isFalse();
    assertThat(c.wilcoxonWPlus()).isEqualTo(67.0);
    assertThat(c.wilcoxonP()).isCloseTo(0.03079040406881276, within(1e-12));
    assertThat(c.matchedRankBiserial()).isCloseTo((67.0 - 11.0) / 78.0, within(1e-12));
  }

  @Test
  void identicalSamplesGivePOneAndNoEffect() {
    ScenarioComparison c = ScenarioComparison.paired(X, X.clone(), 3);
    assertThat(c.wilcoxonP()).isEqualTo(1.0);
    assertThat(c.mannWhitneyP()).isCloseTo(1.0, within(1e-12));
    assertThat(c.rankBiserial()).isCloseTo(0.0, within(1e-12));
    assertThat(c.matchedRankBiserial()).isEqualTo(0.0);
    assertThat(c.medianDifference()).isEqualTo(0.0);
    assertThat(c.lo()).isEqualTo(0.0);
    assertThat(c.hi()).isEqualTo(0.0);
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    ScenarioComparison c1 = ScenarioComparison.paired(X, Y, 42);
    ScenarioComparison c2 = ScenarioComparison.paired(X, Y, 42);
    assertThat(c1).isEqualTo(c2);
    assertThat(ScenarioComparison.unpaired(A, B, 42)).isEqualTo(ScenarioComparison.unpaired(A, B, 42));
  }

  @Test
  void differentSeedsGiveDifferentResamples() {
    ScenarioComparison c1 = ScenarioComparison.compare(A, B, false, 200, 0.95, 1);
    ScenarioComparison c2 = ScenarioComparison.compare(A, B, false, 200, 0.95, 2);
    assertThat(new double[] {c1.lo(), c1.hi()}).isNotEqualTo(new double[] {c2.lo(), c2.hi()});
  }

  @Test
  void intervalContainsTheObservedMedianDifference() {
    ScenarioComparison paired = ScenarioComparison.paired(X, Y, 7);
    assertThat(paired.lo()).isLessThanOrEqualTo(paired.medianDifference());
    assertThat(paired.hi()).isGreaterThanOrEqualTo(paired.medianDifference());
    ScenarioComparison unpaired = ScenarioComparison.unpaired(A, B, 7);
    assertThat(unpaired.lo()).isLessThanOrEqualTo(unpaired.medianDifference());
    assertThat(unpaired.hi()).isGreaterThanOrEqualTo(unpaired.medianDifference());
    assertThat(unpaired.resamples()).isEqualTo(10_000);
  }

  @Test
  void pairedSamplesOfDifferentLengthsAreRejected() {
    assertThatThrownBy(() -> ScenarioComparison.paired(X, B, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9 and 5");
  }

  @Test
  void samplesWithFewerThanTwoValuesAreRejected() {
    assertThatThrownBy(() -> ScenarioComparison.unpaired(new double[] {1}, B, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
  }

  @Test
  void nonFiniteValuesAreRejected() {
    assertThatThrownBy(() -> ScenarioComparison.unpaired(A, new double[] {1, Double.NaN}, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample b").hasMessageContaining("NaN");
  }
}
