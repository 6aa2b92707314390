package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sparsecode.core.solver.SolverTestProblems.noise;
import static org.sparsecode.core.solver.SolverTestProblems.randomDictionary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.DivergenceGuard;

class ConvBpdnAdmmTest {
  private static final int N = 32;
  private static final int K = 4;
  private static final int SIZE = 6;

  private static ConvBpdnAdmm solver(CbpdnAdmmSettings s) {
    return new ConvBpdnAdmm(s, Precision.FLOAT64, 2);
  }

  @Test
  void plantedAtomsAreRecoveredWithTheirSupport() {
    Dictionary d = randomDictionary();
    // Six well-separated atoms with coefficients of magnitude 1.5–3.
    int[][] planted = {{0, 2, 3}, {1, 20, 5}, {2, 9, 17}, {3, 25, 26}, {0, 14, 10}, {2, 3, 24}};
    double[] coef = {2.0, -1.5, 3.0, 2.5, -2.0, 1.5};
    double[] dense = new double[K * N * N];
    TreeSet<Integer> support = new TreeSet<>();
    for (int i = 0; i < planted.length; i++) {
      int at = (planted[i][0] * N + planted[i][1]) * N + planted[i][2];
      dense[at] = coef[i];
      support.add(at);
    }
    SparseCode truth = SparseCode.fromDense(K, N, N, dense);
    Image s = Image.grey("planted", N, N, truth.reconstruct(d));
    // Fixed ρ (= 50λ + 1): on this noiseless problem it converges to machine precision in ~150 iterations,
    // while residual balancing with period 1 keeps re-scaling ρ and oscillates (as SPORCO does).
    CbpdnAdmmSettings settings = new CbpdnAdmmSettings(0.05, 300, 0.0, null, null, null, null, null,
        AutoRhoSettings.disabled());
    SparseCode code = solver(settings).solve(d, s).code();
    // The planted support is the set of the six largest coefficients, well above everything else.
    double[] x = code.toDense();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(Math.abs(x[b]), Math.abs(x[a])));
    assertThat(new TreeSet<>(order.subList(0, planted.length))).isEqualTo(support);
    for (int i = 0; i < planted.length; i++) {
      int at = (planted[i][0] * N + planted[i][1]) * N + planted[i][2];
      // ℓ1 shrinks each coefficient by about λ / ‖d_k‖² = 0.05; its sign and size are kept.
      assertThat(x[at]).isCloseTo(coef[i], org.assertj.core.api.Assertions.within(0.2));
    }
    assertThat(Math.abs(x[order.get(planted.length)])).isLessThan(0.1);
  }

  @Test
  void aNanInTheDictionaryStopsTheSolveNamingTheIteration() {
    Dictionary good = randomDictionary();
    double[] k = good.kernels().clone();
    k[7] = Double.NaN;
    Dictionary bad = Dictionary.of(SIZE, K, k);
    assertThatThrownBy(() -> solver(CbpdnAdmmSettings.defaults()).solve(bad, noise(N, N)))
        .isInstanceOf(SolverException.class).hasMessageStartingWith("iteration 0:")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
  }

  @Test
  void anInfiniteImageValueStopsTheSolveNamingTheIteration() {
    double[] p = noise(N, N).pixels().clone();
    p[100] = Double.POSITIVE_INFINITY;
    Image bad = Image.grey("inf", N, N, p);
    assertThatThrownBy(() -> new ConvBpdnAdmm(CbpdnAdmmSettings.defaults(), Precision.FLOAT32, 1)
        .solve(randomDictionary(), bad))
        .isInstanceOf(SolverException.class).hasMessageContaining("iteration 0").hasMessageContaining("NaN");
  }

  @Test
  void aRhoWhoseSquareOverflowsStopsAtIterationZeroNamingRho() {
    // ρ = 1e300: ρ² in the data term overflows at the first iteration, a NaN objective from finite inputs.
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.01, 5, null, null, null, 1e300, null, null, null);
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 0: cbpdn-admm: the objective is NaN (")
        .hasMessageContaining("rho 1e+300 is far from the data's scale")
        .hasMessageContaining("set rho nearer SPORCO's default 50 lambda + 1 = 1.5 (or leave it out)")
        .satisfies(e -> assertThat(((SolverException) e).iteration()).isZero());
  }

  @Test
  void withAutoRhoOffTheMessageSuggestsEnablingIt() {
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.01, 5, null, null, null, 1e300, null, null,
        AutoRhoSettings.disabled());
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(SolverException.class)
        .hasMessageEndingWith(", or enable autoRho (autoRho.enabled: true) so that rho adapts to the data");
  }

  @Test
  void aTinyFixedRhoDoesNotDivergeAndIsNotStopped() {
    // ADMM converges for every ρ > 0: with ρ = 1e-30 and no adaptation the threshold λ/ρ keeps Y at zero and
    // X's objective stays below the zero code's. Nothing to stop, nothing to refuse.
    Image s = noise(N, N);
    CbpdnAdmmSettings settings = new CbpdnAdmmSettings(0.05, 30, 0.0, null, null, 1e-30, null, null,
        AutoRhoSettings.disabled());
    CodingResult r = solver(settings).solve(randomDictionary(), s);
    double zero = DivergenceGuard.zeroCodeObjective(s);
    for (IterationStats row : r.stats()) {
      assertThat(row.objective()).as("iteration %d", row.iteration()).isLessThanOrEqualTo(zero);
    }
  }

  @Test
  void aWarmStartFarWorseThanTheZeroCodeIsNotMistakenForDivergence() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    SparseCode good = solver(CbpdnAdmmSettings.withLambda(0.05)).solve(d, s).code();
    double[] dense = good.toDense();
    for (int i = 0; i < dense.length; i++) {
      dense[i] *= 1e4;
    }
    SparseCode start = SparseCode.fromDense(K, N, N, dense);
    double startObjective = objective(d, s, start, 0.05);
    assertThat(startObjective).isGreaterThan(1e6 * DivergenceGuard.zeroCodeObjective(s));
    CodingResult r = solver(new CbpdnAdmmSettings(0.05, 10, 0.0, null, null, null, null, null, null))
        .solve(d, s, start, row -> { });
    assertThat(objective(d, s, r.code(), 0.05)).isLessThan(startObjective);
  }

  @Test
  void checkingTheResultChangesNeitherTheCodeNorTheStatistics() {
    ConvBpdnAdmm admm = solver(new CbpdnAdmmSettings(0.05, 15, 0.0, null, null, null, null, null, null));
    CodingResult solved = admm.solve(randomDictionary(), noise(N, N));
    List<IterationStats> rows = new ArrayList<>();
    SparseCode code;
    try (ConvBpdnAdmm.Workspace w = admm.workspace(randomDictionary(), noise(N, N))) {
      for (int i = 0; i < 15; i++) {
        rows.add(w.iterate());
      }
      code = w.code();
    }
    assertThat(solved.code()).isEqualTo(code);
    for (int i = 0; i < 15; i++) {
      assertThat(solved.stats().get(i).objective()).isEqualTo(rows.get(i).objective());
      assertThat(solved.stats().get(i).penalty()).isEqualTo(rows.get(i).penalty());
    }
  }

  private static double objective(Dictionary d, Image s, SparseCode x, double lambda) {
    return org.sparsecode.core.solver.SolverTestProblems.objective(d, s, x, lambda);
  }

  @Test
  void aColourImageIsRejected() {
    Image rgb = new Image("rgb", N, N, 3, new double[3 * N * N]);
    assertThatThrownBy(() -> solver(CbpdnAdmmSettings.defaults()).solve(randomDictionary(), rgb))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grey").hasMessageContaining("3 channels");
  }

  @Test
  void kernelsLargerThanTheImageAreRejected() {
    assertThatThrownBy(() -> solver(CbpdnAdmmSettings.defaults()).solve(randomDictionary(), noise(5, 40)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than image");
  }

  @Test
  void aWeightListOfTheWrongLengthIsAConfigErrorAtSolveTime() {
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(null, null, null, null, null, null, List.of(1.0, 1.0), null,
        null);
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("l1Weight:");
  }

  @Test
  void theListenerSeesEveryRowOfTheResult() {
    List<IterationStats> seen = new ArrayList<>();
    CodingResult r = solver(new CbpdnAdmmSettings(null, 12, 0.0, null, null, null, null, null, null))
        .solve(randomDictionary(), noise(N, N), seen::add);
    assertThat(seen).isEqualTo(r.stats());
    assertThat(r.iterations()).isEqualTo(12);
    assertThat(r.converged()).isFalse();
  }

  @Test
  void aLooseToleranceStopsEarlyAndReportsConvergence() {
    CodingResult r = solver(new CbpdnAdmmSettings(null, 500, 1e-2, null, null, null, null, null, null))
        .solve(randomDictionary(), noise(N, N));
    assertThat(r.converged()).isTrue();
    assertThat(r.iterations()).isLessThan(500).isEqualTo(r.stats().size());
    IterationStats last = r.stats().get(r.stats().size() - 1);
    assertThat(last.primalResidual()).isLessThan(last.epsPrimal());
    assertThat(last.dualResidual()).isLessThan(last.epsDual());
  }

  @Test
  void aZeroWeightedKernelIsNotPenalised() {
    // Fixed ρ: with an unpenalised kernel, AutoRho drives ρ to 0 and the solve diverges (next test).
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.5, 100, 0.0, null, null, null, List.of(1.0, 1.0, 1.0, 0.0),
        null, AutoRhoSettings.disabled());
    double[] x = solver(s).solve(randomDictionary(), noise(N, N)).code().toDense();
    int free = 0;
    int penalised = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        if (i >= 3 * N * N) {
          free++;
        } else {
          penalised++;
        }
      }
    }
    // With λ = 0.5 the weighted maps are sparse while the unweighted one (a least-squares fit) is dense.
    assertThat(free).isGreaterThan(N * N / 2);
    assertThat(penalised).isLessThan(free);
  }

  @Test
  void autoRhoDrivingRhoToZeroWithAnUnpenalisedKernelIsStoppedNamingAutoRho() {
    // Residual balancing lowers ρ at almost every update (26 → 1e-9 in 30 iterations, 1e-23 in 100), X's ℓ1
    // norm grows as about 1/√ρ and the objective explodes: this solve used to return a code with an objective
    // 1e37 times that of the zero code.
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.5, 100, 0.0, null, null, null, List.of(1.0, 1.0, 1.0, 0.0),
        null, null);
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(SolverException.class)
        .hasMessageMatching("iteration 3\\d: cbpdn-admm diverged: objective .*")
        .hasMessageContaining("autoRho moved rho from 26 to ")
        .hasMessageContaining("(a kernel with l1Weight 0 is unpenalised, and residual balancing then keeps lowering"
            + " rho): set autoRho.enabled: false to keep rho fixed, or lower autoRho.scaling (1000)");
  }

  @Test
  void anAutoRhoDivergenceEndingBeforeTheRunningLimitIsRefusedOnX() {
    // 20 iterations: X's objective has reached about 5e3 × ½‖s‖², under the running limit, over the result's.
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.5, 20, 0.0, null, null, null, List.of(1.0, 1.0, 1.0, 0.0),
        null, null);
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 19: cbpdn-admm diverged: its last primal iterate X has objective ")
        .hasMessageContaining("(a result may have at most 100 x): autoRho moved rho from 26 to ");
  }

  @Test
  void anAutoRhoDivergenceSeenFirstInTheReturnedCodeIsRefusedOnY() {
    // 10 iterations: X is still within 100 × ½‖s‖², but Y, the code returned, is at about 2e3 ×.
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.5, 10, 0.0, null, null, null, List.of(1.0, 1.0, 1.0, 0.0),
        null, null);
    assertThatThrownBy(() -> solver(s).solve(randomDictionary(), noise(N, N)))
        .isInstanceOf(SolverException.class)
        .hasMessageStartingWith("iteration 9: cbpdn-admm diverged: the code it ends with has objective ");
  }

  @Test
  void nonNegativeCodesHaveNoNegativeCoefficient() {
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.05, 50, null, null, null, null, null, true, null);
    SparseCode code = solver(s).solve(randomDictionary(), noise(N, N)).code();
    assertThat(code.nonZeros()).isPositive();
    assertThat(java.util.Arrays.stream(code.values()).min().orElseThrow()).isPositive();
  }

  @Test
  void theObjectiveOfTheCodeIsBelowThatOfTheZeroCode() {
    Dictionary d = randomDictionary();
    Image s = noise(N, N);
    SparseCode code = solver(CbpdnAdmmSettings.defaults()).solve(d, s).code();
    double[] rec = code.reconstruct(d);
    double fit = 0;
    double zero = 0;
    for (int i = 0; i < rec.length; i++) {
      fit += (rec[i] - s.pixels()[i]) * (rec[i] - s.pixels()[i]);
      zero += s.pixels()[i] * s.pixels()[i];
    }
    assertThat(0.5 * fit + 1e-2 * code.l1()).isLessThan(0.5 * zero);
  }

  @Test
  void theWorkspaceRunsSingleIterationsPastTheLimit() {
    ConvBpdnAdmm solver = solver(new CbpdnAdmmSettings(null, 2, null, null, null, null, null, null, null));
    try (ConvBpdnAdmm.Workspace w = solver.workspace(randomDictionary(), noise(N, N))) {
      for (int i = 0; i < 5; i++) {
        assertThat(w.iterate().iteration()).isEqualTo(i);
      }
      assertThat(w.iterations()).isEqualTo(5);
      assertThat(w.rho()).isPositive();
    }
  }

  @Test
  void thePluginCreatesTheSolverWithTheContextsPrecision() {
    ConvBpdnAdmmPlugin plugin = new ConvBpdnAdmmPlugin();
    assertThat(plugin.name()).isEqualTo("cbpdn-admm");
    assertThat(plugin.role()).isEqualTo(SparseSolver.class);
    assertThat(plugin.settings()).isEqualTo(CbpdnAdmmSettings.class);
    SparseSolver s = plugin.create(CbpdnAdmmSettings.withLambda(3e-3),
        new PluginContext(1, Precision.FLOAT32, 2, Path.of("")));
    assertThat(s.lambda()).isEqualTo(3e-3);
  }
}
