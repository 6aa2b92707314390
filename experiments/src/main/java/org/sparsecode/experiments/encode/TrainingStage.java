package org.sparsecode.experiments.encode;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunOptions;

/**
 * The stage that trains a classifier on a labelled set ({@code network:} and {@code training:} blocks): it
 * lives in the downstream module (DeepLearning4J, out of the quickstart's build), found by {@link ServiceLoader}
 * ({@code META-INF/services/org.sparsecode.experiments.encode.TrainingStage}). The launcher builds that module
 * and adds it to the class path the first time a file with a {@code network:} block is run.
 */
public interface TrainingStage {
  /** The summary a training stage writes into the output directory, which {@code run} prints. */
  String SUMMARY = "downstream.md";

  /**
   * Encodes what the plan's experiments need (reusing the code cache) and trains their networks.
   *
   * @param plan a plan whose experiments train ({@link #trains(ExperimentPlan)})
   * @param options threads, force, progress
   * @param directory the output directory
   * @return what ran
   */
  PlanRunner.Outcome run(ExperimentPlan plan, RunOptions options, Path directory);

  /**
   * Whether a plan trains networks: its experiments have a {@code network:} block, all of them or none.
   *
   * @param plan the plan
   * @return {@code true} when they train
   * @throws ConfigError when some variants train and others do not
   */
  static boolean trains(ExperimentPlan plan) {
    long n = plan.experiments().stream().filter(ExperimentConfig::trains).count();
    if (n > 0 && n < plan.experiments().size()) {
      throw new ConfigError(plan.file() + ": some variants train a network (network:) and others do not: every"
          + " variant of a file must do the same; put them in two files");
    }
    return n > 0;
  }

  /**
   * The training stage on the class path.
   *
   * @param plan the plan that needs it, for the message
   * @return the stage
   * @throws ConfigError when the downstream module is not on the class path, saying how to get it
   */
  static TrainingStage require(ExperimentPlan plan) {
    for (TrainingStage s : ServiceLoader.load(TrainingStage.class, TrainingStage.class.getClassLoader())) {
      return s;
    }
    throw new ConfigError(plan.file() + ": network: trains a network with the downstream module"
        + " (sparsecode-downstream, DeepLearning4J), which is not on the class path: run the file through"
        + " ./sparsecode, which builds that module the first time a file with a network: block is run and adds"
        + " it (or put sparsecode-downstream/target/classes and target/lib/* on the class path)");
  }
}
