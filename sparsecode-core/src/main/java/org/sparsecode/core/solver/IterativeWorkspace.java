package org.sparsecode.core.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;

/**
 * The state of one solve of an iterative solver, advanced one iteration at a time ({@code cbpdn-admm},
 * {@code fista}/{@code ista}, {@code lca}): it counts the iterations, keeps the outcome of the last stopping
 * test, and runs the solve loop that every such solver's {@code solve} is. Benchmarks time {@link #iterate()}
 * alone. Not thread-safe; close it to stop its worker threads.
 */
public abstract class IterativeWorkspace implements AutoCloseable {
  private int iteration;
  private boolean converged;
  /** The iteration limit of the running {@link #run}, or none. */
  private int limit = Integer.MAX_VALUE;

  /** For the solvers' workspaces. */
  protected IterativeWorkspace() {}

  /**
   * Runs one iteration and records whether the stopping test was met (with {@link #endIteration}).
   * Iterations may go on past the settings' limit.
   *
   * @return the iteration's statistics row
   * @throws org.sparsecode.api.solver.SolverException if a value is NaN or infinite, or the objective
   *     explodes (see {@link DivergenceGuard})
   */
  public abstract IterationStats iterate();

  /**
   * The current code.
   *
   * @return the code as a sparse code
   */
  public abstract SparseCode code();

  /**
   * Refuses the code {@link #run} is about to return if its objective is NaN, infinite or exploded (see
   * {@link DivergenceGuard#checkResult}); called once, after the last iteration. It changes neither the code
   * nor the statistics.
   *
   * @throws org.sparsecode.api.solver.SolverException naming the last iteration and the setting to change
   */
  protected abstract void checkResult();

  /** Stops the worker threads. */
  @Override
  public abstract void close();

  /**
   * Whether the iteration now running is the last one {@link #run} allows (a workspace may then skip work
   * done only for the next iteration). Always false outside {@link #run}: a caller of {@link #iterate} may go
   * on.
   *
   * @return true during the last iteration of {@link #run}'s limit
   */
  protected final boolean lastIteration() {
    return iteration + 1 >= limit;
  }

  /**
   * Ends an iteration: counts it and records the outcome of its stopping test.
   *
   * @param met whether the stopping test was met
   */
  protected final void endIteration(boolean met) {
    converged = met;
    iteration++;
  }

  /**
   * Iterations run so far.
   *
   * @return the count
   */
  public final int iterations() {
    return iteration;
  }

  /**
   * Whether the last iteration met the solver's stopping test.
   *
   * @return true once the stopping test was met
   */
  public final boolean converged() {
    return converged;
  }

  /**
   * Iterates until the stopping test is met or {@code maxIterations} iterations have run, passing each
   * statistics row to the listener, checks the code it ends with ({@link #checkResult}), then closes this
   * workspace.
   *
   * @param maxIterations the iteration limit
   * @param capacity the initial capacity of the statistics list
   * @param listener receives each row as it is computed
   * @return the code, the statistics rows, the iteration count and whether the stopping test was met
   * @throws org.sparsecode.api.solver.SolverException if an iteration's value is NaN or infinite, the
   *     objective explodes, or the code it ends with does (see {@link DivergenceGuard})
   */
  public final CodingResult run(int maxIterations, int capacity, SolveListener listener) {
    try {
      Objects.requireNonNull(listener, "listener");
      List<IterationStats> stats = new ArrayList<>(capacity);
      limit = maxIterations;
      while (iteration < maxIterations && !converged) {
        IterationStats row = iterate();
        stats.add(row);
        listener.onIteration(row);
      }
      checkResult();
      return new CodingResult(code(), stats, iteration, converged);
    } finally {
      close();
    }
  }
}
