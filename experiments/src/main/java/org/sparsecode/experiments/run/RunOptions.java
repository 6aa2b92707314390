package org.sparsecode.experiments.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.Checks;

/**
 * How to run, as opposed to what to run (the configuration): the command line's choices.
 *
 * @param threads worker threads given to solvers ({@code PluginContext.threads}), at least 1; {@code null}
 *     for the configuration's {@code threads:}
 * @param force start over even where a finished run exists
 * @param progress where progress goes
 * @param cell for a sweep's cell, the {@code cell} block its results.json records (readable name and axis
 *     values); {@code null} otherwise
 */
public record RunOptions(Integer threads, boolean force, ProgressReporter progress, Map<String, Object> cell) {

  /** Validates. */
  public RunOptions {
    if (threads != null) {
      Checks.atLeast("threads", threads, 1);
    }
    Objects.requireNonNull(progress, "progress");
    cell = cell == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(cell));
  }

  /**
   * Options for a run that is not a sweep's cell.
   *
   * @param threads worker threads, or {@code null} for the configuration's
   * @param force start over even where a finished run exists
   * @param progress where progress goes
   */
  public RunOptions(Integer threads, boolean force, ProgressReporter progress) {
    this(threads, force, progress, null);
  }

  /**
   * Defaults: the configuration's threads, no force, no progress.
   *
   * @return the options
   */
  public static RunOptions defaults() {
    return new RunOptions(null, false, ProgressReporter.NONE);
  }
}
