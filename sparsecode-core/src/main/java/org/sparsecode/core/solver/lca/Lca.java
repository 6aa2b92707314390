package org.sparsecode.core.solver.lca;

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
 * The Locally Competitive Algorithm (C. J. Rozell, D. H. Johnson, R. G. Baraniuk &amp; B. A. Olshausen, "Sparse
 * coding via thresholding and local competition in neural circuits", Neural Computation 20(10), 2008),
 * discretised with a forward-Euler step of {@code 1/τ} and written in its residual form, so that a step
 * costs one synthesis and one correlation (2K FFTs, as one FISTA iteration) instead of the Gram form's
 * convolution with every kernel pair's {@code DᵀD − I} (lca-pytorch's, about 265× more arithmetic at 144
 * kernels of 12 × 12):
 * <pre>
 *   a = T_λ(u),   u ← u + (1/τ) (Dᵀ(s − D a) + a − u)
 * </pre>
 * with D and Dᵀ applied in the DFT domain (SPORCO's circular convention, see
 * {@link DoubleDictionarySpectra}). One step: {@code F_k = DFT(T(u_k))}; per frequency
 * {@code R̂ = Ŝ − Σ_k D̂_k F_k} and {@code F_k += conj(D̂_k) R̂}; {@code u_k += (IDFT(F_k) − u_k)/τ}. The
 * residual spectrum gives the data term at a = T(u) for free (Parseval), so every step reports the CBPDN
 * objective {@code ½‖Da − s‖² + λ‖a‖₁} at the code it used.
 *
 * <p><b>Fixed point and stability.</b> At a fixed point {@code Dᵀ(s − Da) = u − a}: on the support
 * ({@code |u| > λ}) this is {@code λ sign(a)}, off it {@code |u| ≤ λ}, which are exactly the optimality
 * conditions of CBPDN {@code min ½‖Da − s‖² + λ‖a‖₁} — the soft-threshold LCA converges to the same
 * solution as {@code cbpdn-admm} at the same λ. On a fixed sign pattern, {@code a = u − λ sign(u)} moves with
 * u, and the step reads {@code u ← u − (1/τ) ∇F(a)} with F the CBPDN objective restricted to the support: a
 * gradient step of size {@code 1/τ}, stable and monotone for {@code τ ≥ L = ‖DᵀD‖}. Off the support the
 * step is the leaky integration {@code u ← (1 − 1/τ) u + (1/τ) (Dᵀr)}, a contraction for {@code τ > 1/2}.
 * Hence the default {@code τ = max(L, 1)}, with L computed exactly as {@code max_f Σ_k |D̂_k(f)|²}
 * ({@link Lipschitz#exact}); τ is reported as the statistics' {@code penalty}.
 *
 * <p><b>Stopping.</b> After each step, {@code ‖u_new − u‖ / ‖u_new‖} (0 when u stays 0) is the statistics'
 * {@code primalResidual}, and the solve stops when it falls below {@code relStopTol} ({@code epsPrimal}).
 * The code returned is {@code T(u)} of the last u. A τ well below L makes the steps overshoot and u grow
 * geometrically: the solve stops when the objective leaves the bounds of {@link DivergenceGuard}; the code
 * returned, one step newer than the last statistics row, has its objective computed once more (one more
 * transform, half a step) and is refused if it exploded. The errors name the iteration, the value, τ and L.
 *
 * <p><b>Warm start.</b> An initial code x sets u₀ so that {@code T(u₀) = x}: {@code x + λ sign(x)} on the
 * support for the soft threshold and x for the hard one (see {@link Threshold#inverse}), and on the inactive
 * coefficients their drive {@code Dᵀ(s − Dx)} clipped to {@code [−λ, λ]} (one synthesis and one correlation,
 * once). The first step then uses a = x, a solve started from its own result goes on from where it stopped,
 * and a CBPDN solution (from {@code cbpdn-admm}, say) gives exactly LCA's fixed point.
 *
 * <p>Arithmetic follows the run's precision: float32 storage and FFTs (sums in float64), or float64
 * throughout. Memory: about {@code K·H·W + 2K·H·(W/2 + 1)·2} values (u, the kernel spectra and one spectrum
 * buffer), 113 MB at the paper's size (K = 144, 256 × 256) in float32, 227 MB in float64.
 *
 * <p>Thread-safe: every solve has its own {@link Workspace} and worker threads.
 */
public final class Lca extends FftSolver<LcaSettings> {

  /**
   * Creates the solver.
   *
   * @param settings the validated settings ({@code tau} null: derived from the dictionary when a solve starts)
   * @param precision float32 or float64 arithmetic
   * @param threads worker threads per solve, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public Lca(LcaSettings settings, Precision precision, int threads) {
    super(settings, precision, threads);
  }

  @Override
  public double lambda() {
    return settings.lambda();
  }

  @Override
  public CodingResult solve(Dictionary dictionary, Image image, SparseCode initial, SolveListener listener) {
    Objects.requireNonNull(listener, "listener");
    return workspace(dictionary, image, initial).run(settings.maxIterations(),
        Math.min(settings.maxIterations(), 10_000), listener);
  }

  /**
   * The default time constant for a dictionary at an image size: {@code max(L, 1)} with
   * {@code L = ‖DᵀD‖} (see the class comment).
   *
   * @param dictionary the kernels
   * @param height image rows
   * @param width image columns
   * @return τ, at least 1
   */
  public static double defaultTau(Dictionary dictionary, int height, int width) {
    return Math.max(Lipschitz.exact(dictionary, height, width), 1.0);
  }

  /**
   * Prepares a solve without running it: checks the inputs and the heap, computes τ when not given,
   * transforms the kernels and the image, allocates every buffer, sets u from the initial code, starts the
   * worker threads. {@link #solve} is a loop over {@link Workspace#iterate()}; benchmarks time single steps
   * this way.
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
    SolverInputs.check("lca", dictionary, image, initial);
    return new Workspace(dictionary, image, initial);
  }

  /**
   * The state of one solve, advanced one LCA step at a time. Not thread-safe; close it to stop its worker
   * threads.
   */
  public final class Workspace extends IterativeWorkspace {
    private final int count;
    private final double lambda;
    private final double tau;
    private final Threshold threshold;
    private final LcaState state;
    private final ParallelLoop loop;
    private final Sums sums;
    private final long start;
    private final DoubleSupplier exactLipschitz;
    private DivergenceGuard guard;

    private Workspace(Dictionary dictionary, Image image, SparseCode initial) {
      this.count = dictionary.count();
      this.lambda = settings.lambda();
      this.threshold = Threshold.of(settings);
      SolverInputs.checkHeap("lca", DoubleLcaState.elements(count, image.height(), image.width(), threads), precision,
          count, image);
      if (precision == Precision.FLOAT32) {
        this.tau = settings.tau() != null ? settings.tau() : defaultTau(dictionary, image.height(), image.width());
        FloatDictionarySpectra spectra = new FloatDictionarySpectra(dictionary, image.height(), image.width());
        this.state = new FloatLcaState(spectra, image, threads);
        this.exactLipschitz = () -> Lipschitz.exact(spectra);
      } else {
        DoubleDictionarySpectra spectra = new DoubleDictionarySpectra(dictionary, image.height(), image.width());
        this.tau = settings.tau() != null ? settings.tau() : Math.max(Lipschitz.exact(spectra), 1.0);
        this.state = new DoubleLcaState(spectra, image, threads);
        this.exactLipschitz = () -> Lipschitz.exact(spectra);
      }
      this.loop = new ParallelLoop(threads);
      this.sums = new Sums(count, LcaState.FIELDS);
      this.guard = DivergenceGuard.of("lca", dictionary, image, this::advice);
      state.start(initial, threshold);
      if (initial != null) {
        state.transformCode(loop, threshold, sums);
        guard = guard.withInitialObjective(state.drive(loop) + lambda * sums.total(LcaState.L1));
        state.settle(loop, threshold);
      }
      this.start = System.nanoTime();
    }

    /**
     * Runs one LCA step (threshold and transform, residual and drive, potential update) and records whether
     * the stopping test was met. Steps may go on past the settings' limit.
     *
     * @return the step's statistics row, at the code {@code a = T(u)} the step started from
     * @throws SolverException if the objective or the change of u is NaN or infinite, or the objective
     *     explodes (see {@link DivergenceGuard})
     */
    @Override
    public IterationStats iterate() {
      int k = iterations();
      state.transformCode(loop, threshold, sums);
      double dataFidelity = state.drive(loop);
      // The next step's DFT(T(u)) is computed in this step's last pass unless the solve stops here at its limit.
      state.step(loop, 1.0 / tau, threshold, sums, !lastIteration());
      double regularization = sums.total(LcaState.L1);
      double objective = dataFidelity + lambda * regularization;
      double change = Math.sqrt(sums.total(LcaState.DU2));
      double norm = Math.sqrt(sums.total(LcaState.U2));
      double relative = change == 0 ? 0 : change / norm;
      IterationStats row = new IterationStats(k, objective, dataFidelity, regularization, relative, Double.NaN,
          settings.relStopTol(), Double.NaN, tau, (System.nanoTime() - start) * 1e-9);
      if (!guard.passes(objective) || !Double.isFinite(relative)) {
        throw guard.diverged(k, objective, "relative change of u " + DivergenceGuard.show(relative) + ", tau "
            + DivergenceGuard.show(tau));
      }
      endIteration(relative < settings.relStopTol());
      return row;
    }

    /**
     * The last row is at the code the last step started from; the code returned, {@code T(u)} after it, gets
     * its objective here (threshold and transform, then the residual by Parseval: u is unchanged, and the
     * spectrum buffer is rewritten by the next step anyway).
     */
    @Override
    protected void checkResult() {
      state.transformCode(loop, threshold, sums);
      double objective = state.drive(loop) + lambda * sums.total(LcaState.L1);
      guard.checkResult(iterations() - 1, objective);
    }

    /** What to change when the solve diverges from finite inputs (the error path only). */
    private String advice() {
      double l = exactLipschitz.getAsDouble();
      String constant = "the dictionary's Lipschitz constant L = " + DivergenceGuard.show(l) + " at this image size";
      if (settings.tau() != null && tau < l) {
        return "tau " + DivergenceGuard.show(tau) + " is below " + constant + ", so every step 1/tau overshoots:"
            + " set tau to at least " + DivergenceGuard.showAtLeast(l) + ", or leave it out (default max(L, 1))";
      }
      return "tau " + DivergenceGuard.show(tau) + " is not below " + constant + ": check the dictionary and the"
          + " image for extreme values";
    }

    /**
     * The time constant in use.
     *
     * @return τ
     */
    public double tau() {
      return tau;
    }

    /**
     * The current code.
     *
     * @return T(u) as a sparse code
     */
    @Override
    public SparseCode code() {
      return state.code(threshold);
    }

    @Override
    public void close() {
      loop.close();
    }
  }
}
