package org.sparsecode.api.solver;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Codes one grey image with a dictionary: finds maps {@code x_k} with {@code s ≈ Σ_k d_k * x_k}.
 *
 * <p>Laws: thread-safe (one instance serves concurrent solves); deterministic for fixed inputs and
 * settings; the returned code's objective is not above that of the zero code; a non-finite value
 * (NaN or Inf) stops the solve with a {@link SolverException} naming the iteration; the inputs are not
 * modified.
 */
@FunctionalInterface
public interface SparseSolver {

  /**
   * Solves.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @param listener receives every iteration's statistics
   * @return the code and its iteration table
   * @throws SolverException if the iteration produces NaN or Inf
   * @throws IllegalArgumentException if the image is not grey or smaller than the kernels
   */
  CodingResult solve(Dictionary dictionary, Image image, SolveListener listener);

  /**
   * Solves without a listener.
   *
   * @param dictionary the kernels
   * @param image a grey image
   * @return the code and its iteration table
   */
  default CodingResult solve(Dictionary dictionary, Image image) {
    return solve(dictionary, image, SolveListener.NONE);
  }

  /**
   * The ℓ1 weight λ of the objective {@code ½‖Σ d_k * x_k − s‖² + λ‖x‖₁} this solver minimises.
   *
   * @return λ, or {@code NaN} for solvers without one (greedy pursuits)
   */
  default double lambda() {
    return Double.NaN;
  }
}
