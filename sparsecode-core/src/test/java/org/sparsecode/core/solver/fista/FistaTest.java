package org.sparsecode.core.solver.fista;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparsecode.core.solver.SolverTestProblems.randomDictionary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.Lipschitz;
import org.sparsecode.core.solver.SolverTestProblems;

class FistaTest {
  private static final int N = 32;
  private static final int K = 4;
  private static final int[][] PLANTED = {{0, 2, 3}, {1, 20, 5}, {2, 9, 17}, {3, 25, 26}, {0, 14, 10}, {2, 3, 24}};
  private static final double[] COEF = {2.0, -1.5, 3.0, 2.5, -2.0, 1.5};

  private static double[] plantedDense() {
    double[] dense = new double[K * N * N];
    for (int i = 0; i < PLANTED.length; i++) {
      dense[(PLANTED[i][0] * N + PLANTED[i][1]) * N + PLANTED[i][2]] = COEF[i];
    }
    return dense;
  }

  /** Six well-separated atoms plus a little seeded noise. */
  private static Image planted() {
    double[] s = SparseCode.fromDense(K, N, N, plantedDense()).reconstruct(randomDictionary());
    SplittableRandom rng = new SplittableRandom(6);
    for (int i = 0; i < s.length; i++) {
      s[i] += 0.01 * rng.nextGaussian();
    }
    return Image.grey("planted", N, N, s);
  }

  private static FistaSettings settings(Double lipschitz, String backtracking, Boolean nonNegative,
      int iterations) {
    return new FistaSettings(0.05, iterations, 0.0, lipschitz, backtracking, nonNegative, null);
  }

  private static Fista fista(FistaSettings s) {
    return new Fista(s, Precision.FLOAT64, 2, true);
  }

  private static Fista ista(FistaSettings s) {
    return new Fista(s, Precision.FLOAT64, 2, false);
  }

  /** ½‖Σ d_k * x_k − s‖² + λ‖x‖₁ computed directly from the code. */
  private static double objective(SparseCode code, Image s, double lambda) {
    return SolverTestProblems.objective(randomDictionary(), s, code, lambda);
  }

  @Test
  void istaDecreasesTheObjectiveMonotonicallyOnAPlantedProblem() {
    List<IterationStats> stats = ista(settings(null, null, null, 200)).solve(randomDictionary(), planted()).stats();
    for (int i = 1; i < stats.size(); i++) {
      assertThat(stats.get(i).objective()).as("iteration %d", i)
          .isLessThanOrEqualTo(stats.get(i - 1).objective() * (1 + 1e-12));
    }
  }

  @Test
  void fistaRecoversThePlantedSupportAsItsLargestCoefficients() {
    double[] x = fista(settings(null, null, null, 300)).solve(randomDictionary(), planted()).code().toDense();
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(Math.abs(x[b]), Math.abs(x[a])));
    List<Integer> expected = new ArrayList<>();
    for (int[] p : PLANTED) {
      expected.add((p[0] * N + p[1]) * N + p[2]);
    }
    assertThat(Arrays.asList(order).subList(0, PLANTED.length)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void withoutLipschitzTheStepIsTheExactConstant() {
    double exact = Lipschitz.exact(randomDictionary(), N, N);
    IterationStats row = fista(settings(null, null, null, 1)).solve(randomDictionary(), planted()).stats().get(0);
    assertThat(row.penalty()).isEqualTo(exact);
  }

  @Test
  void standardBacktrackingRaisesATooSmallLUntilTheObjectiveDecreases() {
    double exact = Lipschitz.exact(randomDictionary(), N, N);
    CodingResult r = ista(settings(0.01, "standard", null, 100)).solve(randomDictionary(), planted());
    double found = r.stats().get(r.stats().size() - 1).penalty();
    // L only grows by factors 1.2 from 0.01, and the sufficient-decrease test holds for every L ≥ exact.
    assertThat(found).isGreaterThan(0.01).isLessThanOrEqualTo(1.2 * exact * (1 + 1e-12));
    for (int i = 1; i < r.stats().size(); i++) {
      assertThat(r.stats().get(i).objective()).as("iteration %d", i)
          .isLessThanOrEqualTo(r.stats().get(i - 1).objective() * (1 + 1e-12));
    }
  }

  @Test
  void standardBacktrackingFistaReachesTheFixedStepObjective() {
    Image s = planted();
    double fixed = fista(settings(null, null, null, 300)).solve(randomDictionary(), s).stats().get(299).objective();
    CodingResult r = fista(settings(0.01, "standard", null, 300)).solve(randomDictionary(), s);
    assertThat(r.stats().get(299).objective()).isCloseTo(fixed, org.assertj.core.api.Assertions.within(1e-4 * fixed));
  }

  @Test
  void robustBacktrackingFindsAnLAndReachesTheFixedStepObjective() {
    Image s = planted();
    double exact = Lipschitz.exact(randomDictionary(), N, N);
    double fixed = fista(settings(null, null, null, 300)).solve(randomDictionary(), s).stats().get(299).objective();
    // 40 iterations: converged to ~1e-15 here; beyond, F ≤ Q_L fails by rounding alone and L grows, as in SPORCO.
    CodingResult r = fista(settings(0.01, "robust", null, 40)).solve(randomDictionary(), s);
    for (IterationStats row : r.stats()) {
      assertThat(row.penalty()).as("iteration %d", row.iteration()).isLessThanOrEqualTo(2.0 * exact * (1 + 1e-12));
    }
    assertThat(r.stats().get(39).penalty()).isGreaterThan(0.01);
    assertThat(r.stats().get(39).objective()).isLessThan(r.stats().get(0).objective())
        .isCloseTo(fixed, org.assertj.core.api.Assertions.within(1e-6 * fixed));
  }

  @Test
  void nonNegativeGivesNoNegativeCoefficient() {
    SparseCode code = fista(settings(null, null, true, 100)).solve(randomDictionary(), planted()).code();
    assertThat(Arrays.stream(code.values()).min().orElseThrow()).isPositive();
    assertThat(code.nonZeros()).isPositive();
  }

  @Test
  void warmStartFromItsOwnResultDoesNotIncreaseTheObjective() {
    Image s = planted();
    Fista solver = fista(settings(null, null, null, 30));
    SparseCode first = solver.solve(randomDictionary(), s).code();
    SparseCode second = solver.solve(randomDictionary(), s, first, r -> { }).code();
    assertThat(objective(second, s, 0.05)).isLessThanOrEqualTo(objective(first, s, 0.05));
  }

  @Test
  void warmStartFromZeroEqualsAColdStart() {
    Image s = planted();
    Fista solver = fista(settings(null, null, null, 20));
    SparseCode zero = SparseCode.fromDense(K, N, N, new double[K * N * N]);
    assertThat(solver.solve(randomDictionary(), s, zero, r -> { }).code())
        .isEqualTo(solver.solve(randomDictionary(), s).code());
  }

  @Test
  void anInitialCodeOfTheWrongShapeIsRejected() {
    SparseCode wrong = SparseCode.fromDense(K, N, N - 1, new double[K * N * (N - 1)]);
    assertThatThrownBy(() -> fista(FistaSettings.defaults()).solve(randomDictionary(), planted(), wrong, r -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial code");
  }

  @Test
  void aNanPixelStopsTheSolveAtIterationZero() {
    double[] p = planted().pixels().clone();
    p[7] = Double.NaN;
    assertThatThrownBy(() -> fista(FistaSettings.defaults()).solve(randomDictionary(), Image.grey("nan", N, N, p)))
        .isInstanceOf(SolverException.class).hasMessageContaining("iteration 0")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
  }

  private static Image noise() {
    return SolverTestProblems.noise(N, N);
  }

  private static double exact() {
    return Lipschitz.exact(randomDictionary(), N, N);
  }

  @Test
  void aFarTooSmallLipschitzStopsFistaAtIterationZeroWhileTheObjectiveIsStillFinite() {
    // One step of 1/L = 1e9 makes the objective about 2e19 × ½‖s‖²: finite, so a one-iteration solve used to
    // return that code as its result.
    assertThatThrownBy(() -> fista(settings(1e-9, null, null, 1)).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageMatching("iteration 0: fista diverged: objective [0-9.]+e\\+21 = [0-9.]+e\\+19 x the zero"
            + " code's .*")
        .hasMessageContaining("lipschitz 1e-09 is below the dictionary's Lipschitz constant "
            + DivergenceGuard.show(exact()) + " at this image size")
        .hasMessageEndingWith("set lipschitz to at least " + DivergenceGuard.showAtLeast(exact())
            + ", or leave it out to use the exact constant")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
  }

  @Test
  void aFarTooSmallLipschitzStopsIstaAtIterationZeroOfThree() {
    assertThatThrownBy(() -> ista(settings(1e-9, null, null, 3)).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageMatching("iteration 0: ista diverged: objective [0-9.]+e\\+21 .*")
        .hasMessageContaining("set lipschitz to at least " + DivergenceGuard.showAtLeast(exact()));
  }

  @Test
  void fistaEndingBeforeTheRunningLimitWithAnExplodedObjectiveIsRefused() {
    // L = exact/5: the objective grows about 1, 3, 40, 900 × ½‖s‖² over four iterations, every one under the
    // running limit; the code they end with is refused instead of returned.
    List<IterationStats> seen = new ArrayList<>();
    assertThatThrownBy(() -> fista(settings(0.2 * exact(), null, null, 4)).solve(randomDictionary(), noise(), null,
        seen::add))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 3: fista diverged: the code it ends with has objective ")
        .hasMessageContaining("(a result may have at most 100 x)")
        .hasMessageContaining("lipschitz " + DivergenceGuard.show(0.2 * exact()) + " is below");
    assertThat(seen).hasSize(4);
    assertThat(seen.get(3).objective()).isGreaterThan(100 * DivergenceGuard.zeroCodeObjective(noise()));
  }

  @Test
  void istaEndingBeforeTheRunningLimitWithAnExplodedObjectiveIsRefused() {
    // L = 0.3 × exact: ISTA grows more slowly (about 0.3, 0.3, 0.7, 2, 8, 32, 150, 700 × ½‖s‖²).
    assertThatThrownBy(() -> ista(settings(0.3 * exact(), null, null, 8)).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 7: ista diverged: the code it ends with has objective ");
  }

  @Test
  void standardBacktrackingFromAFarTooSmallStartOvershootsOnceAndRecoversUnstopped() {
    // From lipschitz 1e-6 the first line search reaches only 1e-6 × 1.2⁵⁰ ≈ 0.009: the first step overshoots to
    // about 3e5 × ½‖s‖², under the running limit of 1e6, and the next ones bring it back below ½‖s‖².
    double zero = DivergenceGuard.zeroCodeObjective(noise());
    CodingResult r = fista(settings(1e-6, "standard", null, 30)).solve(randomDictionary(), noise());
    assertThat(r.stats().get(0).objective()).isGreaterThan(1e5 * zero).isLessThan(1e6 * zero);
    assertThat(r.stats().get(29).objective()).isLessThan(zero);
  }

  @Test
  void standardBacktrackingThatEndsBeforeRecoveringIsRefusedNamingItsStart() {
    assertThatThrownBy(() -> fista(settings(1e-6, "standard", null, 3)).solve(randomDictionary(), noise()))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 2: fista diverged: the code it ends with has objective ")
        .hasMessageContaining("backtracking (standard) started from lipschitz 1e-06, below the dictionary's"
            + " Lipschitz constant " + DivergenceGuard.show(exact()))
        .hasMessageEndingWith("set lipschitz, where backtracking starts, to at least "
            + DivergenceGuard.showAtLeast(exact()));
  }

  @Test
  void aWarmStartFarWorseThanTheZeroCodeIsNotMistakenForDivergence() {
    // 1e4 × the planted code: an objective about 1e8 × ½‖s‖², past both limits if they were measured from the
    // zero code; they are measured from the initial code's objective, which the solve then decreases.
    double[] dense = plantedDense();
    for (int i = 0; i < dense.length; i++) {
      dense[i] *= 1e4;
    }
    Image s = planted();
    SparseCode start = SparseCode.fromDense(K, N, N, dense);
    CodingResult r = fista(settings(null, null, null, 5)).solve(randomDictionary(), s, start, row -> { });
    assertThat(r.stats().get(0).objective()).isGreaterThan(1e6 * DivergenceGuard.zeroCodeObjective(s));
    assertThat(r.stats().get(4).objective()).isLessThan(objective(start, s, 0.05));
  }

  @Test
  void checkingTheResultChangesNeitherTheCodeNorTheStatistics() {
    Fista solver = fista(settings(null, "standard", null, 20));
    CodingResult solved = solver.solve(randomDictionary(), planted());
    List<IterationStats> rows = new ArrayList<>();
    SparseCode code;
    try (Fista.Workspace w = solver.workspace(randomDictionary(), planted(), null)) {
      for (int i = 0; i < 20; i++) {
        rows.add(w.iterate());
      }
      code = w.code();
    }
    assertThat(solved.code()).isEqualTo(code);
    for (int i = 0; i < 20; i++) {
      assertThat(solved.stats().get(i).objective()).isEqualTo(rows.get(i).objective());
      assertThat(solved.stats().get(i).primalResidual()).isEqualTo(rows.get(i).primalResidual());
      assertThat(solved.stats().get(i).penalty()).isEqualTo(rows.get(i).penalty());
    }
  }

  @Test
  void float32AndFloat64AgreeOnThePlantedProblem() {
    FistaSettings s = settings(null, null, null, 50);
    double f64 = fista(s).solve(randomDictionary(), planted()).stats().get(49).objective();
    double f32 = new Fista(s, Precision.FLOAT32, 2, true).solve(randomDictionary(), planted()).stats().get(49)
        .objective();
    assertThat(f32).isCloseTo(f64, org.assertj.core.api.Assertions.within(1e-4 * f64));
  }

  @Test
  void theResultDoesNotDependOnTheThreadCountBeyondRounding() {
    FistaSettings s = settings(null, null, null, 30);
    double one = new Fista(s, Precision.FLOAT64, 1, true).solve(randomDictionary(), planted()).stats().get(29)
        .objective();
    double three = new Fista(s, Precision.FLOAT64, 3, true).solve(randomDictionary(), planted()).stats().get(29)
        .objective();
    assertThat(three).isCloseTo(one, org.assertj.core.api.Assertions.within(1e-12 * one));
  }

  @Test
  void relStopTolStopsWhenTheSquaredResidualIsBelowIt() {
    CodingResult r = fista(new FistaSettings(0.05, 1000, 1e-6, null, null, null, null))
        .solve(randomDictionary(), planted());
    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isLessThan(1000);
    assertThat(r.stats().get(r.iterations() - 1).primalResidual()).isLessThan(1e-6);
    assertThat(r.stats().get(r.iterations() - 2).primalResidual()).isGreaterThanOrEqualTo(1e-6);
  }

  @Test
  void lambdaMustBePositive() {
    assertThatThrownBy(() -> new FistaSettings(0.0, null, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("lambda");
  }

  @Test
  void maxIterationsMustBeAtLeastOne() {
    assertThatThrownBy(() -> new FistaSettings(null, 0, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("maxIterations");
  }

  @Test
  void lipschitzMustBePositive() {
    assertThatThrownBy(() -> new FistaSettings(null, null, null, -1.0, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("lipschitz");
  }

  @Test
  void anUnknownBacktrackingValueIsRejected() {
    assertThatThrownBy(() -> new FistaSettings(null, null, null, null, "armijo", null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("backtracking").hasMessageContaining("armijo");
  }

  @Test
  void relStopTolMustBeNonNegative() {
    assertThatThrownBy(() -> new FistaSettings(null, null, -1e-3, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("relStopTol");
  }

  @Test
  void anEmptyYamlBlockGivesTheDefaults() {
    FistaSettings s = SettingsBinder.bind(FistaSettings.class, Map.of());
    assertThat(s).isEqualTo(FistaSettings.defaults());
    assertThat(s.lambda()).isEqualTo(1e-2);
    assertThat(s.maxIterations()).isEqualTo(100);
    assertThat(s.relStopTol()).isEqualTo(1e-3);
    assertThat(s.lipschitz()).isNull();
    assertThat(s.backtracking()).isEqualTo("none");
    assertThat(s.nonNegative()).isFalse();
  }

  @Test
  void aYamlBlockBindsEveryKey() {
    FistaSettings s = SettingsBinder.bind(FistaSettings.class, Map.of("lambda", 1e-3, "maxIterations", 50,
        "relStopTol", 0, "lipschitz", 2410, "backtracking", "robust", "nonNegative", true, "l1Weight", 2));
    assertThat(s).isEqualTo(new FistaSettings(1e-3, 50, 0.0, 2410.0, "robust", true, 2.0));
    assertThat(s.backtrackingMode()).isEqualTo(Backtracking.ROBUST);
  }

  @Test
  void bothPluginsAreRegisteredAndBuildTheirVariant() {
    PluginRegistry registry = PluginRegistry.load();
    PluginContext context = PluginContext.defaults(Precision.FLOAT64);
    SparseSolver f = registry.find(SparseSolver.class, "fista").create(FistaSettings.defaults(), context);
    SparseSolver i = registry.find(SparseSolver.class, "ista").create(FistaSettings.defaults(), context);
    assertThat(((Fista) f).momentum()).isTrue();
    assertThat(((Fista) i).momentum()).isFalse();
  }
}
