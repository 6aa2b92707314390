package org.sparsecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;

/**
 * The contract every {@link SparseSolver} keeps, as JUnit 5 tests a solver's test class inherits by implementing
 * this interface and saying how to create the solver for a number of worker threads:
 *
 * <pre>{@code
 * class MySolverContractTest implements SolverContract {
 *   public SparseSolver solver(int threads) {
 *     return new MyPlugin().create(new MyPlugin.Settings(0.05), SolverContract.context(threads));
 *   }
 * }
 * }</pre>
 *
 * <p>The checks follow what the solver declares. Every solver:
 * <ul>
 *   <li>returns a code of the dictionary's kernel count and the image's height and width (a non-square image),
 *       finite, with one statistics row per iteration numbered from 0;
 *   <li>reconstructs as the kit does: the kit's own {@code Σ_k d_k * x_k} ({@link Objective}) equals {@link
 *       SparseCode#reconstruct}, and the data term (and objective) of the last statistics row, when reported,
 *       is that of the returned code within {@link #reportTolerance()} of the zero code's;
 *   <li>gives a bit-identical code and statistics (timings aside) on every thread count of {@link
 *       #threadCounts()}, and to concurrent solves on one instance;
 *   <li>does not modify the image, the dictionary or an initial code;
 *   <li>returns a code whose objective is not above that of the zero code;
 *   <li>stops with a {@link SolverException} on a NaN or infinite pixel or kernel value, and with an {@link
 *       IllegalArgumentException} on an image smaller than the kernels or not grey.
 * </ul>
 * A solver of the ℓ1 objective {@code ½‖Σ d_k * x_k − s‖² + λ‖x‖₁} ({@link SparseSolver#lambda()} not NaN),
 * which must be configured to converge on these small problems:
 * <ul>
 *   <li>recovers planted atoms: on {@link ContractProblems#planted(double)} (five orthogonal atoms, no noise) it
 *       finds every atom with the right sign and within {@value #PLANTED_AMPLITUDE_TOLERANCE} (relative) of the
 *       minimiser's value {@code a − λ·sign(a)} (recall 1), and at least {@value #PLANTED_PRECISION} of its
 *       coefficients of magnitude λ or more are planted ones (precision);
 *   <li>reaches the minimum: on {@link ContractProblems#busy(double)} the objective of its code is within
 *       {@link #objectiveTolerance()} (relative) of the reference minimum (the core {@code cbpdn-admm} in
 *       float64 with a fixed ρ, run to convergence), and no objective its statistics report lies further than
 *       that below the minimum (a value below the minimum is miscomputed);
 *   <li>optionally, follows a reference solver's objective trace row by row ({@link #traceReference()}).
 * </ul>
 * A {@link WarmStartableSolver}: a warm start from {@code null} is a cold start; one from its own code does not
 * raise the objective (and, for an ℓ1 solver, changes the code by at most {@value #WARM_CODE_CHANGE} in ℓ2,
 * relative); an initial code of the wrong shape is an {@link IllegalArgumentException}.
 *
 * <p>The checks that do not apply are reported as skipped (JUnit assumptions) with the reason. A check that does
 * not suit a solver on purpose is switched off by overriding its method with {@code @Test @Disabled("why")} (both
 * annotations: an override without {@code @Test} is no test at all, and would vanish from the report).
 * The problems are small (6 kernels of 8×8 on 32×40 images), so a whole contract runs in seconds.
 */
public interface SolverContract {

  /** Relative tolerance on a recovered planted amplitude. */
  double PLANTED_AMPLITUDE_TOLERANCE = 0.1;
  /** The fraction of the significant coefficients that must be planted ones. */
  double PLANTED_PRECISION = 0.8;
  /** The largest relative ℓ2 change of an ℓ1 solver's code under a warm start from itself. */
  double WARM_CODE_CHANGE = 0.01;

  /**
   * Creates the solver under test.
   *
   * @param threads the worker threads it may use, at least 1 (the plugin's {@link PluginContext#threads()})
   * @return a solver configured as it is to be checked
   */
  SparseSolver solver(int threads);

  /**
   * The thread counts whose codes must be identical.
   *
   * @return default 1, 2, 3 and 7 (more workers than the contract's 6 kernels)
   */
  default int[] threadCounts() {
    return new int[] {1, 2, 3, 7};
  }

  /**
   * How close to the reference minimum an ℓ1 solver's objective must come, relative.
   *
   * @return default 1e-3 (the bound float32 solvers are held to against float64)
   */
  default double objectiveTolerance() {
    return 1e-3;
  }

  /**
   * How close a reported data term or objective must be to the kit's value for the returned code, relative to
   * the zero code's objective (a solver may report another iterate than the one it returns, as {@code
   * cbpdn-admm} reports X and returns Y).
   *
   * @return default 1e-3
   */
  default double reportTolerance() {
    return 1e-3;
  }

  /**
   * How much a warm start from a solver's own code may raise its objective, relative (rounding).
   *
   * @return default 1e-6
   */
  default double warmStartTolerance() {
    return 1e-6;
  }

  /**
   * A reference implementation of the same algorithm with the same settings (a float64 core solver for a
   * float32 or accelerated port, say), whose objective trace the solver must follow row by row.
   *
   * @return the reference, or {@code null} (the default) to skip that check
   */
  default SparseSolver traceReference() {
    return null;
  }

  /**
   * How close each row's objective must be to the trace reference's, relative.
   *
   * @return default 1e-3
   */
  default double traceTolerance() {
    return 1e-3;
  }

  /**
   * A plugin context for tests: seed 0, float64, the given threads, the working directory.
   *
   * @param threads worker threads
   * @return the context
   */
  static PluginContext context(int threads) {
    return context(threads, Precision.FLOAT64);
  }

  /**
   * A plugin context for tests: seed 0, the given precision and threads, the working directory.
   *
   * @param threads worker threads
   * @param precision the arithmetic
   * @return the context
   */
  static PluginContext context(int threads, Precision precision) {
    return new PluginContext(0L, precision, threads, Path.of(""));
  }

  /** The code has K maps of the image's H × W, all finite. */
  @Test
  default void theCodeHasTheKernelCountAndTheImageSize() {
    SparseSolver solver = solver(1);
    SparseCode code = solver.solve(ContractProblems.dictionary(), busy(solver)).code();
    assertThat(new int[] {code.count(), code.height(), code.width()}).as("code shape K, H, W")
        .containsExactly(ContractProblems.KERNELS, ContractProblems.HEIGHT, ContractProblems.WIDTH);
    assertThat(Arrays.stream(code.values()).allMatch(Double::isFinite)).as("every coefficient is finite").isTrue();
  }

  /** One statistics row per iteration run, numbered 0, 1, 2, .... */
  @Test
  default void theStatisticsHaveOneRowPerIterationNumberedFromZero() {
    SparseSolver solver = solver(1);
    CodingResult r = solver.solve(ContractProblems.dictionary(), busy(solver));
    assertThat(r.stats()).as("statistics rows").hasSize(r.iterations());
    for (int i = 0; i < r.stats().size(); i++) {
      assertThat(r.stats().get(i).iteration()).as("iteration of row %d", i).isEqualTo(i);
    }
  }

  /**
   * The kit's own reconstruction equals {@link SparseCode#reconstruct}, and the last row's data term and
   * objective, when reported, are those of the returned code.
   */
  @Test
  default void theReconstructionAndTheReportedDataTermAgreeWithTheKits() {
    SparseSolver solver = solver(1);
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    CodingResult r = solver.solve(d, s);
    double[] kit = Objective.reconstruct(d, r.code());
    double[] api = r.code().reconstruct(d);
    double scale = Arrays.stream(s.pixels()).map(Math::abs).max().orElse(1);
    for (int i = 0; i < kit.length; i++) {
      assertThat(api[i]).as("SparseCode.reconstruct at pixel %d", i).isCloseTo(kit[i],
          within(1e-12 * scale));
    }
    assumeThat(r.stats()).as("statistics rows").isNotEmpty();
    IterationStats last = r.stats().get(r.stats().size() - 1);
    double zero = Objective.ofZero(s);
    double slack = reportTolerance() * zero;
    if (Double.isFinite(last.dataFidelity())) {
      assertThat(last.dataFidelity()).as("the last row's data term (the kit's for the returned code: %s)",
          Objective.dataFidelity(d, s, r.code())).isCloseTo(Objective.dataFidelity(d, s, r.code()),
          within(slack));
    }
    if (Double.isFinite(last.objective())) {
      double kitObjective = Objective.value(d, s, r.code(), lambdaOrZero(solver));
      assertThat(last.objective()).as("the last row's objective (the kit's for the returned code: %s)",
          kitObjective).isCloseTo(kitObjective, within(slack));
    }
  }

  /** Bit-identical codes and statistics (timings aside) on every thread count. */
  @Test
  default void theCodeIsBitIdenticalOnEveryThreadCount() {
    Dictionary d = ContractProblems.dictionary();
    int[] counts = threadCounts();
    SparseSolver first = solver(counts[0]);
    Image s = busy(first);
    CodingResult reference = first.solve(d, s);
    for (int t : counts) {
      CodingResult r = solver(t).solve(d, s);
      assertThat(r.code()).as("the code on %d threads (against %d)", t, counts[0]).isEqualTo(reference.code());
      assertThat(numbers(r.stats())).as("the statistics on %d threads (against %d)", t, counts[0])
          .containsExactly(numbers(reference.stats()));
    }
  }

  /** One instance serves concurrent solves (the SPI's thread-safety law): each gets the sequential result. */
  @Test
  default void oneInstanceGivesConcurrentSolvesTheirSequentialResults() throws InterruptedException {
    SparseSolver solver = solver(2);
    Dictionary d = ContractProblems.dictionary();
    double scale = ContractProblems.scale(solver.lambda());
    List<Image> images = List.of(ContractProblems.busy(scale), ContractProblems.planted(scale),
        ContractProblems.busy(scale), ContractProblems.planted(scale));
    List<SparseCode> sequential = new ArrayList<>();
    for (Image s : images) {
      sequential.add(solver.solve(d, s).code());
    }
    ExecutorService pool = Executors.newFixedThreadPool(images.size());
    try {
      List<Future<SparseCode>> futures = new ArrayList<>();
      for (Image s : images) {
        futures.add(pool.submit(() -> solver.solve(d, s).code()));
      }
      for (int i = 0; i < images.size(); i++) {
        assertThat(futures.get(i).get()).as("concurrent solve %d (%s)", i, images.get(i).id())
            .isEqualTo(sequential.get(i));
      }
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent solve failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The image's pixels and the dictionary's kernels are as they were. */
  @Test
  default void theInputsAreNotModified() {
    SparseSolver solver = solver(2);
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    double[] pixels = s.pixels().clone();
    double[] kernels = d.kernels().clone();
    solver.solve(d, s);
    assertThat(s.pixels()).as("the image's pixels after the solve").containsExactly(pixels);
    assertThat(d.kernels()).as("the dictionary's kernels after the solve").containsExactly(kernels);
  }

  /** The objective (λ‖x‖₁ left out for solvers without λ) is not above the zero code's ½‖s‖². */
  @Test
  default void theObjectiveIsNotAboveThatOfTheZeroCode() {
    SparseSolver solver = solver(1);
    Dictionary d = ContractProblems.dictionary();
    double scale = ContractProblems.scale(solver.lambda());
    for (Image s : List.of(ContractProblems.busy(scale), ContractProblems.planted(scale))) {
      SparseCode code = solver.solve(d, s).code();
      assertThat(Objective.value(d, s, code, lambdaOrZero(solver))).as("the objective on image %s", s.id())
          .isLessThanOrEqualTo(Objective.ofZero(s));
    }
  }

  /** A NaN or infinite pixel stops the solve with a {@link SolverException}. */
  @Test
  default void aNonFinitePixelStopsTheSolveWithASolverException() {
    SparseSolver solver = solver(2);
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] p = s.pixels().clone();
      p[ContractProblems.WIDTH * 5 + 11] = bad;
      Image broken = Image.grey("non-finite", s.width(), s.height(), p);
      assertThatThrownBy(() -> solver.solve(d, broken)).as("a pixel %s", bad).isInstanceOf(SolverException.class);
    }
  }

  /** A NaN or infinite kernel value stops the solve with a {@link SolverException}. */
  @Test
  default void aNonFiniteKernelValueStopsTheSolveWithASolverException() {
    SparseSolver solver = solver(2);
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      double[] k = d.kernels().clone();
      k[2 * d.size() * d.size() + 9] = bad;
      Dictionary broken = Dictionary.of(d.size(), d.count(), k);
      assertThatThrownBy(() -> solver.solve(broken, s)).as("a kernel value %s", bad)
          .isInstanceOf(SolverException.class);
    }
  }

  /** An image smaller than the kernels is an {@link IllegalArgumentException} (the SPI's law). */
  @Test
  default void anImageSmallerThanTheKernelsIsRejected() {
    SparseSolver solver = solver(1);
    int side = ContractProblems.KERNEL_SIZE - 1;
    Image small = Image.grey("small", side, side, Arrays.copyOf(busy(solver).pixels(), side * side));
    assertThatThrownBy(() -> solver.solve(ContractProblems.dictionary(), small))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A colour image is an {@link IllegalArgumentException} (the SPI's law). */
  @Test
  default void aColourImageIsRejected() {
    SparseSolver solver = solver(1);
    Image grey = busy(solver);
    double[] rgb = new double[3 * grey.area()];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(grey.pixels(), 0, rgb, c * grey.area(), grey.area());
    }
    Image colour = new Image("colour", grey.width(), grey.height(), 3, rgb);
    assertThatThrownBy(() -> solver.solve(ContractProblems.dictionary(), colour))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * An ℓ1 solver finds the planted atoms: every one with its sign and within {@value
   * #PLANTED_AMPLITUDE_TOLERANCE} of {@code a − λ·sign(a)}, and at least {@value #PLANTED_PRECISION} of the
   * coefficients of magnitude λ or more are planted.
   */
  @Test
  default void anL1SolverRecoversPlantedAtoms() {
    SparseSolver solver = solver(1);
    double lambda = solver.lambda();
    assumeThat(Double.isNaN(lambda)).as("the solver has no λ (a greedy solver): no ℓ1 checks").isFalse();
    Dictionary d = ContractProblems.dictionary();
    List<ContractProblems.Atom> atoms = ContractProblems.plantedAtoms(lambda);
    SparseCode code = solver.solve(d, ContractProblems.planted(lambda)).code();
    double[] x = code.toDense();
    List<String> missed = new ArrayList<>();
    for (ContractProblems.Atom a : atoms) {
      double expected = a.amplitude() - lambda * Math.signum(a.amplitude());
      double got = x[a.index()];
      if (!(Math.abs(got - expected) <= PLANTED_AMPLITUDE_TOLERANCE * Math.abs(expected))) {
        missed.add(String.format(Locale.ROOT, "%s: %.6g (expected %.6g)", a, got, expected));
      }
    }
    assertThat(missed).as("planted atoms not recovered (recall must be 1)").isEmpty();
    int significant = 0;
    int planted = 0;
    for (int i = 0; i < x.length; i++) {
      if (Math.abs(x[i]) >= lambda) {
        significant++;
        int index = i;
        if (atoms.stream().anyMatch(a -> a.index() == index)) {
          planted++;
        }
      }
    }
    assertThat((double) planted / significant).as("precision: %d of the %d coefficients of magnitude >= λ are"
        + " planted", planted, significant).isGreaterThanOrEqualTo(PLANTED_PRECISION);
  }

  /**
   * An ℓ1 solver's code is within {@link #objectiveTolerance()} of the reference minimum, and no reported
   * objective lies below the minimum by more than that.
   */
  @Test
  default void anL1SolverReachesTheReferenceMinimum() {
    SparseSolver solver = solver(1);
    double lambda = solver.lambda();
    assumeThat(Double.isNaN(lambda)).as("the solver has no λ (a greedy solver): no ℓ1 checks").isFalse();
    Dictionary d = ContractProblems.dictionary();
    Image s = ContractProblems.busy(lambda);
    double minimum = ReferenceMinimum.of("busy", d, s, lambda).objective();
    CodingResult r = solver.solve(d, s);
    double objective = Objective.value(d, s, r.code(), lambda);
    assertThat(objective).as("the objective of the code (reference minimum %s, after %d iterations)", minimum,
        r.iterations()).isLessThanOrEqualTo(minimum * (1 + objectiveTolerance()));
    for (IterationStats row : r.stats()) {
      if (Double.isFinite(row.objective())) {
        assertThat(row.objective()).as("the objective reported at iteration %d (the minimum is %s)",
            row.iteration(), minimum).isGreaterThanOrEqualTo(minimum * (1 - objectiveTolerance()));
      }
    }
  }

  /** The objective trace follows {@link #traceReference()}'s row by row, when there is one. */
  @Test
  default void theObjectiveTraceFollowsTheTraceReference() {
    SparseSolver reference = traceReference();
    assumeThat(reference).as("no traceReference() given").isNotNull();
    SparseSolver solver = solver(1);
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    List<IterationStats> mine = solver.solve(d, s).stats();
    List<IterationStats> theirs = reference.solve(d, s).stats();
    assertThat(mine).as("statistics rows").isNotEmpty();
    assertThat(theirs).as("the reference's statistics rows").isNotEmpty();
    for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
      double expected = theirs.get(i).objective();
      assertThat(mine.get(i).objective()).as("the objective at iteration %d", i)
          .isCloseTo(expected, within(traceTolerance() * Math.abs(expected)));
    }
  }

  /** A warm start from {@code null} is a cold start. */
  @Test
  default void aWarmStartFromNullIsAColdStart() {
    WarmStartableSolver solver = warmStartable(solver(1));
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    assertThat(solver.solve(d, s, null, r -> { }).code()).isEqualTo(solver.solve(d, s).code());
  }

  /**
   * A warm start from the solver's own code does not raise the objective (an ℓ1 solver's code changes by at
   * most {@value #WARM_CODE_CHANGE} in ℓ2, relative), and leaves the initial code as it was.
   */
  @Test
  default void aWarmStartFromItsOwnCodeStaysThere() {
    WarmStartableSolver solver = warmStartable(solver(1));
    Dictionary d = ContractProblems.dictionary();
    Image s = busy(solver);
    SparseCode cold = solver.solve(d, s).code();
    int[] indices = cold.indices().clone();
    double[] values = cold.values().clone();
    SparseCode warm = solver.solve(d, s, cold, r -> { }).code();
    assertThat(cold.indices()).as("the initial code's indices after the solve").containsExactly(indices);
    assertThat(cold.values()).as("the initial code's values after the solve").containsExactly(values);
    double lambda = lambdaOrZero(solver);
    double before = Objective.value(d, s, cold, lambda);
    assertThat(Objective.value(d, s, warm, lambda)).as("the objective after the warm start (before: %s)", before)
        .isLessThanOrEqualTo(before * (1 + warmStartTolerance()));
    if (!Double.isNaN(solver.lambda())) {
      double[] a = cold.toDense();
      double[] b = warm.toDense();
      double change = 0;
      double norm = 0;
      for (int i = 0; i < a.length; i++) {
        change += (a[i] - b[i]) * (a[i] - b[i]);
        norm += a[i] * a[i];
      }
      assertThat(Math.sqrt(change / norm)).as("the relative change of the code").isLessThanOrEqualTo(
          WARM_CODE_CHANGE);
    }
  }

  /** An initial code of the wrong shape is an {@link IllegalArgumentException} (the SPI's law). */
  @Test
  default void anInitialCodeOfTheWrongShapeIsRejected() {
    WarmStartableSolver solver = warmStartable(solver(1));
    SparseCode wrong = SparseCode.fromDense(ContractProblems.KERNELS, ContractProblems.HEIGHT,
        ContractProblems.WIDTH - 1, new double[ContractProblems.KERNELS * ContractProblems.HEIGHT
            * (ContractProblems.WIDTH - 1)]);
    assertThatThrownBy(() -> solver.solve(ContractProblems.dictionary(), busy(solver), wrong, r -> { }))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Image busy(SparseSolver solver) {
    return ContractProblems.busy(ContractProblems.scale(solver.lambda()));
  }

  private static double lambdaOrZero(SparseSolver solver) {
    return Double.isNaN(solver.lambda()) ? 0 : solver.lambda();
  }

  private static WarmStartableSolver warmStartable(SparseSolver solver) {
    assumeThat(solver).as("not a WarmStartableSolver: no warm-start checks").isInstanceOf(WarmStartableSolver.class);
    return (WarmStartableSolver) solver;
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
}
