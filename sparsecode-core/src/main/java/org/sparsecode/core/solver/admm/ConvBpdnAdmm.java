package org.sparsecode.core.solver.admm;

import java.util.Objects;
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
import org.sparsecode.core.solver.SolverInputs;

/**
 * Convolutional basis pursuit denoising by ADMM in the DFT domain, exactly as SPORCO's
 * {@code admm.cbpdn.ConvBPDN} (B. Wohlberg, "Efficient algorithms for convolutional sparse
 * representations", IEEE Trans. Image Process. 25(1), 2016): minimises
 * {@code ½‖Σ_k d_k * x_k − s‖² + λ Σ_k ‖w_k x_k‖₁} with the split X = Y. One iteration:
 * <ol>
 *   <li>x-step: per frequency, {@code (D̂ᴴD̂ + ρI) X̂ = D̂ᴴŜ + ρ DFT(Y − U)}, solved by Sherman–Morrison;
 *   <li>relaxation {@code AX = αX + (1 − α)Y};
 *   <li>y-step {@code Y = soft(AX + U, (λ/ρ) w)} (then {@code max(0, ·)} when non-negative);
 *   <li>u-step {@code U ← U + AX − Y};
 *   <li>relative residuals {@code r = ‖X − Y‖ / max(‖X‖, ‖Y‖)}, {@code s = ρ‖Y_prev − Y‖ / (ρ‖U‖)}, thresholds
 *       {@code ε = sqrt(N) absStopTol / norm + relStopTol}; statistics at X (SPORCO's default
 *       {@code AuxVarObj = False});
 *   <li>AutoRho (see {@link AutoRhoSettings}); stop when {@code r < ε_pri} and {@code s < ε_dua}.
 * </ol>
 * The code returned is Y (exactly sparse), as SPORCO returns. Arithmetic follows the run's precision:
 * float32 storage and FFTs (sums in float64), or float64 throughout (what the fixtures are checked in).
 * Memory: about {@code 2K·H·W + 2K·H·(W/2 + 1)·2} values (Y, U, the kernel spectra and one spectrum buffer),
 * 151 MB at the paper's size (K = 144, 256 × 256) in float32, 302 MB in float64, allocated once per solve.
 *
 * <p>Warm start ({@link org.sparsecode.api.solver.WarmStartableSolver}): {@code Y0} = the initial code (SPORCO's
 * {@code Y0} option) and
 * {@code U0 = Dᵀ(s − D Y0)/ρ}, the scaled dual of the ADMM fixed point at Y0, so that from a solution the
 * iteration stays there (SPORCO's {@code U0 = (λ/ρ) sign(Y0)}, and {@code U0 = 0}, do not: their first x-step
 * moves X off Y0). ρ restarts from its setting, so away from a solution (an unconverged code, or one from an
 * AutoRho run whose ρ drifted) a warm start can raise the objective at Y for a while: from the 30-iteration
 * code of the 64 × 64 fixture problem (objective at Y 452, ρ drifted to 0.03), 30 more iterations give 1336
 * (SPORCO's U0: 1083; U0 = 0: 1100).
 *
 * <p>Divergence: ADMM converges for every fixed ρ &gt; 0 in exact arithmetic (X's objective never exceeded
 * that of the zero code over the fixtures and a sweep of ρ from 1e-300 to 1e30), but a ρ far from the data's
 * scale loses it: ρ above about 1e154 overflows ρ² in the data term at iteration 0, and AutoRho can drive ρ
 * towards 0 — with a kernel of {@code l1Weight} 0 residual balancing lowers ρ at almost every update (to 1e-23
 * in 100 iterations on a 4-kernel test problem), X's ℓ1 norm grows as about {@code 1/√ρ} where the
 * dictionary's spectrum is small, and the objective explodes (1e18 times that of the zero code). Each
 * iteration's objective (at X) is checked by {@link DivergenceGuard}; at the end of a solve, so are X's last
 * objective and that of the code returned, Y, computed once (one more transform of Y; after a warm start Y
 * need only be finite, see {@link Workspace#checkResult}); the errors name the iteration, the value, and
 * {@code rho} or {@code autoRho}.
 *
 * <p>Thread-safe: every solve has its own {@link Workspace} and worker threads.
 */
public final class ConvBpdnAdmm extends FftSolver<CbpdnAdmmSettings> {

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param precision float32 or float64 arithmetic
   * @param threads worker threads per solve, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public ConvBpdnAdmm(CbpdnAdmmSettings settings, Precision precision, int threads) {
    super(settings, precision, threads);
  }

  @Override
  public double lambda() {
    return settings.lambda();
  }

  @Override
  public CodingResult solve(Dictionary dictionary, Image image, SparseCode initial, SolveListener listener) {
    Objects.requireNonNull(listener, "listener");
    return workspace(dictionary, image, initial).run(settings.maxIterations(), settings.maxIterations(), listener);
  }

  /**
   * Prepares a solve without running it: checks the inputs and the heap, transforms the kernels and the
   * image, allocates every buffer, starts the worker threads. {@link #solve} is a loop over
   * {@link Workspace#iterate()}; benchmarks time single iterations this way.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @return the workspace, to be closed
   * @throws IllegalArgumentException if the image is not grey or is smaller than the kernels
   * @throws org.sparsecode.api.ConfigException ({@code l1Weight}) if a weight list does not have one value per
   *     kernel
   * @throws SolverException if the buffers cannot fit in the maximum heap
   */
  public Workspace workspace(Dictionary dictionary, Image image) {
    return workspace(dictionary, image, null);
  }

  /**
   * Prepares a warm-started solve without running it, as {@link #workspace(Dictionary, Image)} with
   * {@code Y = initial} and {@code U = Dᵀ(s − D·initial)/ρ}.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @param initial the starting code ({@code K × H × W}), or null for zero
   * @return the workspace, to be closed
   * @throws IllegalArgumentException if the image is not grey or is smaller than the kernels, or the initial
   *     code's shape does not match
   * @throws org.sparsecode.api.ConfigException ({@code l1Weight}) if a weight list does not have one value per
   *     kernel
   * @throws SolverException if the buffers cannot fit in the maximum heap
   */
  public Workspace workspace(Dictionary dictionary, Image image, SparseCode initial) {
    SolverInputs.check("cbpdn-admm", dictionary, image, initial);
    Workspace w = new Workspace(dictionary, image);
    if (initial != null) {
      w.startFrom(initial);
    }
    return w;
  }

  /**
   * The state of one solve, advanced one ADMM iteration at a time. Not thread-safe; close it to stop its
   * worker threads.
   */
  public final class Workspace extends IterativeWorkspace {
    private final int count;
    private final long size;
    private final double lambda;
    private final double alpha;
    private final L1Weights weights;
    private final double[] weightArray;
    private final AutoRhoSettings autoRho;
    private final AdmmState state;
    private final ParallelLoop loop;
    private final PartialSums sums;
    private final long start;
    private DivergenceGuard guard;
    private boolean warm;
    private double lastObjective = Double.NaN;
    private double rho;
    private double pendingDivisor = 1.0;
    /** Whether the last AutoRho check changed ρ. */
    private boolean rhoChanged;

    private Workspace(Dictionary dictionary, Image image) {
      this.count = dictionary.count();
      this.size = (long) count * image.area();
      this.lambda = settings.lambda();
      this.alpha = settings.relaxation();
      this.weightArray = settings.l1Weights(count);
      this.weights = new L1Weights(weightArray);
      this.autoRho = settings.autoRho();
      this.rho = settings.rho();
      SolverInputs.checkHeap("cbpdn-admm", DoubleAdmmState.elements(count, image.height(), image.width(), threads),
          precision, count, image);
      if (precision == Precision.FLOAT32) {
        this.state = new FloatAdmmState(new FloatDictionarySpectra(dictionary, image.height(), image.width()),
            image, threads);
      } else {
        this.state = new DoubleAdmmState(new DoubleDictionarySpectra(dictionary, image.height(), image.width()),
            image, threads);
      }
      this.loop = new ParallelLoop(threads);
      this.sums = new PartialSums(count, AdmmState.FIELDS);
      this.guard = DivergenceGuard.of("cbpdn-admm", dictionary, image, this::advice);
      this.start = System.nanoTime();
    }

    /** Warm start: Y and U from the initial code, whose objective may raise the guard's reference. */
    private void startFrom(SparseCode initial) {
      state.start(loop, initial, settings.rho());
      guard = guard.withInitialObjective(objectiveOfY());
      warm = true;
    }

    /** {@code ½‖Σ_k d_k * y_k − s‖² + λ Σ_k w_k ‖Y_k‖₁}, one transform of Y. */
    private double objectiveOfY() {
      double dataFidelity = state.fidelityOfY(loop, sums);
      double regularization = 0;
      for (int j = 0; j < count; j++) {
        regularization += weightArray[j] * sums.get(j, AdmmState.Y1);
      }
      return dataFidelity + lambda * regularization;
    }

    /**
     * Runs one ADMM iteration (x-step, relaxation, y-step, u-step, residuals, statistics, AutoRho) and
     * records whether the stopping test was met. Iterations may go on past the settings' limit.
     *
     * @return the iteration's statistics row
     * @throws SolverException if the objective or a residual is NaN or infinite, or the objective explodes
     *     (see {@link DivergenceGuard})
     */
    @Override
    public IterationStats iterate() {
      int k = iterations();
      state.transformAuxiliary(loop, pendingDivisor);
      pendingDivisor = 1.0;
      double dataFidelity = state.solveX(loop, rho);
      // The next iteration's DFT(Y − U) is computed in this iteration's last pass unless the solve stops here at
      // its iteration limit, or AutoRho is likely to rescale U at its end (it did at its previous check): a
      // rescaling makes the next iteration transform Y − U again, so a wrong bet costs K forward transforms
      // and a right one saves a pass over Y and U. After the first few tens of iterations ρ rarely changes
      // (on the paper's problem, 23 changes in 300 iterations, all but two in the first 33).
      boolean prepareNext = !lastIteration() && !(autoRho.checksAfter(k) && rhoChanged);
      state.update(loop, alpha, lambda / rho, weights, settings.nonNegative(), sums, prepareNext);

      double regularization = 0;
      for (int j = 0; j < count; j++) {
        regularization += weightArray[j] * sums.get(j, AdmmState.X1);
      }
      double objective = dataFidelity + lambda * regularization;
      // SPORCO ADMMEqual.compute_residuals with StdResiduals = False (relative residuals).
      double rn = Math.max(Math.sqrt(sums.total(AdmmState.X2)), Math.sqrt(sums.total(AdmmState.Y2)));
      if (rn == 0.0) {
        rn = 1.0;
      }
      double sn = rho * Math.sqrt(sums.total(AdmmState.U2));
      if (sn == 0.0) {
        sn = 1.0;
      }
      double r = Math.sqrt(sums.total(AdmmState.XMY2)) / rn;
      double s = rho * Math.sqrt(sums.total(AdmmState.DY2)) / sn;
      double root = Math.sqrt((double) size);
      double epsPrimal = root * settings.absStopTol() / rn + settings.relStopTol();
      double epsDual = root * settings.absStopTol() / sn + settings.relStopTol();
      IterationStats row = new IterationStats(k, objective, dataFidelity, regularization, r, s, epsPrimal, epsDual,
          rho, (System.nanoTime() - start) * 1e-9);
      if (!guard.passes(objective) || !Double.isFinite(r) || !Double.isFinite(s)) {
        throw guard.diverged(k, objective, "primal residual " + DivergenceGuard.show(r) + ", dual residual "
            + DivergenceGuard.show(s) + ", rho " + DivergenceGuard.show(rho));
      }
      lastObjective = objective;
      updateRho(k, r, s);
      endIteration(r < epsPrimal && s < epsDual);
      return row;
    }

    /**
     * The statistics are at X, the iterate ADMM's convergence is measured on; the code returned is Y, whose
     * objective is computed here, once. X's last objective must be within the result limit, and so must Y's
     * after a cold start. After a warm start Y need only be finite: there U₀ = Dᵀ(s − D Y₀)/ρ makes the first
     * y-step an ISTA step of size 1/ρ from Y₀, which overshoots by about (L/ρ)² when Y₀ is not a solution
     * (4.5e5 times the zero code's objective from a 30-iteration code of the fixture problem, with ρ = 1.5 and
     * L = 2410) and takes ADMM about six iterations to work off, while X's objective stays within 1.3 times
     * the zero code's; the batch learner warm-starts with as few iterations as asked and keeps the better of
     * the old and new codes.
     */
    @Override
    protected void checkResult() {
      int k = iterations() - 1;
      guard.checkResult(k, lastObjective, "its last primal iterate X");
      double y = objectiveOfY();
      if (!warm || !Double.isFinite(y)) {
        guard.checkResult(k, y);
      }
    }

    /** What to change when the solve fails from finite inputs (the error path only). */
    private String advice() {
      String standard = "SPORCO's default 50 lambda + 1 = " + DivergenceGuard.show(50.0 * lambda + 1.0);
      if (rho != settings.rho()) {
        boolean unpenalised = false;
        for (double w : weightArray) {
          unpenalised |= w == 0;
        }
        return "autoRho moved rho from " + DivergenceGuard.show(settings.rho()) + " to " + DivergenceGuard.show(rho)
            + ", far from the data's scale, where ADMM loses its precision"
            + (unpenalised ? " (a kernel with l1Weight 0 is unpenalised, and residual balancing then keeps lowering"
                + " rho)" : "")
            + ": set autoRho.enabled: false to keep rho fixed, or lower autoRho.scaling ("
            + DivergenceGuard.show(autoRho.scaling()) + ") so that rho moves less per update";
      }
      return "rho " + DivergenceGuard.show(rho) + " is far from the data's scale, where ADMM loses its precision:"
          + " set rho nearer " + standard + " (or leave it out)"
          + (autoRho.enabled() ? "" : ", or enable autoRho (autoRho.enabled: true) so that rho adapts to the data");
    }

    /** Whether {@link #updateRho} runs after iteration k (it may then change ρ and rescale U). */
    /** SPORCO ADMM.update_rho: residual balancing; U's rescaling is applied at the next iteration's start. */
    private void updateRho(int k, double r, double s) {
      if (!autoRho.checksAfter(k)) {
        return;
      }
      double factor = autoRho.rhoFactor(r, s);
      rhoChanged = factor != 1.0;
      if (rhoChanged) {
        rho *= factor;
        pendingDivisor = factor;
      }
    }

    /**
     * The penalty for the next iteration.
     *
     * @return ρ
     */
    public double rho() {
      return rho;
    }

    /**
     * The current code.
     *
     * @return Y as a sparse code
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
