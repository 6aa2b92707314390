package org.sparsecode.experiments.sweep;

import java.nio.file.Path;
import java.util.Objects;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.RunResult;

/**
 * What became of one cell of a sweep.
 *
 * @param cell the cell (name, variant, seed, axis values, resolved configuration, hash)
 * @param status {@link #COMPLETE} or {@link #FAILED}
 * @param seconds the cell's wall time: for a cell run now, the time it took; for a cell found complete, the sum of
 *     its recorded stages; for a failed cell, the time until it failed
 * @param result the cell's results, or {@code null} when it failed
 * @param error the failure's message, or {@code null} when it completed
 * @param directory the cell's run directory, {@code DIR/cells/<hash>/}
 * @param reused whether the cell was found complete and not run again
 */
public record CellOutcome(SweepCell cell, String status, double seconds, RunResult result, String error,
    Path directory, boolean reused) {
  /** The status of a cell that finished. */
  public static final String COMPLETE = "complete";
  /** The status of a cell that failed. */
  public static final String FAILED = "failed";

  /** Validates. */
  public CellOutcome {
    Objects.requireNonNull(cell, "cell");
    Objects.requireNonNull(directory, "directory");
    if (COMPLETE.equals(status)) {
      Objects.requireNonNull(result, "result");
    } else if (FAILED.equals(status)) {
      Objects.requireNonNull(error, "error");
    } else {
      throw new IllegalArgumentException("status must be complete or failed, got " + status);
    }
  }

  /**
   * Whether the cell failed.
   *
   * @return {@code true} for {@link #FAILED}
   */
  public boolean failed() {
    return FAILED.equals(status);
  }
}
