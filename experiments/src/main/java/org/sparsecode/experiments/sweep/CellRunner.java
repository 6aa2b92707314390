package org.sparsecode.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunEngine;
import org.sparsecode.experiments.run.RunOptions;

/**
 * Runs one cell into a store and says what became of it: the function every engine of sweeps calls. The store
 * is a {@link RunDirectory}, on disk for a sweep's {@code DIR/cells/<hash>/}, or on an in-memory file system when
 * nothing is to be kept; the cell writes nothing anywhere else. A store that holds part of the same cell's run
 * (a killed run) is resumed: after its last coded image, or from its learning checkpoint.
 */
public final class CellRunner {
  private CellRunner() {}

  /**
   * Runs a cell.
   *
   * @param plan the sweep's plan (its file names configuration errors)
   * @param cell the cell
   * @param store where the cell's run writes
   * @param options threads, force and progress (the cell's name and values are added)
   * @return the outcome: complete with its results, or failed with the error's message
   */
  public static CellOutcome run(ExperimentPlan plan, SweepCell cell, RunDirectory store, RunOptions options) {
    return run(plan, cell, store, options, null);
  }

  /**
   * As {@link #run(ExperimentPlan, SweepCell, RunDirectory, RunOptions)}, coding with a dictionary made
   * elsewhere (where a run spread over machines is driven).
   *
   * @param plan the sweep's plan
   * @param cell the cell
   * @param store where it runs
   * @param options threads, force and progress
   * @param dictionary the dictionary, or {@code null} to generate it from the cell's configuration
   * @return what became of the cell
   */
  public static CellOutcome run(ExperimentPlan plan, SweepCell cell, RunDirectory store, RunOptions options,
      Dictionary dictionary) {
    RunOptions named = withCell(options, cell);
    return run(cell, store, () -> PlanRunner.engine(plan, cell.config(), named, store, dictionary),
        options.force());
  }

  /**
   * The options of a cell's engine: the given ones with the cell's name and axis values, which its results.json
   * records.
   *
   * @param options threads, force and progress
   * @param cell the cell
   * @return the options
   */
  static RunOptions withCell(RunOptions options, SweepCell cell) {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("name", cell.name());
    block.put("values", cell.values());
    return new RunOptions(options.threads(), options.force(), options.progress(), block);
  }

  /**
   * Runs a cell with an engine already wired (and preflighted) for the store; any exception becomes a failed
   * outcome, whose message the store's {@value SweepRunner#ERROR_FILE} repeats for people looking into it.
   */
  static CellOutcome run(SweepCell cell, RunDirectory store, Supplier<RunEngine> engine, boolean force) {
    long start = System.nanoTime();
    try {
      if (force) {
        store.clearRunFiles();
      }
      RunEngine e = engine.get();
      store.create();
      RunResult r = e.run();
      Files.deleteIfExists(store.file(SweepRunner.ERROR_FILE));
      return new CellOutcome(cell, CellOutcome.COMPLETE, (System.nanoTime() - start) / 1e9, r, null, store.root(),
          false);
    } catch (RuntimeException | IOException | StackOverflowError e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      try {
        store.create();
        AtomicFiles.writeString(store.file(SweepRunner.ERROR_FILE), "cell " + cell.label() + "\n" + message + "\n");
      } catch (RuntimeException ignored) {
        // the outcome carries the error; the file is only for people looking into the store
      }
      return new CellOutcome(cell, CellOutcome.FAILED, (System.nanoTime() - start) / 1e9, null, message,
          store.root(), false);
    }
  }
}
