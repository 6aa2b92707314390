package org.sparsecode.core.solver.mp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.WarmStartableSolver;
import org.sparsecode.core.fft.ParallelLoop;
import org.sparsecode.core.solver.SolverInputs;

/**
 * What {@link MatchingPursuit} and {@link OrthogonalMatchingPursuit} share: the settings, the worker count, the
 * cache of kernel cross-correlation tables, and the greedy loop with its stopping rules — stop (converged) when
 * {@code ‖r‖² ≤ residualFraction · ‖s‖²}, when the next coefficient is 0 or below {@code minCoefficient}, or when
 * the step can add no atom; stop (not converged) after {@code maxAtoms} atoms.
 */
abstract class Pursuit implements WarmStartableSolver {
  final PursuitSettings settings;
  final int threads;
  final GramCache grams = new GramCache();

  Pursuit(PursuitSettings settings, int threads) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.threads = SolverInputs.threads(threads);
  }

  /**
   * The settings.
   *
   * @return the resolved settings
   */
  public PursuitSettings settings() {
    return settings;
  }

  /** Prepares one solve (the subclass's public {@code workspace}). */
  abstract Steps open(Dictionary dictionary, Image image, SparseCode initial);

  @Override
  public CodingResult solve(Dictionary dictionary, Image image, SparseCode initial, SolveListener listener) {
    Objects.requireNonNull(listener, "listener");
    try (Steps w = open(dictionary, image, initial)) {
      List<IterationStats> stats = new ArrayList<>();
      boolean converged = false;
      while (true) {
        if (w.normSq() <= settings.residualFraction() * w.signalNormSq()) {
          converged = true;
          break;
        }
        if (w.atoms() >= settings.maxAtoms()) {
          break;
        }
        double next = w.nextMagnitude();
        if (next == 0 || next < settings.minCoefficient()) {
          converged = true;
          break;
        }
        double energy = w.advance();
        if (Double.isNaN(energy)) {
          converged = true;
          break;
        }
        IterationStats row = Pursuits.stats(w.atoms() - 1, energy, w.started());
        stats.add(row);
        listener.onIteration(row);
      }
      return new CodingResult(w.code(), stats, w.atoms(), converged);
    }
  }

  /**
   * One solve's state as the greedy loop sees it, with the accessors both pursuits' public {@code Workspace}
   * (which extends it) share.
   */
  abstract static class Steps implements AutoCloseable {
    /** The residual, its energy and the correlation map. */
    abstract PursuitState state();

    /** The solve's worker threads. */
    abstract ParallelLoop loop();

    /** Atoms selected by this solve. */
    abstract int atoms();

    /**
     * The magnitude of the next atom's coefficient.
     *
     * @return {@code max |corr|}
     */
    public double nextMagnitude() {
      return Math.abs(state().value(state().best()));
    }

    /**
     * {@code ‖r‖²}, maintained incrementally.
     *
     * @return the residual energy
     */
    public double normSq() {
      return state().normSq();
    }

    /**
     * {@code ‖s‖²}.
     *
     * @return the signal energy
     */
    public double signalNormSq() {
      return state().signalNormSq();
    }

    /**
     * A copy of the residual.
     *
     * @return {@code H × W} values
     */
    public double[] residual() {
      return state().residual().clone();
    }

    /** Selects one atom; the residual energy after it, for the statistics, or NaN if no atom could be added. */
    abstract double advance();

    /** {@link System#nanoTime()} when the solve's preparation ended. */
    abstract long started();

    /** The code so far, for the dictionary as given. */
    abstract SparseCode code();

    /** Stops the worker threads. */
    @Override
    public void close() {
      loop().close();
    }
  }
}
