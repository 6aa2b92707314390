package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sparsecode.core.solver.SolverTestProblems.noise;
import static org.sparsecode.core.solver.SolverTestProblems.randomDictionary;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.FloatDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The objective of Y that ends a solve ({@link AdmmState#fidelityOfY}), in both precisions; the spectra that
 * {@link AdmmState#update} prepares for the next iteration equal those {@link AdmmState#transformAuxiliary}
 * computes.
 */
class AdmmStateTest {
  private static final int N = 24;
  private static final int K = 4;

  /** A seeded code with about one coefficient in ten non-zero. */
  private static SparseCode code() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] dense = new double[K * N * N];
    for (int i = 0; i < dense.length; i++) {
      if (rng.nextInt(10) == 0) {
        dense[i] = rng.nextGaussian();
      }
    }
    return SparseCode.fromDense(K, N, N, dense);
  }

  private static double directFidelity(Dictionary d, Image s, SparseCode x) {
    double[] r = x.reconstruct(d);
    double f = 0;
    for (int i = 0; i < r.length; i++) {
      double e = r[i] - s.pixels()[i];
      f += e * e;
    }
    return f / 2;
  }

  private static void assertObjectiveOfY(AdmmState state, Dictionary d, Image s, SparseCode y, double tolerance) {
    try (ParallelLoop loop = new ParallelLoop(2)) {
      state.start(loop, y, 1.0);
      PartialSums sums = new PartialSums(K, AdmmState.FIELDS);
      double fidelity = state.fidelityOfY(loop, sums);
      double expected = directFidelity(d, s, y);
      assertThat(fidelity).isCloseTo(expected, within(tolerance * expected));
      double l1 = 0;
      for (int k = 0; k < K; k++) {
        l1 += sums.get(k, AdmmState.Y1);
      }
      assertThat(l1).isCloseTo(y.l1(), within(tolerance * y.l1()));
      // Y itself is unchanged.
      assertThat(state.code().toDense()).containsExactly(y.toDense(), within(tolerance * 10));
    }
  }

  @Test
  void theDataTermAndL1NormOfYMatchADirectComputationInFloat64() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    assertObjectiveOfY(new DoubleAdmmState(new DoubleDictionarySpectra(d, N, N), s, 2), d, s, code(), 1e-12);
  }

  @Test
  void theDataTermAndL1NormOfYMatchADirectComputationInFloat32() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    assertObjectiveOfY(new FloatAdmmState(new FloatDictionarySpectra(d, N, N), s, 2), d, s, code(), 1e-5);
  }

  /**
   * Runs {@code iterations} ADMM iterations (ρ = 1.5, α = 1.8, λ/ρ = 0.05) with ρ divided by 2 after the third,
   * the next spectra prepared by {@link AdmmState#update} when {@code fused} (also before the rescaling, which
   * makes {@link AdmmState#transformAuxiliary} compute them again), else always by
   * {@link AdmmState#transformAuxiliary}; returns Y, the sums and every iteration's data term.
   */
  private static double[] iterate(AdmmState state, boolean fused, int iterations) {
    double[] out = new double[K * N * N + iterations * (K * AdmmState.FIELDS + 1)];
    try (ParallelLoop loop = new ParallelLoop(2)) {
      PartialSums sums = new PartialSums(K, AdmmState.FIELDS);
      L1Weights weights = new L1Weights(new double[] {1, 1, 0.5, 2});
      double rho = 1.5;
      double divisor = 1;
      int at = K * N * N;
      for (int it = 0; it < iterations; it++) {
        state.transformAuxiliary(loop, divisor);
        divisor = 1;
        double fidelity = state.solveX(loop, rho);
        boolean rescale = it == 2;
        state.update(loop, 1.8, 0.075 / rho, weights, false, sums, fused);
        out[at++] = fidelity;
        for (int k = 0; k < K; k++) {
          for (int f = 0; f < AdmmState.FIELDS; f++) {
            out[at++] = sums.get(k, f);
          }
        }
        if (rescale) {
          rho *= 0.5;
          divisor = 0.5;
        }
      }
      System.arraycopy(state.code().toDense(), 0, out, 0, K * N * N);
    }
    return out;
  }

  @Test
  void spectraPreparedByTheUpdateGiveTheSameIteratesBitForBitInFloat64() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    double[] fused = iterate(new DoubleAdmmState(new DoubleDictionarySpectra(d, N, N), s, 2), true, 7);
    double[] separate = iterate(new DoubleAdmmState(new DoubleDictionarySpectra(d, N, N), s, 2), false, 7);
    assertThat(fused).containsExactly(separate);
    // The problem is not trivial: Y has non-zeros.
    assertThat(java.util.Arrays.stream(fused, 0, K * N * N).filter(v -> v != 0).count()).isGreaterThan(10);
  }

  @Test
  void spectraPreparedByTheUpdateGiveTheSameIteratesBitForBitInFloat32() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    double[] fused = iterate(new FloatAdmmState(new FloatDictionarySpectra(d, N, N), s, 2), true, 7);
    double[] separate = iterate(new FloatAdmmState(new FloatDictionarySpectra(d, N, N), s, 2), false, 7);
    assertThat(fused).containsExactly(separate);
  }

  @Test
  void theObjectiveOfYBetweenIterationsDoesNotDisturbThePreparedSpectra() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    DoubleAdmmState interrupted = new DoubleAdmmState(new DoubleDictionarySpectra(d, N, N), s, 2);
    DoubleAdmmState plain = new DoubleAdmmState(new DoubleDictionarySpectra(d, N, N), s, 2);
    L1Weights weights = new L1Weights(new double[] {1, 1, 1, 1});
    try (ParallelLoop loop = new ParallelLoop(2)) {
      PartialSums sums = new PartialSums(K, AdmmState.FIELDS);
      for (int it = 0; it < 4; it++) {
        for (DoubleAdmmState state : new DoubleAdmmState[] {interrupted, plain}) {
          state.transformAuxiliary(loop, 1);
          state.solveX(loop, 2.0);
          state.update(loop, 1.8, 0.05, weights, false, sums, true);
        }
        // fidelityOfY uses the spectrum buffer as scratch: the next iteration must transform Y − U again.
        interrupted.fidelityOfY(loop, sums);
      }
    }
    assertThat(interrupted.code().toDense()).containsExactly(plain.code().toDense());
  }
}
