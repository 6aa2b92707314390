package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.AutoRhoSettings;

/**
 * Each ND4J solver against its core twin run in float64 on a small problem (a 48 × 48 patch of a photograph,
 * 12 Gabor kernels of 8 × 8): in float32 every row's objective within 1e-3 relative (the bound the core's own
 * float32 path is held to), the same number of iterations, stopped by the same test; in float64, the same
 * trace to 1e-9.
 */
class Nd4jSolversMatchCoreTest {
  private static final Dictionary KERNELS = TestProblems.gabor(12, 8);
  private static final Image IMAGE = TestProblems.patch("camera", 48, 20);

  /** The largest relative difference of the objectives, row by row, after checking the counts. */
  private static double worstObjective(CodingResult core, CodingResult nd4j) {
    assertThat(nd4j.iterations()).as("iterations").isEqualTo(core.iterations());
    assertThat(nd4j.converged()).as("converged").isEqualTo(core.converged());
    assertThat(nd4j.stats()).hasSameSizeAs(core.stats());
    double worst = 0;
    for (int i = 0; i < core.stats().size(); i++) {
      IterationStats a = core.stats().get(i);
      IterationStats b = nd4j.stats().get(i);
      assertThat(b.iteration()).isEqualTo(a.iteration());
      worst = Math.max(worst, Math.abs(a.objective() - b.objective()) / Math.abs(a.objective()));
    }
    return worst;
  }

  private static void matches(SparseSolver core, SparseSolver float32, SparseSolver float64) {
    CodingResult reference = core.solve(KERNELS, IMAGE);
    assertThat(reference.converged()).as("the problem stops on its tolerance").isTrue();
    assertThat(worstObjective(reference, float32.solve(KERNELS, IMAGE))).isLessThan(1e-3);
    assertThat(worstObjective(reference, float64.solve(KERNELS, IMAGE))).isLessThan(1e-9);
  }

  @Test
  void admmWithAutoRhoFollowsTheCoreTraceAndStopsAtTheSameIteration() {
    matches(Solvers.core(Solvers.admmSettings(1, "float64")), Solvers.admm(Solvers.admmSettings(1, "float32")),
        Solvers.admm(Solvers.admmSettings(1, "float64")));
  }

  @Test
  void fistaFollowsTheCoreTraceAndStopsAtTheSameIteration() {
    matches(Solvers.core(Solvers.fistaSettings(1, "float64")), Solvers.fista(Solvers.fistaSettings(1, "float32")),
        Solvers.fista(Solvers.fistaSettings(1, "float64")));
  }

  @Test
  void lcaFollowsTheCoreTraceAndStopsAtTheSameIteration() {
    matches(Solvers.core(Solvers.lcaSettings(1, "float64")), Solvers.lca(Solvers.lcaSettings(1, "float32")),
        Solvers.lca(Solvers.lcaSettings(1, "float64")));
  }

  @Test
  void admmWithFixedRhoKernelWeightsAndNonNegativeCodesFollowsTheCore() {
    Nd4jCbpdnAdmmSettings s = new Nd4jCbpdnAdmmSettings(0.05, 40, 0.0, null, 1.5, 2.0,
        List.of(1.0, 0.5, 2.0, 1.0, 1.0, 0.0, 1.0, 1.0, 3.0, 1.0, 1.0, 1.0), true, AutoRhoSettings.disabled(), 1,
        "float64");
    CodingResult core = Solvers.core(s).solve(KERNELS, IMAGE);
    assertThat(worstObjective(core, Solvers.admm(s).solve(KERNELS, IMAGE))).isLessThan(1e-9);
  }

  @Test
  void fistaWithAGivenLipschitzConstantAndNonNegativeCodesFollowsTheCore() {
    Nd4jFistaSettings s = new Nd4jFistaSettings(0.05, 40, 0.0, 60.0, "none", true, 1.5, 1, "float64");
    CodingResult core = Solvers.core(s).solve(KERNELS, IMAGE);
    assertThat(worstObjective(core, Solvers.fista(s).solve(KERNELS, IMAGE))).isLessThan(1e-9);
  }

  @Test
  void lcaWithTheHardThresholdFollowsTheCore() {
    Nd4jLcaSettings s = new Nd4jLcaSettings(0.05, null, 40, 0.0, "hard", false, 1, "float64");
    CodingResult core = Solvers.core(s).solve(KERNELS, IMAGE);
    CodingResult nd4j = Solvers.lca(s).solve(KERNELS, IMAGE);
    assertThat(worstObjective(core, nd4j)).isLessThan(1e-9);
    assertThat(nd4j.code().nonZeros()).isEqualTo(core.code().nonZeros());
  }

  @Test
  void theCodeReturnedIsTheCoresToRounding() {
    Nd4jCbpdnAdmmSettings s = Solvers.admmSettings(1, "float64");
    double[] core = Solvers.core(s).solve(KERNELS, IMAGE).code().toDense();
    double[] nd4j = Solvers.admm(s).solve(KERNELS, IMAGE).code().toDense();
    double worst = 0;
    for (int i = 0; i < core.length; i++) {
      worst = Math.max(worst, Math.abs(core[i] - nd4j[i]));
    }
    assertThat(worst).isLessThan(1e-9);
  }
}
