package org.sparsecode.core.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.core.solver.fista.FistaSettings;
import org.sparsecode.core.solver.lca.Lca;
import org.sparsecode.core.solver.lca.LcaSettings;

/**
 * The same solve on FFTW and on JTransforms, on the SPORCO fixtures' inputs (D = dict_full_D.npy, S =
 * img_camera_lcn64.npy): float64 traces agree within 1e-9 relative per column and iteration, float32 traces
 * within 1e-4 (its precision over 100 iterations), and both run the same number of iterations.
 */
class FftEnginesAgreeTest {

  private static List<IterationStats> on(FftBackend backend, Supplier<CodingResult> solve) {
    FftBackend before = FftBackend.current();
    FftBackend.use(backend);
    try {
      return solve.get().stats();
    } finally {
      FftBackend.use(before);
    }
  }

  private static void assertSameTraces(Supplier<CodingResult> solve, double relative) {
    assumeTrue(FftBackend.fftwAvailable(), "FFTW refused or not shipped here: " + FftBackend.fftwFailure());
    List<IterationStats> fftw = on(FftBackend.FFTW, solve);
    List<IterationStats> jt = on(FftBackend.JTRANSFORMS, solve);
    assertThat(fftw).as("iterations").hasSameSizeAs(jt);
    for (int i = 0; i < jt.size(); i++) {
      IterationStats a = fftw.get(i);
      IterationStats b = jt.get(i);
      double[] x = {a.objective(), a.dataFidelity(), a.regularization(), a.primalResidual(), a.dualResidual()};
      double[] y = {b.objective(), b.dataFidelity(), b.regularization(), b.primalResidual(), b.dualResidual()};
      for (int c = 0; c < x.length; c++) {
        if (Double.isNaN(y[c])) { // a column the solver does not report (FISTA and LCA have no dual residual)
          assertThat(x[c]).as("iteration %d column %d", i, c).isNaN();
          continue;
        }
        assertThat(Math.abs(x[c] - y[c])).as("iteration %d column %d: %s vs %s", i, c, x[c], y[c])
            .isLessThanOrEqualTo(relative * Math.abs(y[c]));
      }
    }
  }

  private static CodingResult admm(Precision precision, CbpdnAdmmSettings settings) {
    return new ConvBpdnAdmm(settings, precision, 2).solve(TestFixtures.fullDictionary(), TestFixtures.camera(64));
  }

  @Test
  void cbpdnAdmmFloat64TracesAgreeTo1e9WithAutoRho() {
    assertSameTraces(() -> admm(Precision.FLOAT64, new CbpdnAdmmSettings(1e-2, 100, 1e-3, null, 1.8, null, 1.0,
        null, new AutoRhoSettings(null, null, 1.05, null, null, null))), 1e-9);
  }

  @Test
  void cbpdnAdmmFloat64TracesAgreeTo1e9WithFixedRho() {
    assertSameTraces(() -> admm(Precision.FLOAT64, new CbpdnAdmmSettings(1e-2, 100, 0.0, null, 1.8, null, 1.0,
        null, AutoRhoSettings.disabled())), 1e-9);
  }

  @Test
  void cbpdnAdmmFloat32TracesAgreeTo1e4() {
    assertSameTraces(() -> admm(Precision.FLOAT32, new CbpdnAdmmSettings(1e-2, 100, 0.0, null, 1.8, null, 1.0,
        null, AutoRhoSettings.disabled())), 1e-4);
  }

  @Test
  void lcaFloat64TracesAgreeTo1e9() {
    assertSameTraces(() -> new Lca(new LcaSettings(1e-2, null, 60, 0.0, null, null), Precision.FLOAT64, 2)
        .solve(TestFixtures.fullDictionary(), TestFixtures.camera(64)), 1e-9);
  }

  @Test
  void fistaFloat64TracesAgreeTo1e9() {
    assertSameTraces(() -> new Fista(new FistaSettings(1e-2, 100, 0.0, 2410.0, null, null, 1.0), Precision.FLOAT64,
        2, true).solve(TestFixtures.fullDictionary(), TestFixtures.camera(64)), 1e-9);
  }
}
