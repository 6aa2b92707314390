package org.sparsecode.eval.coefficients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.solver.SparseCode;

class CoefficientHistogramTest {

  /** A 1 × 1 × n code holding the given (non-zero) values. */
  private static SparseCode code(double... values) {
    int[] idx = new int[values.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return new SparseCode(1, 1, Math.max(1, values.length), idx, values);
  }

  /** Seeded draws of an exponential law of the given rate (inverse transform). */
  private static double[] exponential(int n, double rate, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = -Math.log1p(-random.nextDouble()) / rate;
      if (v[i] == 0) {
        v[i] = 1e-300;
      }
    }
    return v;
  }

  @Test
  void exponentialCoefficientsGiveTheirRateWithinThreePercentAndRSquaredAbove09() {
    // Exp(rate 5) restricted to [0.01, 1]: each bin's probability is ∝ e^(−5·centre) exactly, so the fitted
    // b estimates 5; 200 000 seeded draws leave a sampling error of about 1 %
    ExponentialFit fit = CoefficientHistogram.of(code(exponential(200_000, 5.0, 42))).fit();
    assertThat(fit.method()).isEqualTo(ExponentialFit.LEVENBERG_MARQUARDT);
    assertThat(fit.b()).isCloseTo(5.0, within(0.15));
    assertThat(fit.logB()).isCloseTo(5.0, within(0.25));
    assertThat(fit.rSquared()).isGreaterThan(0.9);
  }

  @Test
  void negativeCoefficientsAreLeftOutAsInThePapersSignedHistogram() {
    CoefficientHistogram h = CoefficientHistogram.of(code(-0.5, -0.02, 0.005, 0.5, 0.9, 1.5));
    assertThat(h.total()).isEqualTo(2);
    assertThat(h.belowRange()).isEqualTo(3);
    assertThat(h.aboveRange()).isEqualTo(1);
  }

  @Test
  void rangeEndsFallInTheFirstAndTheClosedLastBin() {
    long[] counts = CoefficientHistogram.of(code(0.01, 1.0)).counts();
    assertThat(counts[0]).isEqualTo(1);
    assertThat(counts[CoefficientHistogram.BINS - 1]).isEqualTo(1);
  }

  @Test
  void binEdgeValueGoesToTheBinItOpens() {
    double edge = CoefficientHistogram.edges()[10];
    long[] counts = CoefficientHistogram.of(code(edge)).counts();
    assertThat(counts[10]).isEqualTo(1);
  }

  @Test
  void probabilitiesSumToOneAndDensitiesIntegrateToOne() {
    CoefficientHistogram h = CoefficientHistogram.of(code(exponential(1000, 3.0, 7)));
    double sumP = 0;
    double integral = 0;
    double width = (CoefficientHistogram.HIGH - CoefficientHistogram.LOW) / CoefficientHistogram.BINS;
    for (int i = 0; i < CoefficientHistogram.BINS; i++) {
      sumP += h.probabilities()[i];
      integral += h.densities()[i] * width;
    }
    assertThat(sumP).isCloseTo(1.0, within(1e-12));
    assertThat(integral).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void pooledHistogramAddsTheCountsOfEveryCode() {
    SparseCode a = code(0.1, 0.2, 0.2);
    SparseCode b = code(0.2, 0.7);
    long[] pooled = CoefficientHistogram.pooled(List.of(a, b)).counts();
    long[] ca = CoefficientHistogram.of(a).counts();
    long[] cb = CoefficientHistogram.of(b).counts();
    for (int i = 0; i < pooled.length; i++) {
      assertThat(pooled[i]).isEqualTo(ca[i] + cb[i]);
    }
  }

  @Test
  void emptyCodeHasZeroCountsZeroProbabilitiesAndNanFit() {
    CoefficientHistogram h = CoefficientHistogram.of(new SparseCode(2, 4, 4, new int[0], new double[0]));
    assertThat(h.counts()).containsOnly(0L);
    assertThat(h.probabilities()).containsOnly(0.0);
    ExponentialFit fit = h.fit();
    assertThat(fit.method()).isEqualTo(ExponentialFit.NONE);
    assertThat(fit.a()).isNaN();
    assertThat(fit.b()).isNaN();
    assertThat(fit.rSquared()).isNaN();
  }
}
