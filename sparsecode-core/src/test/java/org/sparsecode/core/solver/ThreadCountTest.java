package org.sparsecode.core.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.core.solver.fista.FistaSettings;
import org.sparsecode.core.solver.lca.Lca;
import org.sparsecode.core.solver.lca.LcaSettings;
import org.sparsecode.core.solver.mp.MatchingPursuit;
import org.sparsecode.core.solver.mp.OrthogonalMatchingPursuit;
import org.sparsecode.core.solver.mp.PursuitSettings;

/**
 * Every solver gives bit-identical codes and iteration statistics on 1, 2, 3 and 16 threads: its sums run
 * over blocks the problem defines (kernels, spectral columns), combined in index order, never over the
 * blocks of a worker.
 */
class ThreadCountTest {
  private static final int[] THREADS = {1, 2, 3, 16};
  private static final int K = 20;
  private static final int SIZE = 6;
  private static final double LAMBDA = 0.05;

  /** Twenty random unit-norm 6×6 kernels (seeded): more kernels than any thread count here. */
  private static Dictionary dictionary() {
    SplittableRandom rng = new SplittableRandom(11);
    double[] d = new double[K * SIZE * SIZE];
    for (int k = 0; k < K; k++) {
      double norm = 0;
      for (int i = 0; i < SIZE * SIZE; i++) {
        double v = rng.nextGaussian();
        d[k * SIZE * SIZE + i] = v;
        norm += v * v;
      }
      for (int i = 0; i < SIZE * SIZE; i++) {
        d[k * SIZE * SIZE + i] /= Math.sqrt(norm);
      }
    }
    return Dictionary.of(SIZE, K, d);
  }

  /** Every number of the statistics but the timing. */
  private static double[] numbers(List<IterationStats> stats) {
    double[] out = new double[stats.size() * 9];
    int n = 0;
    for (IterationStats s : stats) {
      out[n++] = s.iteration();
      out[n++] = s.objective();
      out[n++] = s.dataFidelity();
      out[n++] = s.regularization();
      out[n++] = s.primalResidual();
      out[n++] = s.dualResidual();
      out[n++] = s.epsPrimal();
      out[n++] = s.epsDual();
      out[n++] = s.penalty();
    }
    return out;
  }

  private static DynamicTest sameOnEveryThreadCount(String name, IntFunction<SparseSolver> solver) {
    return DynamicTest.dynamicTest(name + " gives the same code and statistics on 1, 2, 3 and 16 threads", () -> {
      Dictionary d = dictionary();
      // 24 × 20: more rows than columns, and fewer spectral columns (11) than 16 threads
      Image s = SolverTestProblems.noise(24, 20);
      CodingResult reference = solver.apply(1).solve(d, s);
      assertThat(reference.code().nonZeros()).as("a non-trivial code").isPositive();
      for (int threads : THREADS) {
        CodingResult r = solver.apply(threads).solve(d, s);
        assertThat(r.code().toDense()).as("code on %d threads", threads).isEqualTo(reference.code().toDense());
        assertThat(numbers(r.stats())).as("statistics on %d threads", threads).isEqualTo(numbers(reference.stats()));
        assertThat(r.iterations()).isEqualTo(reference.iterations());
      }
    });
  }

  @TestFactory
  Stream<DynamicTest> everySolverIsIndependentOfTheThreadCount() {
    CbpdnAdmmSettings admm = new CbpdnAdmmSettings(LAMBDA, 30, 0.0, null, null, null, null, null, null);
    FistaSettings fista = new FistaSettings(LAMBDA, 30, 0.0, null, null, null, null);
    FistaSettings standard = new FistaSettings(LAMBDA, 20, 0.0, 0.01, "standard", null, null);
    FistaSettings robust = new FistaSettings(LAMBDA, 20, 0.0, 0.01, "robust", null, null);
    LcaSettings lca = new LcaSettings(LAMBDA, null, 30, 0.0, null, null);
    return Stream.of(
        sameOnEveryThreadCount("cbpdn-admm float64", t -> new ConvBpdnAdmm(admm, Precision.FLOAT64, t)),
        sameOnEveryThreadCount("cbpdn-admm float32", t -> new ConvBpdnAdmm(admm, Precision.FLOAT32, t)),
        sameOnEveryThreadCount("fista float64", t -> new Fista(fista, Precision.FLOAT64, t, true)),
        sameOnEveryThreadCount("fista float32", t -> new Fista(fista, Precision.FLOAT32, t, true)),
        sameOnEveryThreadCount("fista with standard backtracking",
            t -> new Fista(standard, Precision.FLOAT64, t, true)),
        sameOnEveryThreadCount("fista with robust backtracking", t -> new Fista(robust, Precision.FLOAT32, t, true)),
        sameOnEveryThreadCount("ista", t -> new Fista(fista, Precision.FLOAT64, t, false)),
        sameOnEveryThreadCount("lca float64", t -> new Lca(lca, Precision.FLOAT64, t)),
        sameOnEveryThreadCount("lca float32", t -> new Lca(lca, Precision.FLOAT32, t)),
        sameOnEveryThreadCount("matching-pursuit", t -> new MatchingPursuit(PursuitSettings.atoms(40), t)),
        sameOnEveryThreadCount("omp", t -> new OrthogonalMatchingPursuit(PursuitSettings.atoms(40), t)));
  }
}
