package org.sparsecode.core.solver.lca;

import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The arrays of one LCA solve and the passes of a step over them, in one precision. Variables: u the K
 * membrane-potential maps of {@code H × W}; F a spectrum buffer holding DFT(T(u)); the residual spectrum R̂;
 * the kernel spectra D̂ and the image spectrum Ŝ. Neither the code x = T(u) nor the drive's spectrum
 * {@code F_k + conj(D̂_k) R̂} is stored: each kernel's map is thresholded and transformed at once, each drive
 * formed and transformed back at once.
 *
 * <p>A step reads the large arrays (K spectra or K maps each) as few times as it can: {@link #drive} reads D̂
 * and F once; {@link #step} reads D̂ and F once more, reads and writes u once, and, when asked, thresholds the
 * new u and writes the next step's F. {@link #transformCode} (one more read of u) then only runs when F is
 * not already prepared.
 */
abstract class LcaState {
  /** Per-kernel fields filled by the passes. */
  static final int L1 = 0;
  static final int DU2 = 1;
  static final int U2 = 2;
  /** {@link #L1} of the next step's code, filled by {@link #step} when it prepares F. */
  static final int NEXT_L1 = 3;
  static final int FIELDS = 4;

  /**
   * Per kernel: {@code a_k = T(u_k)}, {@code F_k = DFT(a_k)} and the sum {@code ‖a_k‖₁}; when the last
   * {@link #step} prepared them already, only its {@link #NEXT_L1} sums are moved to {@link #L1}.
   *
   * @param loop the workers
   * @param threshold the threshold function
   * @param sums receives {@link #L1} per kernel
   */
  abstract void transformCode(ParallelLoop loop, Threshold threshold, Sums sums);

  /**
   * Per frequency: the residual spectrum {@code R̂ = Ŝ − Σ_k D̂_k F_k} (kept for {@link #step}, which forms
   * {@code F_k + conj(D̂_k) R̂}, the spectrum of {@code Dᵀ(s − D a) + a}), and the data term
   * {@code ½‖Σ_k d_k * a_k − s‖²} by Parseval.
   *
   * @param loop the workers
   * @return the data fidelity at a = T(u)
   */
  abstract double drive(ParallelLoop loop);

  /**
   * Per kernel: {@code b_k = IDFT(F_k + conj(D̂_k) R̂)} and the step {@code u_k ← u_k + (b_k − u_k) / τ}, with
   * the sums {@code ‖Δu_k‖²} and {@code ‖u_k‖²} (new u); when asked, also the next step's
   * {@code F_k = DFT(T(u_k))} and its {@link #NEXT_L1}.
   *
   * @param loop the workers
   * @param step {@code 1/τ}
   * @param threshold the threshold function
   * @param sums receives {@link #DU2} and {@link #U2} per kernel (and {@link #NEXT_L1})
   * @param prepareNext whether to compute the next F here (false when no step follows)
   */
  abstract void step(ParallelLoop loop, double step, Threshold threshold, Sums sums, boolean prepareNext);

  /**
   * Sets u from an initial code x so that {@code T(u) = x} where the threshold allows it (see
   * {@link Threshold#inverse}); the zero code when {@code initial} is null.
   *
   * @param initial the code, of the solve's shape, or null
   * @param threshold the threshold function
   */
  abstract void start(SparseCode initial, Threshold threshold);

  /**
   * Completes a warm start, after {@link #start}, {@link #transformCode} and {@link #drive}: sets the
   * potential of every inactive coefficient ({@code T(u) = 0}) to its drive {@code (Dᵀ(s − D x))}, clipped
   * to {@code [−λ, λ]}. With {@link #start}'s {@code x + λ sign(x)} on the support, u is then exactly LCA's
   * fixed point when x solves CBPDN, and the first step's code is still x.
   *
   * @param loop the workers
   * @param threshold the threshold function
   */
  abstract void settle(ParallelLoop loop, Threshold threshold);

  /**
   * The current code.
   *
   * @param threshold the threshold function
   * @return T(u) as a sparse code
   */
  abstract SparseCode code(Threshold threshold);
}
