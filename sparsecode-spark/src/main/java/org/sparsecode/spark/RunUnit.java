package org.sparsecode.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.engine.SharedDictionary;
import org.sparsecode.experiments.engine.WorkResult;
import org.sparsecode.experiments.engine.WorkUnit;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * A Spark task's body: loads the experiment file where the task runs (once per run and JVM), finds the unit in
 * it and runs it into its directory with the dictionary the driver broadcast. Only the file's path, the {@code
 * --set} values and the unit travel with the task; the configuration the unit runs is checked against the hash
 * the driver computed.
 */
final class RunUnit implements Function<RunUnit.Task, WorkResult> {
  private static final long serialVersionUID = 1L;
  /** The plan of the latest run in this JVM: the tasks of one run load the file once. */
  private static final AtomicReference<Loaded> LATEST = new AtomicReference<>();

  private final String run;
  private final String file;
  private final ArrayList<String> overrides;
  private final Broadcast<ArrayList<SharedDictionary>> dictionaries;

  /**
   * A unit as it travels, without its dictionary, which the broadcast carries.
   *
   * @param unit the unit
   * @param dictionary the index of its dictionary in the broadcast list, -1 for none
   */
  record Task(WorkUnit unit, int dictionary) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Creates the body.
   *
   * @param run an id of the run (a new one per run, so that a file edited between runs is loaded again)
   * @param file the experiment file's absolute path, as every executor sees it
   * @param overrides the {@code --set} values
   * @param dictionaries the units' dictionaries, made on the driver
   */
  RunUnit(String run, String file, List<String> overrides, Broadcast<ArrayList<SharedDictionary>> dictionaries) {
    this.run = Objects.requireNonNull(run, "run");
    this.file = Objects.requireNonNull(file, "file");
    this.overrides = new ArrayList<>(overrides);
    this.dictionaries = Objects.requireNonNull(dictionaries, "dictionaries");
  }

  private record Loaded(String run, ExperimentPlan plan) {}

  @Override
  public WorkResult call(Task task) {
    WorkUnit unit = task.dictionary() < 0 ? task.unit()
        : task.unit().with(dictionaries.value().get(task.dictionary()));
    ExperimentPlan plan;
    try {
      plan = plan();
    } catch (RuntimeException e) {
      return WorkResult.failed(0, file + " could not be loaded where the task ran (" + unit.label() + "): "
          + e.getMessage(), true);
    }
    return unit.run(plan, unit.kind() == WorkUnit.Kind.EXPERIMENT ? new ImageLines(unit.label())
        : ProgressReporter.NONE);
  }

  /**
   * A plan's experiment reports each coded image where its task runs: on the terminal with an embedded master,
   * in the executor's log on a cluster. A sweep's cells do not (the driver reports each finished cell).
   */
  private static final class ImageLines implements ProgressReporter {
    private final String label;

    ImageLines(String label) {
      this.label = label;
    }

    @Override
    public void imageDone(int index, int total, org.sparsecode.experiments.results.ImageResult result) {
      System.err.println(label + ": " + ProgressReporter.describe(index, total, result));
    }
  }

  private ExperimentPlan plan() {
    Loaded l = LATEST.get();
    if (l != null && l.run().equals(run)) {
      return l.plan();
    }
    synchronized (LATEST) {
      l = LATEST.get();
      if (l == null || !l.run().equals(run)) {
        l = new Loaded(run, new ConfigLoader(PluginRegistry.load()).load(Path.of(file), overrides));
        LATEST.set(l);
      }
      return l.plan();
    }
  }
}
