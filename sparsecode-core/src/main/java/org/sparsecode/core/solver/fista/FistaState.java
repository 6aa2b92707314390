package org.sparsecode.core.solver.fista;

import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The arrays of one proximal-gradient CSC solve and the passes of an iteration over them, in one precision.
 * X (the code) and Y (the extrapolated point where the gradient is taken) are stored as K maps of
 * {@code H × W}; the spectra {@code Σ_k D̂_k Ŷ_k} and {@code Σ_k D̂_k X̂_k} are kept, so that one iteration
 * costs one inverse and one forward FFT per kernel (see {@link #step}).
 */
abstract class FistaState {

  /**
   * {@code X = Y = initial} (zero if null), then {@code Σ_k D̂_k Ŷ_k} and {@code Σ_k D̂_k X̂_k}.
   *
   * @param loop the workers
   * @param initial the starting code, already checked for shape, or null
   */
  abstract void start(ParallelLoop loop, SparseCode initial);

  /**
   * One fused proximal-gradient step with momentum, per kernel: {@code G_k = IDFT(conj(D̂_k) R̂_Y)} with
   * {@code R̂_Y = Σ_j D̂_j Ŷ_j − Ŝ}; {@code X_new = soft(Y − G/L, λw/L)} (then {@code max(0, ·)});
   * {@code Y_new = X_new + β (X_new − X)}; {@code Ŷ_new = DFT(Y_new)} accumulated into
   * {@code Σ_k D̂_k Ŷ_new,k}. Since {@code X_new = (Y_new + β X)/(1 + β)}, the synthesis of X follows by
   * linearity, {@code D X_new = (D Y_new + β D X)/(1 + β)}, without transforming X.
   *
   * @param loop the workers
   * @param invL {@code 1/L}
   * @param beta the momentum coefficient {@code (t − 1)/t'} (0 for ISTA)
   * @param threshold {@code λ w / L}
   * @param nonNegative whether X is projected on the non-negative orthant
   * @param sums receives {@link KernelSums#L1} and {@link KernelSums#RSDL} ({@code ‖X_new − Y‖²})
   */
  abstract void step(ParallelLoop loop, double invL, double beta, double threshold, boolean nonNegative,
      KernelSums sums);

  /**
   * The data term at X, {@code ½‖Σ_k d_k * x_k − s‖²}, by Parseval.
   *
   * @return the data fidelity
   */
  abstract double dataFidelity();

  /**
   * A backtracking trial from the current Y: {@code X_t = soft(Y − G/L, λw/L)} (kept aside, X unchanged),
   * {@code Σ_k D̂_k X̂_t,k}, and the terms of SPORCO's model {@code Q_L} in the DFT domain.
   *
   * @param loop the workers
   * @param invL {@code 1/L}
   * @param threshold {@code λ w / L}
   * @param nonNegative the projection
   * @param sums receives L1, RSDL ({@code ‖X_t − Y‖²}), LIN and DXY2
   */
  abstract void trial(ParallelLoop loop, double invL, double threshold, boolean nonNegative, KernelSums sums);

  /**
   * SPORCO's {@code obfn_f} of the trial X (true) or of Y (false): {@code ½ Σ |Σ_k D̂_k V̂_k − Ŝ|²} over the
   * half spectrum, unnormalised (the scale SPORCO's backtracking compares in).
   *
   * @param ofTrial which point
   * @return the value
   */
  abstract double spectralFidelity(boolean ofTrial);

  /** The trial becomes X; the previous X is kept (as the trial buffer) for {@link #extrapolate}. */
  abstract void acceptTrial();

  /**
   * {@code Y = X + β (X − X_prev)} after {@link #acceptTrial}, and its synthesis.
   *
   * @param loop the workers
   * @param beta the momentum coefficient
   */
  abstract void extrapolate(ParallelLoop loop, double beta);

  /** Robust backtracking: remembers Y (for the residual) and, the first time, starts {@code Z = X}. */
  abstract void robustBegin();

  /**
   * Robust backtracking: {@code Y = (T_k X + t Z) / T} and its synthesis.
   *
   * @param loop the workers
   * @param tk the previous {@code T_k}
   * @param t this step's {@code t}
   * @param total {@code T = T_k + t}
   */
  abstract void robustPoint(ParallelLoop loop, double tk, double t, double total);

  /**
   * Robust backtracking after {@link #acceptTrial}: {@code Z += c (X − Y)}; returns {@code ‖X − Y_prev‖²}.
   *
   * @param c {@code t L}
   * @return the fixed-point residual against the Y of the previous iteration
   */
  abstract double robustEnd(double c);

  /**
   * The current X.
   *
   * @return X as a sparse code
   */
  abstract SparseCode code();
}
