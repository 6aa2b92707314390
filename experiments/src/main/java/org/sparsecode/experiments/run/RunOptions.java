package org.sparsecode.experiments.run;

import java.util.Objects;
import org.sparsecode.api.Checks;

/**
 * How to run, as opposed to what to run (the configuration): the command line's choices.
 *
 * @param threads worker threads given to solvers ({@code PluginContext.threads}), at least 1; {@code null}
 *     for the configuration's {@code threads:}
 * @param force start over even where a finished run exists
 * @param progress where progress goes
 */
public record RunOptions(Integer threads, boolean force, ProgressReporter progress) {

  /** Validates. */
  public RunOptions {
    if (threads != null) {
      Checks.atLeast("threads", threads, 1);
    }
    Objects.requireNonNull(progress, "progress");
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
