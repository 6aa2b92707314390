package org.sparsecode.core.solver.lca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.solver.SolverTestProblems;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/**
 * The soft-threshold LCA's fixed point is the CBPDN solution: on the fixture problem ({@code dict_full_D},
 * {@code img_camera_lcn64}, λ = 1e-2) the {@code cbpdn-admm} code is (nearly) a fixed point of LCA, and LCA
 * started there ends at the CBPDN optimum.
 *
 * <p>Why a warm start and not two cold solves: at the default step 1/L (L = 2409.5) a cold LCA is as slow as
 * ISTA on this ill-conditioned problem (the log-Gabor dictionary passes almost nothing at low frequencies),
 * and slower still because an inactive potential charges with time constant τ = L: from zero it is at
 * objective 66.34 after 6000 steps, where the optimum is 32.98 (SPORCO's FISTA fixture is at 117.3 after 100
 * iterations). Tight convergence from zero would take far more than a unit test's time.
 */
class LcaAdmmFixedPointTest {
  /**
   * The CBPDN optimum of the fixture problem, to about 1e-5: {@code cbpdn-admm} (the paper's call) run for
   * 3000 iterations with relStopTol 1e-7, objective at X, float64 (measured 2026-11-27).
   */
  private static final double OPTIMUM = 32.9845165130;
  private static final double LAMBDA = 1e-2;

  @Test
  void cbpdnAdmmSolutionIsTheFixedPointOfSoftThresholdLca() {
    Dictionary d = TestFixtures.fullDictionary();
    Image s = TestFixtures.camera(64);
    SparseCode admm = new ConvBpdnAdmm(new CbpdnAdmmSettings(LAMBDA, 1000, 0.0, null, null, null, null, null,
        null), Precision.FLOAT64, 2).solve(d, s).code();
    double admmObjective = SolverTestProblems.objective(d, s, admm, LAMBDA);
    CodingResult lca = new Lca(new LcaSettings(LAMBDA, null, 200, 0.0, "soft", false), Precision.FLOAT64, 2)
        .solve(d, s, admm, SolveListener.NONE);

    // The warm start puts LCA exactly on ADMM's code (Y after 1000 iterations: objective 33.2668, 3980
    // non-zeros), and u barely moves: measured relative change 1.13e-4 in the first step.
    assertThat(lca.stats().get(0).objective()).isCloseTo(admmObjective, within(1e-9 * admmObjective));
    assertThat(lca.stats().get(0).primalResidual()).isLessThan(2e-4);

    // LCA then descends to the CBPDN optimum: measured 33.0078 after 200 steps, 7.0e-4 above OPTIMUM (ADMM's
    // own Y after 1000 iterations is 8.6e-3 above it).
    double lcaObjective = SolverTestProblems.objective(d, s, lca.code(), LAMBDA);
    assertThat(lcaObjective).isLessThan(admmObjective);
    assertThat((lcaObjective - OPTIMUM) / OPTIMUM).isBetween(-1e-5, 1e-3);

    // Supports: every ADMM coefficient stays active (measured 3980 of 3980); the coefficients LCA adds are
    // tiny, measured 0.2% of its ℓ1 norm.
    double[] a = admm.toDense();
    double[] x = lca.code().toDense();
    int kept = 0;
    double outside = 0;
    for (int i = 0; i < x.length; i++) {
      if (a[i] != 0 && x[i] != 0) {
        kept++;
      } else if (a[i] == 0) {
        outside += Math.abs(x[i]);
      }
    }
    assertThat(kept).isGreaterThanOrEqualTo((int) (0.99 * admm.nonZeros()));
    assertThat(outside / lca.code().l1()).isLessThan(0.01);
  }
}
