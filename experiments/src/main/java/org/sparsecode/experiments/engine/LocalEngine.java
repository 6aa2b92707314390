package org.sparsecode.experiments.engine;

import java.nio.file.Path;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunOptions;
import org.sparsecode.experiments.sweep.SweepOptions;
import org.sparsecode.experiments.sweep.SweepRunner;

/**
 * The default engine: runs in this JVM, a sweep's cells on a pool of threads ({@link SweepRunner}), a plain
 * file's variants one after the other ({@link PlanRunner}).
 */
public final class LocalEngine implements Engine {
  /** Creates the engine (for {@link java.util.ServiceLoader}). */
  public LocalEngine() {}

  @Override
  public String name() {
    return Engines.LOCAL;
  }

  @Override
  public String description() {
    return "this JVM (the default): a sweep's cells on a pool of threads, a file's variants one after the other";
  }

  @Override
  public EngineOutcome run(ExperimentPlan plan, Path directory, EngineOptions options) {
    if (options.master() != null) {
      throw new ConfigError("--master " + options.master() + ": the local engine has no master; --master is for"
          + " --engine spark");
    }
    if (!options.settings().isEmpty()) {
      throw new ConfigError("--conf " + options.settings().keySet().iterator().next() + ": the local engine has no"
          + " settings; --conf is for --engine spark");
    }
    if (plan.sweep().isPresent()) {
      return EngineOutcome.of(new SweepRunner(plan, new SweepOptions(options.threads(), options.parallel(),
          options.force(), options.sweepLines(), options.cells())).run(directory));
    }
    return EngineOutcome.of(new PlanRunner(plan, new RunOptions(options.threads(), options.force(),
        options.progress())).run(directory));
  }
}
