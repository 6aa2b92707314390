package org.sparsecode.core.solver.fista;

import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.FloatDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;
import org.sparsecode.core.solver.DivergenceGuard;
import org.sparsecode.core.solver.FftSolver;
import org.sparsecode.core.solver.IterativeWorkspace;
import org.sparsecode.core.solver.Lipschitz;
import org.sparsecode.core.solver.SolverInputs;

/**
 * Convolutional basis pursuit denoising by proximal gradient in the DFT domain, as SPORCO's
 * {@code pgm.cbpdn.ConvBPDN} (Garcia-Cardona &amp; Wohlberg, "Convolutional dictionary learning: a comparative
 * review and new algorithms", IEEE TCI 4(3), 2018; FISTA of Beck &amp; Teboulle, SIAM J. Imaging Sci. 2(1),
 * 2009): minimises {@code ½‖Σ_k d_k * x_k − s‖² + λ w Σ_k ‖x_k‖₁}. One iteration, from {@code X = Y = X₀},
 * {@code t = 1}:
 * <ol>
 *   <li>gradient at Y, {@code G = IDFT(conj(D̂) (Σ_k D̂_k Ŷ_k − Ŝ))};
 *   <li>{@code X = soft(Y − G/L, λw/L)} (then {@code max(0, ·)} when non-negative);
 *   <li>FISTA: {@code t' = (1 + √(1 + 4t²))/2}, {@code Y = X + ((t − 1)/t')(X − X_prev)}; ISTA: {@code Y = X};
 *   <li>statistics at X: objective, data term, ℓ1 norm, the residual {@code ‖X − Y_prev‖²} (squared, as
 *       SPORCO's {@code rfl2norm2}) and L; stop when the residual is below {@code relStopTol}.
 * </ol>
 * L is fixed (the {@code lipschitz} setting, else the exact constant {@link Lipschitz#exact}) or found by
 * SPORCO's standard or robust backtracking (see {@link Backtracking}). The code returned is X. Arithmetic
 * follows the run's precision (float32 storage and FFTs with float64 sums, or float64 throughout). Memory
 * without backtracking: about {@code 2K·H·W + 2K·H·(W/2 + 1)} values (X, Y and the kernel spectra), 113 MB
 * at the paper's size (K = 144, 256 × 256) in float32, 226 MB in float64; backtracking adds one map set
 * (standard) or three (robust).
 *
 * <p>Statistics rows ({@link IterationStats}): {@code primalResidual} = SPORCO's {@code Rsdl}
 * ({@code ‖X − Y_prev‖²}), {@code epsPrimal} = {@code relStopTol}, {@code penalty} = L used by the step;
 * {@code dualResidual} and {@code epsDual} are NaN. SPORCO's backtracking columns ({@code F_Btrack},
 * {@code Q_Btrack}, {@code IterBTrack}) are not reported.
 *
 * <p>Divergence: with a fixed L below the dictionary's Lipschitz constant the iterates grow geometrically; the
 * solve stops when the objective leaves the bounds of {@link DivergenceGuard}, and a solve that ends with an
 * exploded objective is refused, with an error naming the iteration, the value, {@code lipschitz} and the
 * exact constant.
 *
 * <p>Thread-safe: every solve has its own {@link Workspace} and worker threads.
 */
public final class Fista extends FftSolver<FistaSettings> {
  private final boolean momentum;

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param precision float32 or float64 arithmetic
   * @param threads worker threads per solve, at least 1
   * @param momentum true for FISTA (Nesterov momentum), false for ISTA
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public Fista(FistaSettings settings, Precision precision, int threads, boolean momentum) {
    super(settings, precision, threads);
    this.momentum = momentum;
  }

  /**
   * Whether this is FISTA (true) or ISTA (false).
   *
   * @return true with Nesterov momentum
   */
  public boolean momentum() {
    return momentum;
  }

  @Override
  public double lambda() {
    return settings.lambda();
  }

  private String name() {
    return momentum ? "fista" : "ista";
  }

  @Override
  public CodingResult solve(Dictionary dictionary, Image image, SparseCode initial, SolveListener listener) {
    Objects.requireNonNull(listener, "listener");
    return workspace(dictionary, image, initial).run(settings.maxIterations(), settings.maxIterations(), listener);
  }

  /**
   * Prepares a solve without running it: checks the inputs and the heap, transforms the kernels and the
   * image, finds L, allocates the buffers, starts the worker threads. {@link #solve} is a loop over
   * {@link Workspace#iterate()}; benchmarks time single iterations this way.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @param initial the starting code, or null for zero
   * @return the workspace, to be closed
   * @throws IllegalArgumentException if the image is not grey, is smaller than the kernels, or the initial
   *     code's shape is not {@code K × H × W}
   * @throws SolverException if the buffers cannot fit in the maximum heap
   */
  public Workspace workspace(Dictionary dictionary, Image image, SparseCode initial) {
    SolverInputs.check(name(), dictionary, image, initial);
    return new Workspace(dictionary, image, initial);
  }

  /**
   * The state of one solve, advanced one iteration at a time. Not thread-safe; close it to stop its worker
   * threads.
   */
  public final class Workspace extends IterativeWorkspace {
    private final FistaState state;
    private final ParallelLoop loop;
    private final KernelSums sums;
    private final Backtracking backtracking;
    private final double lambda;
    private final double weight;
    private final long start;
    private final DoubleSupplier exactLipschitz;
    private DivergenceGuard guard;
    private double lastObjective = Double.NaN;
    private double lipschitz;
    private double t = 1.0;
    private double robustT;

    private Workspace(Dictionary dictionary, Image image, SparseCode initial) {
      this.backtracking = settings.backtrackingMode();
      this.lambda = settings.lambda();
      this.weight = settings.l1Weight();
      int count = dictionary.count();
      checkHeap(count, image);
      if (precision == Precision.FLOAT32) {
        FloatDictionarySpectra d = new FloatDictionarySpectra(dictionary, image.height(), image.width());
        this.state = new FloatFistaState(d, image, threads);
        this.exactLipschitz = () -> Lipschitz.exact(d);
      } else {
        DoubleDictionarySpectra d = new DoubleDictionarySpectra(dictionary, image.height(), image.width());
        this.state = new DoubleFistaState(d, image, threads);
        this.exactLipschitz = () -> Lipschitz.exact(d);
      }
      this.lipschitz = initialLipschitz(exactLipschitz);
      this.loop = new ParallelLoop(threads);
      this.sums = new KernelSums(count);
      state.start(loop, initial);
      this.guard = DivergenceGuard.of(name(), dictionary, image, this::advice);
      if (initial != null) {
        guard = guard.withInitialObjective(state.dataFidelity() + lambda * weight * initial.l1());
      }
      this.start = System.nanoTime();
    }

    private double initialLipschitz(DoubleSupplier exact) {
      if (settings.lipschitz() != null) {
        return settings.lipschitz();
      }
      if (backtracking != Backtracking.NONE) {
        return FistaSettings.BACKTRACKING_START;
      }
      double l = exact.getAsDouble();
      if (!(l > 0) || Double.isInfinite(l)) {
        throw new SolverException(-1, name() + ": the Lipschitz constant of the dictionary is " + l
            + " (all-zero or non-finite kernels?): check the dictionary, or set lipschitz");
      }
      return l;
    }

    private void checkHeap(int kernels, Image image) {
      long elements = DoubleFistaState.elements(kernels, image.height(), image.width(), threads);
      if (backtracking != Backtracking.NONE) {
        elements += DoubleFistaState.backtrackingElements(kernels, image.height(), image.width(),
            backtracking == Backtracking.ROBUST);
      }
      SolverInputs.checkHeap(name(), elements, precision, kernels, image);
    }

    /**
     * Runs one iteration (step, momentum or backtracking, statistics) and records whether the stopping
     * test was met. Iterations may go on past the settings' limit.
     *
     * @return the iteration's statistics row
     * @throws SolverException if the objective or the residual is NaN or infinite, the objective explodes
     *     (see {@link DivergenceGuard}), or the line search drives L to infinity
     */
    @Override
    public IterationStats iterate() {
      int k = iterations();
      double rsdl;
      double l1;
      switch (backtracking) {
        case STANDARD -> {
          lineSearch(k);
          rsdl = sums.total(KernelSums.RSDL);
          l1 = sums.total(KernelSums.L1);
          state.acceptTrial();
          state.extrapolate(loop, nextMomentum());
        }
        case ROBUST -> {
          state.robustBegin();
          lipschitz *= Backtracking.ROBUST_GAMMA_D;
          double step = 0;
          double total = 0;
          for (int n = 0; n < Backtracking.MAX_ITERATIONS; n++) {
            // Florea & Vorobyov: t = (1 + √(1 + 4 L T_k)) / (2L), T = T_k + t, y = (T_k x + t z) / T.
            step = (1.0 + Math.sqrt(1.0 + 4.0 * lipschitz * robustT)) / (2.0 * lipschitz);
            total = robustT + step;
            state.robustPoint(loop, robustT, step, total);
            if (sufficientDecrease(k)) {
              break;
            }
            lipschitz *= Backtracking.ROBUST_GAMMA_U;
          }
          robustT = total;
          l1 = sums.total(KernelSums.L1);
          state.acceptTrial();
          rsdl = state.robustEnd(step * lipschitz);
        }
        default -> {
          state.step(loop, 1.0 / lipschitz, nextMomentum(), lambda * weight / lipschitz,
              settings.nonNegative(), sums);
          rsdl = sums.total(KernelSums.RSDL);
          l1 = sums.total(KernelSums.L1);
        }
      }
      double dataFidelity = state.dataFidelity();
      double regularization = weight * l1;
      double objective = dataFidelity + lambda * regularization;
      IterationStats row = new IterationStats(k, objective, dataFidelity, regularization, rsdl, Double.NaN,
          settings.relStopTol(), Double.NaN, lipschitz, (System.nanoTime() - start) * 1e-9);
      if (!guard.passes(objective) || !Double.isFinite(rsdl)) {
        throw guard.diverged(k, objective, "residual " + DivergenceGuard.show(rsdl) + ", L "
            + DivergenceGuard.show(lipschitz));
      }
      lastObjective = objective;
      endIteration(rsdl < settings.relStopTol());
      return row;
    }

    /** The last row's objective is that of X, the code returned. */
    @Override
    protected void checkResult() {
      guard.checkResult(iterations() - 1, lastObjective);
    }

    /** What to change when the solve diverges from finite inputs (the error path only). */
    private String advice() {
      double exact = exactLipschitz.getAsDouble();
      String constant = "the dictionary's Lipschitz constant " + DivergenceGuard.show(exact) + " at this image size";
      String atLeast = DivergenceGuard.showAtLeast(exact);
      Double given = settings.lipschitz();
      double from = given != null ? given : FistaSettings.BACKTRACKING_START;
      if (backtracking != Backtracking.NONE && from < exact) {
        double gamma = backtracking == Backtracking.STANDARD ? Backtracking.STANDARD_GAMMA_U
            : Backtracking.ROBUST_GAMMA_U;
        return "backtracking (" + backtracking.yamlName() + ") started from lipschitz " + DivergenceGuard.show(from)
            + ", below " + constant + ", and overshot while its line searches raised L (by "
            + DivergenceGuard.show(gamma) + " at most " + Backtracking.MAX_ITERATIONS + " times an iteration; now L = "
            + DivergenceGuard.show(lipschitz) + "): set lipschitz, where backtracking starts, to at least " + atLeast;
      }
      if (backtracking == Backtracking.NONE && given != null && given < exact) {
        return "lipschitz " + DivergenceGuard.show(given) + " is below " + constant + ", so every step 1/lipschitz"
            + " overshoots: set lipschitz to at least " + atLeast + ", or leave it out to use the exact constant";
      }
      return "L = " + DivergenceGuard.show(lipschitz) + " is not below " + constant + ": check the dictionary and"
          + " the image for extreme values";
    }

    /** SPORCO's BacktrackStandard: L ← γ_u L until F ≤ Q_L (at most MaxIter trials; the last one is kept). */
    private void lineSearch(int k) {
      for (int n = 0; n < Backtracking.MAX_ITERATIONS; n++) {
        if (sufficientDecrease(k)) {
          return;
        }
        lipschitz *= Backtracking.STANDARD_GAMMA_U;
      }
    }

    /**
     * One trial at the current L from the current Y; SPORCO's test {@code F ≤ Q_L} with
     * {@code Q_L = f(Y) + Re⟨X − Y, ∇f(Y)⟩ + (L/2)‖X − Y‖²}, all in its unnormalised half-spectrum scale.
     */
    private boolean sufficientDecrease(int k) {
      if (!Double.isFinite(lipschitz)) {
        throw new SolverException(k, name() + ": backtracking drove L to " + lipschitz
            + ": check the dictionary and the image for NaN or infinite values");
      }
      state.trial(loop, 1.0 / lipschitz, lambda * weight / lipschitz, settings.nonNegative(), sums);
      double f = state.spectralFidelity(true);
      double q = state.spectralFidelity(false) + sums.total(KernelSums.LIN)
          + lipschitz / 2 * sums.total(KernelSums.DXY2);
      return f <= q;
    }

    /** SPORCO's MomentumNesterov for FISTA: t' = (1 + √(1 + 4t²))/2, β = (t − 1)/t'; ISTA: β = 0. */
    private double nextMomentum() {
      if (!momentum) {
        return 0.0;
      }
      double next = 0.5 * (1.0 + Math.sqrt(1.0 + 4.0 * t * t));
      double beta = (t - 1.0) / next;
      t = next;
      return beta;
    }

    /**
     * The step parameter for the next iteration.
     *
     * @return L
     */
    public double lipschitz() {
      return lipschitz;
    }

    /**
     * The current code.
     *
     * @return X as a sparse code
     */
    @Override
    public SparseCode code() {
      return state.code();
    }

    @Override
    public void close() {
      loop.close();
    }
  }
}
