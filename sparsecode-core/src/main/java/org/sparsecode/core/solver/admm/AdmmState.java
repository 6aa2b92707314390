package org.sparsecode.core.solver.admm;

import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The arrays of one CBPDN ADMM solve and the passes of an iteration over them, in one precision. Variables
 * (SPORCO's names): Y the sparse auxiliary variable and U the scaled dual variable, both K maps of
 * {@code H × W}; F a spectrum buffer holding DFT(Y − U); the kernel spectra D̂ and the image spectrum Ŝ.
 * Neither X nor X̂ is stored: each kernel's X̂ is formed from F, D̂ and the Sherman–Morrison correction,
 * transformed back and consumed at once.
 *
 * <p>An iteration reads the large arrays (K spectra or K maps each) as few times as it can: {@link #solveX}
 * reads D̂ and F once; {@link #update} reads D̂ and F once more, reads and writes Y and U once, and writes F
 * for the next iteration from the Y − U it has just computed. {@link #transformAuxiliary} (one more read of Y
 * and U, one more write of F) then only runs when F is not already prepared: at the first iteration, after
 * AutoRho rescaled U (the solver prepares F anyway when ρ did not change at the previous check, betting that it
 * will not change now: after the first few tens of iterations ρ rarely moves), and after {@link #fidelityOfY}
 * or {@link #start} used F as scratch.
 */
abstract class AdmmState {
  /** Per-kernel fields filled by {@link #update} (and {@link #Y1} by {@link #fidelityOfY}). */
  static final int X2 = 0;
  static final int Y2 = 1;
  static final int XMY2 = 2;
  static final int U2 = 3;
  static final int DY2 = 4;
  static final int X1 = 5;
  static final int Y1 = 6;
  static final int FIELDS = 7;

  /**
   * Warm start: {@code Y = initial} and {@code U = Dᵀ(s − D Y) / ρ}, the scaled dual variable of the ADMM fixed
   * point at Y (from the x-step with X = Y: {@code DᵀD Y − Dᵀs = −ρ U}). When Y is a solution, (Y, U) is a fixed
   * point and the iteration stays there. (SPORCO's {@code uinit} uses {@code (λ/ρ) sign(Y)}, which agrees on
   * the support of a solution but is 0 off it, where the true dual is up to λ/ρ in magnitude: from its own
   * result that start raises the objective for tens of iterations.)
   *
   * @param loop the workers
   * @param initial the starting code, already checked for shape
   * @param rho the initial ρ
   */
  abstract void start(ParallelLoop loop, SparseCode initial, double rho);

  /**
   * {@code U ← U / divisor} (the deferred AutoRho rescaling) and {@code F_k = DFT(Y_k − U_k)}; nothing when
   * {@code divisor} is 1 and the last {@link #update} prepared F already.
   *
   * @param loop the workers
   * @param divisor SPORCO's {@code rsf}, 1 when ρ did not change
   */
  abstract void transformAuxiliary(ParallelLoop loop, double divisor);

  /**
   * Per frequency: the Sherman–Morrison solve of {@code (D̂ᴴD̂ + ρI) X̂ = D̂ᴴŜ + ρ F}, as its correction
   * {@code g} ({@code X̂_k = F_k + conj(D̂_k) g}; F is kept), and the data term {@code ½‖Σ_k d_k * x_k − s‖²} at
   * X by Parseval.
   *
   * @param loop the workers
   * @param rho the penalty ρ
   * @return the data fidelity at X
   */
  abstract double solveX(ParallelLoop loop, double rho);

  /**
   * Per kernel: {@code X̂_k = F_k + conj(D̂_k) g}, X = IDFT(X̂), relaxation {@code AX = αX + (1 − α)Y}, the y-step
   * {@code Y = soft(AX + U, (λ/ρ) w_k)} (then {@code max(0, ·)} if non-negative), the u-step
   * {@code U += AX − Y}, the per-kernel sums {@code ‖X‖², ‖Y‖², ‖X − Y‖², ‖U‖², ‖Y − Y_prev‖², ‖X‖₁}, and, when
   * asked, the next iteration's {@code F_k = DFT(Y_k − U_k)}.
   *
   * @param loop the workers
   * @param alpha the relaxation α
   * @param lambdaOverRho λ/ρ
   * @param weights the ℓ1 weight of each kernel
   * @param nonNegative whether Y is projected on the non-negative orthant
   * @param sums receives one row of {@link #FIELDS} per kernel
   * @param prepareNext whether to compute the next F here ({@link #transformAuxiliary} computes it again if U
   *     is rescaled before the next iteration; pass false when there is none, or when a rescaling is likely)
   */
  abstract void update(ParallelLoop loop, double alpha, double lambdaOverRho, L1Weights weights,
      boolean nonNegative, PartialSums sums, boolean prepareNext);

  /**
   * The data term at Y, {@code ½‖Σ_k d_k * y_k − s‖²} by Parseval, and each kernel's {@code ‖Y_k‖₁}: the
   * objective of the code a solve returns (or of a warm start). Uses the spectrum buffer F as scratch (the next
   * iteration's {@link #transformAuxiliary} then recomputes it); Y and U are unchanged.
   *
   * @param loop the workers
   * @param sums receives {@link #Y1} per kernel
   * @return the data fidelity at Y
   */
  abstract double fidelityOfY(ParallelLoop loop, PartialSums sums);

  /**
   * The current Y.
   *
   * @return Y as a sparse code (its exact zeros dropped)
   */
  abstract SparseCode code();
}
