package org.sparsecode.experiments.engine;

import java.nio.file.Path;
import org.sparsecode.experiments.config.ExperimentPlan;

/**
 * Where an experiment file runs: {@code run --engine NAME}. An engine runs a whole plan, a plain file (its parts,
 * then its variants, then the comparison files) or a sweep (its parts, then every cell into {@code
 * DIR/cells/<hash>/}), into a directory, and gives back what the local runners give; it must write the same
 * files with the same numbers (timings and provenance aside) as the {@code local} engine.
 *
 * <p>Engines are found by {@link java.util.ServiceLoader} ({@code META-INF/services/} names the implementations;
 * see {@link Engines}). The checks (configuration errors, reuse of finished runs, preflight of every cell) and
 * the comparison files stay on the calling side ({@link org.sparsecode.experiments.run.PlanRunner#run(Path,
 * Dispatcher)}, {@link org.sparsecode.experiments.sweep.SweepRunner#run(Path, Dispatcher)}); an engine that
 * runs elsewhere only supplies a {@link Dispatcher} that runs independent {@link WorkUnit}s.
 */
public interface Engine {
  /**
   * The name {@code --engine} takes.
   *
   * @return a lower-case word
   */
  String name();

  /**
   * One line for {@code run --help} and error messages.
   *
   * @return the description
   */
  String description();

  /**
   * Runs a plan.
   *
   * @param plan the loaded, validated plan (with or without a sweep)
   * @param directory the output directory
   * @param options the command line's choices
   * @return what ran: a plan's outcome, or a sweep's
   * @throws org.sparsecode.experiments.config.ConfigError when the plan or an option cannot run on this engine
   *     (nothing is computed)
   * @throws org.sparsecode.api.SparsecodeException when running fails
   */
  EngineOutcome run(ExperimentPlan plan, Path directory, EngineOptions options);
}
