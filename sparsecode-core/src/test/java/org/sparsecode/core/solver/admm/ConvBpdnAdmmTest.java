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
    CbpdnAdmmSettings s = new CbpdnAdmmSettings(0.5, 100, 0.0, null, null, null, List.of(1.0, 1.0, 1.0, 0.0),
        null, null);
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
