package org.sparsecode.core.solver.lca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sparsecode.core.solver.SolverTestProblems.objective;
import static org.sparsecode.core.solver.SolverTestProblems.randomDictionary;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.Lipschitz;
import org.sparsecode.core.solver.SolverTestProblems;

class LcaTest {
  private static final int N = 32;
  private static final int K = 4;

  static Image noise() {
    return SolverTestProblems.noise(N, N);
  }

  /** The CBPDN objective ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁, computed directly from the sparse code. */
  private static Lca lca(double lambda, Double tau, int iterations, double relStopTol, String threshold,
      boolean nonNegative) {
    return new Lca(new LcaSettings(lambda, tau, iterations, relStopTol, threshold, nonNegative), Precision.FLOAT64,
        2);
  }

  private static final int[][] PLANTED = {{0, 2, 3}, {1, 20, 5}, {2, 9, 17}, {3, 25, 26}, {0, 14, 10}, {2, 3, 24}};
  private static final double[] COEFFICIENTS = {2.0, -1.5, 3.0, 2.5, -2.0, 1.5};

  static SparseCode planted() {
    double[] dense = new double[K * N * N];
    for (int i = 0; i < PLANTED.length; i++) {
      dense[(PLANTED[i][0] * N + PLANTED[i][1]) * N + PLANTED[i][2]] = COEFFICIENTS[i];
    }
    return SparseCode.fromDense(K, N, N, dense);
  }

  @Test
  void plantedAtomsAreRecoveredWithTheirSupportAndCoefficients() {
    Dictionary d = randomDictionary();
    SparseCode truth = planted();
    Image s = Image.grey("planted", N, N, truth.reconstruct(d));
    CodingResult r = lca(1e-2, null, 3000, 1e-10, "soft", false).solve(d, s);
    // Converges (relative change of u below 1e-10) in about 980 steps with τ = L ≈ 11.5.
    assertThat(r.converged()).isTrue();
    double[] x = r.code().toDense();
    double[] t = truth.toDense();
    // Exactly the planted support. The atoms do not overlap much, so each coefficient is its true value
    // shrunk by λ/‖d_k‖² = λ = 1e-2 (the soft threshold's bias): measured error 1.0e-2 at most.
    for (int i = 0; i < x.length; i++) {
      if (t[i] != 0) {
        assertThat(x[i]).as("planted coefficient %d", i).isCloseTo(t[i], within(1.05e-2));
      } else {
        assertThat(x[i]).as("coefficient %d", i).isZero();
      }
    }
  }

  @Test
  void hardThresholdYieldsOnlyCoefficientsAboveLambda() {
    double lambda = 0.3;
    SparseCode code = lca(lambda, null, 200, 0.0, "hard", false).solve(randomDictionary(), noise()).code();
    assertThat(code.nonZeros()).isPositive();
    for (double v : code.values()) {
      assertThat(Math.abs(v)).isGreaterThan(lambda);
    }
  }

  @Test
  void nonNegativeCodeHasNoNegativeCoefficient() {
    for (String threshold : new String[] {"soft", "hard"}) {
      SparseCode code = lca(0.1, null, 200, 0.0, threshold, true).solve(randomDictionary(), noise()).code();
      assertThat(code.nonZeros()).isPositive();
      for (double v : code.values()) {
        assertThat(v).as(threshold).isPositive();
      }
    }
  }

  @Test
  void softThresholdObjectiveNeverIncreases() {
    CodingResult r = lca(0.1, null, 300, 0.0, "soft", false).solve(randomDictionary(), noise());
    assertThat(r.stats()).hasSize(300);
    for (int i = 1; i < r.stats().size(); i++) {
      double before = r.stats().get(i - 1).objective();
      assertThat(r.stats().get(i).objective()).as("step %d", i).isLessThanOrEqualTo(before * (1 + 1e-12));
    }
    // And it ends well below the zero code's ½‖s‖² (the first row).
    assertThat(r.stats().get(299).objective()).isLessThan(0.5 * r.stats().get(0).objective());
  }

  @Test
  void statisticsDescribeTheCodeOfEachStep() {
    Dictionary d = randomDictionary();
    Image s = noise();
    CodingResult r = lca(0.1, null, 40, 0.0, "soft", false).solve(d, s);
    IterationStats first = r.stats().get(0);
    assertThat(first.objective()).isCloseTo(objective(d, s, SparseCode.fromDense(K, N, N, new double[K * N * N]),
        0.1), within(1e-9));
    assertThat(first.penalty()).isEqualTo(Math.max(1, Lipschitz.exact(d, N, N)));
    assertThat(first.dualResidual()).isNaN();
    assertThat(first.epsPrimal()).isEqualTo(0.0);
    IterationStats last = r.stats().get(39);
    assertThat(last.objective()).isCloseTo(last.dataFidelity() + 0.1 * last.regularization(), within(1e-12));
    assertThat(last.primalResidual()).isPositive().isLessThan(1);
  }

  @Test
  void warmStartFromItsOwnResultDoesNotIncreaseTheObjective() {
    Dictionary d = randomDictionary();
    Image s = noise();
    Lca solver = lca(0.1, null, 60, 0.0, "soft", false);
    CodingResult cold = solver.solve(d, s);
    double before = objective(d, s, cold.code(), 0.1);
    CodingResult warm = solver.solve(d, s, cold.code(), SolveListener.NONE);
    // The first step of the warm solve is at the returned code itself.
    assertThat(warm.stats().get(0).objective()).isCloseTo(before, within(1e-9 * before));
    assertThat(objective(d, s, warm.code(), 0.1)).isLessThanOrEqualTo(before);
  }

  @Test
  void warmStartWithNullEqualsColdStart() {
    Dictionary d = randomDictionary();
    Image s = noise();
    Lca solver = lca(0.1, null, 30, 0.0, "soft", false);
    assertThat(solver.solve(d, s, null, SolveListener.NONE).code()).isEqualTo(solver.solve(d, s).code());
  }

  @Test
  void initialCodeOfTheWrongShapeIsRejected() {
    SparseCode wrong = SparseCode.fromDense(K + 1, N, N, new double[(K + 1) * N * N]);
    assertThatThrownBy(() -> lca(0.1, null, 10, 0.0, "soft", false).solve(randomDictionary(), noise(), wrong,
        SolveListener.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial code");
  }

  @Test
  void zeroImageGivesTheZeroCodeAfterOneStep() {
    Image zero = Image.grey("zero", N, N, new double[N * N]);
    CodingResult r = lca(0.1, null, 100, 1e-4, "soft", false).solve(randomDictionary(), zero);
    assertThat(r.code().nonZeros()).isZero();
    assertThat(r.iterations()).isEqualTo(1);
    assertThat(r.converged()).isTrue();
  }

  @Test
  void constantImageIsCodedLikeAnyOtherImage() {
    // A constant image is a defined, ordinary input: the random kernels have non-zero means, so it gets a
    // finite code whose objective is below the zero code's ½‖s‖².
    Dictionary d = randomDictionary();
    double[] p = new double[N * N];
    java.util.Arrays.fill(p, 3.0);
    Image s = Image.grey("constant", N, N, p);
    CodingResult r = lca(0.1, null, 200, 0.0, "soft", false).solve(d, s);
    assertThat(objective(d, s, r.code(), 0.1)).isLessThan(0.5 * 9.0 * N * N);
  }

  @Test
  void nonFiniteImageStopsAtTheFirstStep() {
    double[] p = noise().pixels().clone();
    p[17] = Double.NaN;
    assertThatThrownBy(() -> lca(0.1, null, 10, 0.0, "soft", false).solve(randomDictionary(),
        Image.grey("nan", N, N, p)))
        .isInstanceOf(SolverException.class).hasMessageStartingWith("iteration 0:")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
  }

  private static double exact() {
    return Lipschitz.exact(randomDictionary(), N, N);
  }

  @Test
  void aTimeConstantFarBelowTheLipschitzConstantIsStoppedLongBeforeItOverflows() {
    // τ = 0.01: the off-support update u ← (1 − 100) u + ... amplifies by 99 per step (the objective by about
    // 1e4); it used to run on until the objective overflowed.
    assertThatThrownBy(() -> lca(0.1, 0.01, 1000, 0.0, "soft", false).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 2: lca diverged: objective ")
        .hasMessageContaining("tau 0.01 is below the dictionary's Lipschitz constant L = "
            + DivergenceGuard.show(exact()) + " at this image size")
        .hasMessageEndingWith("set tau to at least " + DivergenceGuard.showAtLeast(exact())
            + ", or leave it out (default max(L, 1))");
  }

  @Test
  void aTinyTauInAOneStepSolveIsRefusedAtTheEndWhileTheObjectiveIsStillFinite() {
    // The one statistics row is at the zero code the step started from; the code after the step, about
    // 1e17 × ½‖s‖², is what the solve would return: it is refused, not returned.
    List<IterationStats> seen = new ArrayList<>();
    assertThatThrownBy(() -> lca(0.05, 1e-8, 1, 0.0, "soft", false).solve(randomDictionary(), noise(), null,
        seen::add))
        .isInstanceOf(SolverException.class)
        .hasMessageMatching("iteration 0: lca diverged: the code it ends with has objective [0-9.]+e\\+\\d+ = .*")
        .hasMessageContaining("tau 1e-08 is below the dictionary's Lipschitz constant")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).objective()).isCloseTo(DivergenceGuard.zeroCodeObjective(noise()), within(1e-9));
  }

  @Test
  void aTinyTauStopsAtTheFirstRowPastTheRunningLimit() {
    assertThatThrownBy(() -> lca(0.05, 1e-8, 5, 0.0, "hard", false).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageMatching("iteration 1: lca diverged: objective [0-9.]+e\\+\\d+ = .*")
        .hasMessageContaining("tau 1e-08");
  }

  @Test
  void aTauThatEndsBeforeTheRunningLimitWithAnExplodedCodeIsRefused() {
    // τ = L/5: rows at about 1, 0.9, 2, 13, 120, 1400 × ½‖s‖², all under the running limit.
    assertThatThrownBy(() -> lca(0.05, 0.2 * exact(), 6, 0.0, "soft", false).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 5: lca diverged: the code it ends with has objective ")
        .hasMessageContaining("tau " + DivergenceGuard.show(0.2 * exact()) + " is below");
  }

  @Test
  void aWarmStartFarWorseThanTheZeroCodeIsNotMistakenForDivergence() {
    Dictionary d = randomDictionary();
    double[] dense = planted().toDense();
    for (int i = 0; i < dense.length; i++) {
      dense[i] *= 1e4;
    }
    SparseCode start = SparseCode.fromDense(K, N, N, dense);
    Image s = Image.grey("planted", N, N, planted().reconstruct(d));
    CodingResult r = lca(0.05, null, 5, 0.0, "soft", false).solve(d, s, start, SolveListener.NONE);
    // The first row is at the initial code itself, about 1e8 × ½‖s‖².
    assertThat(r.stats().get(0).objective()).isGreaterThan(1e6 * DivergenceGuard.zeroCodeObjective(s));
    assertThat(objective(d, s, r.code(), 0.05)).isLessThan(r.stats().get(0).objective());
  }

  @Test
  void checkingTheResultChangesNeitherTheCodeNorTheStatistics() {
    Lca solver = lca(0.1, null, 25, 0.0, "soft", false);
    CodingResult solved = solver.solve(randomDictionary(), noise());
    List<IterationStats> rows = new ArrayList<>();
    SparseCode code;
    try (Lca.Workspace w = solver.workspace(randomDictionary(), noise(), null)) {
      for (int i = 0; i < 25; i++) {
        rows.add(w.iterate());
      }
      code = w.code();
    }
    assertThat(solved.code()).isEqualTo(code);
    for (int i = 0; i < 25; i++) {
      assertThat(solved.stats().get(i).objective()).isEqualTo(rows.get(i).objective());
      assertThat(solved.stats().get(i).primalResidual()).isEqualTo(rows.get(i).primalResidual());
    }
  }

  @Test
  void float32FollowsFloat64() {
    Dictionary d = randomDictionary();
    Image s = noise();
    LcaSettings settings = new LcaSettings(0.1, null, 100, 0.0, null, null);
    double f64 = new Lca(settings, Precision.FLOAT64, 2).solve(d, s).stats().get(99).objective();
    double f32 = new Lca(settings, Precision.FLOAT32, 2).solve(d, s).stats().get(99).objective();
    assertThat(f32).isCloseTo(f64, within(1e-5 * f64));
  }

  @Test
  void theCodeDoesNotDependOnTheThreadCount() {
    Dictionary d = randomDictionary();
    Image s = noise();
    LcaSettings settings = new LcaSettings(0.1, null, 50, 0.0, null, null);
    SparseCode one = new Lca(settings, Precision.FLOAT64, 1).solve(d, s).code();
    SparseCode three = new Lca(settings, Precision.FLOAT64, 3).solve(d, s).code();
    assertThat(three).isEqualTo(one);
  }

  @Test
  void colourImagesAreRejected() {
    Image rgb = new Image("rgb", N, N, 3, new double[3 * N * N]);
    assertThatThrownBy(() -> lca(0.1, null, 10, 0.0, "soft", false).solve(randomDictionary(), rgb))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grey");
  }
}
