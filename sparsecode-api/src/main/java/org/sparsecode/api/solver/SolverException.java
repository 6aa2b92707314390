package org.sparsecode.api.solver;

import org.sparsecode.api.SparsecodeException;

/** A solver that cannot go on: a non-finite value at a given iteration, or a degenerate problem. */
public class SolverException extends SparsecodeException {
  private static final long serialVersionUID = 1L;

  private final int iteration;

  /**
   * Creates the exception.
   *
   * @param iteration the iteration at which the problem appeared (from 0), or -1 before the first
   * @param message what happened
   */
  public SolverException(int iteration, String message) {
    super(iteration >= 0 ? "iteration " + iteration + ": " + message : message);
    this.iteration = iteration;
  }

  /**
   * The iteration at which the solve stopped.
   *
   * @return from 0, or -1 before the first iteration
   */
  public int iteration() {
    return iteration;
  }
}
