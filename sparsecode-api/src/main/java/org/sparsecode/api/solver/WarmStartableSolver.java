package org.sparsecode.api.solver;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;

/**
 * A solver that can start from a given code instead of zero (warm start): to refine a code after a small
 * change of the dictionary during learning, or to continue a solve.
 *
 * <p>Laws: {@code solve(d, s, null, l)} equals {@code solve(d, s, l)}; the initial code must have the
 * dictionary's kernel count and the image's size, otherwise {@link IllegalArgumentException}; starting
 * from a solver's own returned code does not increase its objective.
 */
public interface WarmStartableSolver extends SparseSolver {

  /**
   * Solves, starting from an initial code.
   *
   * @param dictionary the kernels
   * @param image a grey image at least as large as the kernels
   * @param initial the starting code ({@code count × height × width}), or {@code null} for zero
   * @param listener receives every iteration's statistics
   * @return the code and its iteration table
   * @throws IllegalArgumentException if the initial code's shape does not match
   * @throws SolverException if the iteration produces NaN or Inf
   */
  CodingResult solve(Dictionary dictionary, Image image, SparseCode initial, SolveListener listener);

  @Override
  default CodingResult solve(Dictionary dictionary, Image image, SolveListener listener) {
    return solve(dictionary, image, null, listener);
  }
}
