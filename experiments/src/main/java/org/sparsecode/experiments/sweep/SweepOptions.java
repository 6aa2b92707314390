package org.sparsecode.experiments.sweep;

import java.util.Objects;
import org.sparsecode.api.Checks;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * How to run a sweep: the command line's choices.
 *
 * @param threads the threads the whole sweep may use, at least 1; {@code null} for the file's {@code threads:}
 *     (else the available processors)
 * @param parallel how many cells run at once, at least 1; {@code null} for the default: as many as the threads,
 *     the cells to run and the heap allow. The threads are split evenly: each cell's solver gets {@code
 *     threads / parallel} of them (at least one)
 * @param force run every cell again, even those found complete
 * @param progress where information lines go (a cell's own lines are prefixed by its name)
 * @param cells where the progress of the cells goes
 */
public record SweepOptions(Integer threads, Integer parallel, boolean force, ProgressReporter progress,
    SweepProgress cells) {

  /** Validates. */
  public SweepOptions {
    if (threads != null) {
      Checks.atLeast("threads", threads, 1);
    }
    if (parallel != null) {
      Checks.atLeast("parallel", parallel, 1);
    }
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(cells, "cells");
  }

  /**
   * Defaults: the file's threads, the default split, no force, no progress.
   *
   * @return the options
   */
  public static SweepOptions defaults() {
    return new SweepOptions(null, null, false, ProgressReporter.NONE, SweepProgress.NONE);
  }
}
