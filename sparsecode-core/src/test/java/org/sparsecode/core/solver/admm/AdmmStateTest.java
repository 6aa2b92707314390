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

/** The objective of Y that ends a solve ({@link AdmmState#fidelityOfY}), in both precisions. */
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
}
