package org.sparsecode.core.solver;

import java.util.Objects;
import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.WarmStartableSolver;

/**
 * What the solvers that work in the DFT domain ({@code cbpdn-admm}, {@code fista}/{@code ista}, {@code lca})
 * share: their validated settings, the precision of their arithmetic and their worker count. Each solve has
 * its own workspace (an {@link IterativeWorkspace}) and worker threads, so the solvers are thread-safe.
 *
 * @param <S> the settings record
 */
public abstract class FftSolver<S> implements WarmStartableSolver {
  /** The validated settings. */
  protected final S settings;
  /** float32 or float64 storage and FFTs. */
  protected final Precision precision;
  /** Worker threads per solve, at least 1. */
  protected final int threads;

  /**
   * Keeps the solver's configuration.
   *
   * @param settings the validated settings
   * @param precision float32 or float64 arithmetic
   * @param threads worker threads per solve, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  protected FftSolver(S settings, Precision precision, int threads) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.precision = Objects.requireNonNull(precision, "precision");
    this.threads = SolverInputs.threads(threads);
  }

  /**
   * The settings.
   *
   * @return the resolved settings
   */
  public S settings() {
    return settings;
  }
}
