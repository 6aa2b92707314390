package org.sparsecode.core.solver.lca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparsecode.core.solver.SolverTestProblems.noise;
import static org.sparsecode.core.solver.SolverTestProblems.randomDictionary;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.FloatDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/** The spectra and ℓ1 norms a step prepares for the next one equal those {@link LcaState#transformCode} computes. */
class LcaStateTest {
  private static final int N = 24;
  private static final int K = 4;

  /** Runs LCA steps (1/τ = 0.1), preparing the next step in the last pass when {@code fused}. */
  private static double[] steps(LcaState state, Threshold threshold, boolean fused, int steps) {
    double[] out = new double[K * N * N + steps * (K * 3 + 1)];
    try (ParallelLoop loop = new ParallelLoop(2)) {
      Sums sums = new Sums(K, LcaState.FIELDS);
      state.start(null, threshold);
      int at = K * N * N;
      for (int it = 0; it < steps; it++) {
        state.transformCode(loop, threshold, sums);
        out[at++] = state.drive(loop);
        state.step(loop, 0.1, threshold, sums, fused);
        for (int k = 0; k < K; k++) {
          out[at++] = sums.get(k, LcaState.L1);
          out[at++] = sums.get(k, LcaState.DU2);
          out[at++] = sums.get(k, LcaState.U2);
        }
      }
      System.arraycopy(state.code(threshold).toDense(), 0, out, 0, K * N * N);
    }
    return out;
  }

  private static void assertSameSteps(Supplier<LcaState> state, Threshold threshold) {
    double[] fused = steps(state.get(), threshold, true, 12);
    double[] separate = steps(state.get(), threshold, false, 12);
    assertThat(fused).containsExactly(separate);
    assertThat(java.util.Arrays.stream(fused, 0, K * N * N).filter(v -> v != 0).count()).isGreaterThan(10);
  }

  @Test
  void preparedStepsGiveTheSameCodesAndSumsBitForBitInFloat64SoftAndHard() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    assertSameSteps(() -> new DoubleLcaState(new DoubleDictionarySpectra(d, N, N), s, 2),
        new Threshold(0.2, false, false));
    assertSameSteps(() -> new DoubleLcaState(new DoubleDictionarySpectra(d, N, N), s, 2),
        new Threshold(0.2, true, true));
  }

  @Test
  void preparedStepsGiveTheSameCodesAndSumsBitForBitInFloat32() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    assertSameSteps(() -> new FloatLcaState(new FloatDictionarySpectra(d, N, N), s, 2),
        new Threshold(0.2, false, true));
  }
}
