package org.sparsecode.api.solver;

import java.util.List;
import java.util.Objects;

/**
 * What a solver returns: the code and how it got there.
 *
 * @param code the sparse code (for ADMM the thresholded auxiliary variable Y, as SPORCO returns)
 * @param stats one row per iteration run
 * @param iterations the number of iterations run (atoms selected for greedy solvers)
 * @param converged whether the stopping test was met before the iteration limit
 */
public record CodingResult(SparseCode code, List<IterationStats> stats, int iterations, boolean converged) {

  /**
   * Validates and copies the statistics.
   *
   * @throws NullPointerException if the code or the statistics are null
   */
  public CodingResult {
    Objects.requireNonNull(code, "code");
    stats = List.copyOf(stats);
  }
}
