package org.sparsecode.api.solver;

/** Receives each iteration's statistics while a solver runs (progress bars, logs, traces). */
@FunctionalInterface
public interface SolveListener {

  /** A listener that ignores everything. */
  SolveListener NONE = stats -> { };

  /**
   * Called once per iteration, in order, on the solving thread.
   *
   * @param stats the iteration's row
   */
  void onIteration(IterationStats stats);
}
