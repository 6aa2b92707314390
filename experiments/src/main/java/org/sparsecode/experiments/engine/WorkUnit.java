package org.sparsecode.experiments.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunEngine;
import org.sparsecode.experiments.run.RunOptions;
import org.sparsecode.experiments.sweep.CellOutcome;
import org.sparsecode.experiments.sweep.CellRunner;

/**
 * One experiment to run into one directory, named so that it can travel: a sweep's cell by its hash, or a plan's
 * experiment (a variant, or a part's) by the SHA-256 of its resolved configuration and its variant name. Where it
 * runs, the same file is loaded again (with the same {@code --set} values) and the unit found in it: the
 * configuration, and everything that can change numbers with it, is the one the driver checked, or the unit
 * fails saying the file changed.
 *
 * <p>A unit never starts over: a directory that holds part of the same run (a task retried after its executor
 * was lost) is resumed, and one found complete is left as it is. The caller clears the directory first when the
 * run was asked to start over.
 *
 * @param kind a sweep's cell or a plan's experiment
 * @param key the cell's hash, or the experiment's configuration hash
 * @param variant the experiment's variant name ({@code null} for a file without variants, and for cells)
 * @param directory the absolute path of the unit's run directory
 * @param threads the worker threads of its solver
 * @param label how messages name it ({@code cell 'solver.lambda=0.1'}, {@code variant thin})
 * @param stage what of the experiment the unit runs
 * @param from for a block of the experiment's images ({@link ImageBlocks}), the first image's index; -1 otherwise
 * @param to for a block, the index after its last image; -1 otherwise
 * @param dictionary the dictionary made where the run is driven, to code (or, for a learner, to start) with
 *     rather than making it again; {@code null} to make it from the configuration where the unit runs
 */
public record WorkUnit(Kind kind, String key, String variant, String directory, int threads, String label,
    Stage stage, int from, int to, SharedDictionary dictionary) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What of its experiment a unit runs. */
  public enum Stage {
    /** All of it, into its directory (resuming what the directory holds). */
    WHOLE,
    /** Its learning stage only ({@link RunEngine#learn()}): the dictionary that its blocks then code with. */
    LEARN,
    /** A block of its images ({@link RunEngine#codeBlock()}), into a directory of its own. */
    BLOCK
  }

  /** What a unit is. */
  public enum Kind {
    /** A sweep's cell, run with {@link CellRunner}. */
    CELL,
    /** An experiment of a plan or of one of its parts. */
    EXPERIMENT
  }

  /** Validates. */
  public WorkUnit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(label, "label");
    Checks.atLeast("threads", threads, 1);
    Objects.requireNonNull(stage, "stage");
    if (stage == Stage.BLOCK) {
      Checks.atLeast("from", from, 0);
      Checks.atLeast("to", to, from + 1);
    } else if (from != -1 || to != -1) {
      throw new IllegalArgumentException("only a block has images from " + from + " to " + to);
    }
  }

  /**
   * A block of this unit's images, run into a directory of its own.
   *
   * @param blockDirectory where the block runs
   * @param first the first image's index
   * @param end the index after the last image
   * @return the block's unit
   */
  public WorkUnit block(Path blockDirectory, int first, int end) {
    return new WorkUnit(kind, key, variant, blockDirectory.toAbsolutePath().toString(), threads,
        label + " images " + (first + 1) + "-" + end, Stage.BLOCK, first, end, dictionary);
  }

  /**
   * This unit's learning stage, run into the unit's directory.
   *
   * @return the unit of the learning stage
   */
  public WorkUnit learning() {
    return new WorkUnit(kind, key, variant, directory, threads, label + " learning", Stage.LEARN, -1, -1,
        dictionary);
  }

  /**
   * This unit with a dictionary made where the run is driven.
   *
   * @param shared the dictionary, or {@code null} to make it where the unit runs
   * @return the unit
   */
  public WorkUnit with(SharedDictionary shared) {
    return new WorkUnit(kind, key, variant, directory, threads, label, stage, from, to, shared);
  }

  /**
   * Whether this unit is a block of an experiment's images.
   *
   * @return {@code true} for a block
   */
  public boolean isBlock() {
    return stage == Stage.BLOCK;
  }

  /**
   * A sweep's cell.
   *
   * @param cell the cell
   * @param directory its run directory
   * @param threads its solver's threads
   * @return the unit
   */
  public static WorkUnit cell(SweepCell cell, Path directory, int threads) {
    return new WorkUnit(Kind.CELL, cell.hash(), null, directory.toAbsolutePath().toString(), threads,
        "cell " + cell.label(), Stage.WHOLE, -1, -1, null);
  }

  /**
   * A plan's experiment.
   *
   * @param config the experiment
   * @param directory its run directory
   * @param threads its solver's threads
   * @param label how messages name it
   * @return the unit
   */
  public static WorkUnit experiment(ExperimentConfig config, Path directory, int threads, String label) {
    return new WorkUnit(Kind.EXPERIMENT, Json.sha256(config.resolved()), config.variant(),
        directory.toAbsolutePath().toString(), threads, label, Stage.WHOLE, -1, -1, null);
  }

  /**
   * Runs the unit where it is (an executor): finds it in the plan, runs it into its directory and records a
   * failure rather than throwing.
   *
   * @param root the plan loaded from the same file with the same {@code --set} values as on the driver
   * @param progress where its progress goes
   * @return what became of it
   */
  public WorkResult run(ExperimentPlan root, ProgressReporter progress) {
    long start = System.nanoTime();
    RunDirectory dir = new RunDirectory(Path.of(directory));
    RunOptions options = new RunOptions(threads, false, progress);
    Dictionary given = dictionary == null ? null : dictionary.dictionary();
    Map.Entry<ExperimentPlan, ExperimentConfig> found = locate(root);
    if (found == null) {
      return changed(root, start);
    }
    return switch (stage) {
      case BLOCK -> runStage(dir, start,
          () -> ImageBlocks.engine(found.getKey(), found.getValue(), options, dir, from, to, given),
          RunEngine::codeBlock);
      case LEARN -> runStage(dir, start,
          () -> PlanRunner.engine(found.getKey(), found.getValue(), options, dir, given), RunEngine::learn);
      case WHOLE -> kind == Kind.CELL ? runCell(root, dir, options, given, start)
          : runStage(dir, start, () -> PlanRunner.engine(found.getKey(), found.getValue(), options, dir, given),
              RunEngine::run);
    };
  }

  /** Runs a sweep's cell with {@link CellRunner} (left as it is when complete). */
  private WorkResult runCell(ExperimentPlan root, RunDirectory dir, RunOptions options, Dictionary given,
      long start) {
    SweepCell cell = root.sweep().flatMap(s -> s.cells().stream().filter(c -> c.hash().equals(key)).findFirst())
        .orElseThrow();
    if (dir.isComplete()) {
      return WorkResult.complete(seconds(start));
    }
    CellOutcome o = CellRunner.run(root, cell, dir, options, given);
    return o.failed() ? WorkResult.failed(o.seconds(), o.error(), false) : WorkResult.complete(o.seconds());
  }

  /**
   * Runs a stage with the engine the factory wires, unless the directory is complete; a failure becomes the
   * result.
   */
  private static WorkResult runStage(RunDirectory dir, long start, Supplier<RunEngine> engine,
      Consumer<RunEngine> stage) {
    try {
      if (!dir.isComplete()) {
        RunEngine e = engine.get();
        dir.create();
        stage.accept(e);
      }
      return WorkResult.complete(seconds(start));
    } catch (ConfigError | ConfigException e) {
      return WorkResult.failed(seconds(start), message(e), true);
    } catch (RuntimeException | StackOverflowError e) {
      return WorkResult.failed(seconds(start), message(e), false);
    }
  }

  /**
   * The experiment this unit runs, found in the plan: a cell's configuration, or an experiment of the plan or of
   * one of its parts.
   *
   * @param root the plan
   * @return the plan that holds it and the experiment, or {@code null} when the plan holds no such unit
   */
  public Map.Entry<ExperimentPlan, ExperimentConfig> locate(ExperimentPlan root) {
    if (kind == Kind.CELL) {
      return root.sweep().flatMap(s -> s.cells().stream().filter(c -> c.hash().equals(key)).findFirst())
          .map(c -> Map.entry(root, c.config())).orElse(null);
    }
    return find(root);
  }

  /** The experiment of this unit in the plan or its parts (depth first), or {@code null}. */
  private Map.Entry<ExperimentPlan, ExperimentConfig> find(ExperimentPlan plan) {
    for (ExperimentConfig c : plan.experiments()) {
      if (Objects.equals(c.variant(), variant) && key.equals(Json.sha256(c.resolved()))) {
        return Map.entry(plan, c);
      }
    }
    for (ExperimentPlan part : plan.parts().values()) {
      Map.Entry<ExperimentPlan, ExperimentConfig> f = find(part);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private WorkResult changed(ExperimentPlan root, long start) {
    return WorkResult.failed(seconds(start), root.file() + " no longer holds " + label + " (configuration "
        + key.substring(0, Math.min(12, key.length())) + "): the file or a file it includes changed after the run"
        + " started, or this executor sees another copy of it; run again", true);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
