package org.sparsecode.experiments.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.Checks;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.sweep.SweepProgress;

/**
 * How to run, for an engine: the command line's choices.
 *
 * @param threads worker threads ({@code --threads}): for the local engine those of the whole run, for an engine
 *     that runs tasks elsewhere those of each task; {@code null} for the engine's default
 * @param parallel for a sweep on the local engine, how many cells run at once ({@code --parallel}); {@code null}
 *     for the default
 * @param force run everything again, even what is found complete
 * @param master the cluster to run on ({@code --master}), for engines that have one; {@code null} for the
 *     engine's default
 * @param settings the engine's own settings ({@code --conf KEY=VALUE}), in the order given
 * @param overrides the {@code --set} values the plan was loaded with, so that an engine that loads the file again
 *     elsewhere (on a cluster's executors) gets the same plan
 * @param progress where a plain plan's progress goes
 * @param cells where a sweep's progress goes (its information lines too)
 */
public record EngineOptions(Integer threads, Integer parallel, boolean force, String master,
    Map<String, String> settings, List<String> overrides, ProgressReporter progress, SweepProgress cells) {

  /** Validates and copies. */
  public EngineOptions {
    if (threads != null) {
      Checks.atLeast("threads", threads, 1);
    }
    if (parallel != null) {
      Checks.atLeast("parallel", parallel, 1);
    }
    settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cells, "cells");
  }

  /**
   * Defaults: the engine's threads and master, no force, no progress.
   *
   * @return the options
   */
  public static EngineOptions defaults() {
    return new EngineOptions(null, null, false, null, Map.of(), List.of(), ProgressReporter.NONE,
        SweepProgress.NONE);
  }

  /**
   * The information lines of a sweep, printed above its progress bar.
   *
   * @return a reporter whose {@link ProgressReporter#info} goes to {@link #cells()}
   */
  public ProgressReporter sweepLines() {
    SweepProgress c = cells;
    return new ProgressReporter() {
      @Override
      public void info(String line) {
        c.info(line);
      }
    };
  }
}
