package org.sparsecode.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.engine.Dispatcher;
import org.sparsecode.experiments.engine.ImageBlocks;
import org.sparsecode.experiments.engine.SharedDictionary;
import org.sparsecode.experiments.engine.WorkResult;
import org.sparsecode.experiments.engine.WorkUnit;
import org.sparsecode.experiments.encode.EncodingRunner;
import org.sparsecode.experiments.encode.TrainingStage;
import org.sparsecode.experiments.results.Comparison;
import org.sparsecode.experiments.results.ComparisonJson;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;

/**
 * Runs an {@link ExperimentPlan} into a directory: a file without variants into {@code DIR} itself; one
 * with variants into {@code DIR/<variant>/} each, then {@code DIR/comparison.csv}, {@code
 * DIR/comparison.md} (with links to the plots), {@code DIR/summary.json} and the plots {@code
 * DIR/psnr-vs-sparseness.png} and {@code DIR/seconds.png}, and {@code DIR/learning-objective.png} (one curve
 * per variant) when a variant learned.
 *
 * <p>Resumable: a directory holding a finished run ({@code results.json} with {@code "status":
 * "complete"}) is reported and left untouched; {@link RunOptions#force()} starts it over.
 */
public final class PlanRunner {
  private final ExperimentPlan plan;
  private final RunOptions options;
  /** The engines the preflight wired and checked, by experiment (shared with the parts' runners). */
  private final Map<ExperimentConfig, RunEngine> checked;
  /** Where the experiments run: {@code null} for this thread. */
  private final Dispatcher dispatcher;

  /**
   * Creates the runner.
   *
   * @param plan the loaded, validated experiment file
   * @param options threads, force, progress
   */
  public PlanRunner(ExperimentPlan plan, RunOptions options) {
    this(plan, options, new java.util.IdentityHashMap<>(), null);
  }

  private PlanRunner(ExperimentPlan plan, RunOptions options, Map<ExperimentConfig, RunEngine> checked,
      Dispatcher dispatcher) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.options = Objects.requireNonNull(options, "options");
    this.checked = checked;
    this.dispatcher = dispatcher;
  }

  /**
   * What a run did.
   *
   * @param directory the output directory
   * @param ran the experiments (variants) run now
   * @param skipped the experiments found complete and left untouched
   * @param comparison the comparison of the variants, or {@code null} for a file without variants
   */
  public record Outcome(Path directory, List<String> ran, List<String> skipped, Comparison comparison) {

    /**
     * Whether nothing had to run.
     *
     * @return {@code true} when every experiment was already complete
     */
    public boolean alreadyComplete() {
      return ran.isEmpty();
    }
  }

  /**
   * Runs.
   *
   * @param directory the output directory
   * @return what was run and skipped
   */
  public Outcome run(Path directory) {
    if (EncodingRunner.encodes(plan)) {
      if (dispatcher != null) {
        throw new ConfigError(plan.file() + ": encoding a labelled set (data:) runs on the local engine only: leave"
            + " out --engine");
      }
      if (TrainingStage.trains(plan)) {
        return TrainingStage.require(plan).run(plan, options, directory);
      }
      return new EncodingRunner(plan, options).run(directory);
    }
    RunDirectory root = new RunDirectory(directory);
    if (!options.force()) {
      List<String> changed = new ArrayList<>();
      changedRuns(plan, root, changed);
      if (!changed.isEmpty()) {
        throw new ConfigError(String.join("\n", changed) + "\nthe configuration differs from the finished run"
            + (changed.size() > 1 ? "s" : "") + " recorded there: nothing was run; give --force to start over,"
            + " or --output another directory");
      }
    }
    preflight(plan, root);
    return runChecked(root);
  }

  /**
   * Runs with a dispatcher: the checks (a finished run of another configuration, the preflight of every
   * experiment) and the comparison files stay here; each level's experiments to run (the parts' first, part
   * after part, then the plan's variants) go to the dispatcher together, as {@link WorkUnit}s with {@link
   * Dispatcher#threadsPerUnit()} threads each. With {@link RunOptions#force()} their directories are cleared here
   * first, so that a unit run again (a retried task) resumes rather than restarts.
   *
   * @param directory the output directory, which wherever the units run must see at the same path
   * @param dispatcher where the experiments run
   * @return what was run and skipped
   * @throws ConfigError when an experiment failed for its configuration
   * @throws SparsecodeException naming the experiments that failed while running, after all of them ended
   */
  public Outcome run(Path directory, Dispatcher dispatcher) {
    return new PlanRunner(plan, options, checked, Objects.requireNonNull(dispatcher, "dispatcher")).run(directory);
  }

  /**
   * Checks every experiment that will run (the plan's and its parts', skipping finished directories) before
   * the first one starts: a bad dictionary file, an image size that cannot fit in the heap or a first image
   * that cannot be coded then fails the whole command at once, with nothing computed.
   */
  private void preflight(ExperimentPlan p, RunDirectory root) {
    p.parts().forEach((name, part) -> preflight(part, root.child(name)));
    for (ExperimentConfig config : p.experiments()) {
      RunDirectory dir = p.hasVariants() ? root.child(config.variant()) : root;
      if (options.force() || !dir.isComplete()) {
        checked.put(config, preflight(p, config, options, dir));
      }
    }
  }

  /**
   * Wires one experiment and runs its {@link RunEngine#preflight()}, naming the plan's file and the variant in
   * an error.
   *
   * @param plan the plan
   * @param config one of its experiments
   * @param options threads and progress
   * @return the engine
   * @throws org.sparsecode.api.SparsecodeException naming the file, the variant and the problem
   */
  public static RunEngine preflight(ExperimentPlan plan, ExperimentConfig config, RunOptions options) {
    return preflight(plan, config, options, new RunDirectory(Path.of(".")));
  }

  private static RunEngine preflight(ExperimentPlan plan, ExperimentConfig config, RunOptions options,
      RunDirectory dir) {
    RunEngine engine = engine(plan, config, options, dir);
    checkIn(plan, config, engine::preflight);
    return engine;
  }

  /**
   * Runs an experiment's checks, naming the plan's file and the variant in an error: what every stage (a run,
   * the encoding, the downstream classifier) does before computing anything.
   *
   * @param plan the plan
   * @param config one of its experiments
   * @param checks the checks (a preflight)
   * @throws ConfigError for a configuration error, the message prefixed with the file and the variant
   * @throws org.sparsecode.api.SparsecodeException for any other error, prefixed likewise
   */
  public static void checkIn(ExperimentPlan plan, ExperimentConfig config, Runnable checks) {
    String where = plan.file() + ": " + (config.variant() == null ? "" : "variant " + config.variant() + ": ");
    try {
      checks.run();
    } catch (ConfigError | org.sparsecode.api.ConfigException e) {
      throw new ConfigError(where + e.getMessage(), e);
    } catch (org.sparsecode.api.SparsecodeException e) {
      throw new org.sparsecode.api.SparsecodeException(where + e.getMessage(), e);
    }
  }

  private Outcome runChecked(RunDirectory root) {
    List<String> ran = new java.util.ArrayList<>();
    List<String> skipped = new java.util.ArrayList<>();
    if (!plan.hasVariants()) {
      ExperimentConfig config = plan.experiments().get(0);
      String label = plan.name();
      runParts(root, ran, skipped);
      (runAll(List.of(config), List.of(root), List.of(label)).get(0) ? ran : skipped).add(label);
      return new Outcome(root.root(), ran, skipped, null);
    }
    if (options.force()) {
      root.clearRunFiles();
    }
    root.removeTemporaries();
    runParts(root, ran, skipped);
    int n = plan.experiments().size();
    List<RunDirectory> dirs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ExperimentConfig config = plan.experiments().get(i);
      dirs.add(root.child(config.variant()));
      labels.add("variant " + config.variant() + " (" + (i + 1) + "/" + n + ")");
    }
    List<Boolean> didRun = runAll(plan.experiments(), dirs, labels);
    for (int i = 0; i < n; i++) {
      (didRun.get(i) ? ran : skipped).add(plan.experiments().get(i).variant());
    }
    // a fully finished directory stays untouched; otherwise the comparison is (re)written from the results
    boolean write = !ran.isEmpty() || !java.nio.file.Files.isRegularFile(root.file(RunDirectory.SUMMARY));
    Comparison comparison = compare(root, write);
    if (write || !Files.isRegularFile(root.file(org.sparsecode.experiments.report.RunReport.FILE))) {
      org.sparsecode.experiments.report.PlanReport.write(root, plan.name(), plan.experiments().stream()
          .map(ExperimentConfig::variant).toList(), List.copyOf(plan.parts().keySet()),
          plan.file().toAbsolutePath().getParent(), options.progress());
    }
    return new Outcome(root.root(), ran, skipped, comparison);
  }

  /**
   * Runs the plan's parts first (the paper's part one comes before its part two), each into {@code
   * DIR/<part>/} as a plan of its own; their experiments are reported as {@code part/variant}.
   */
  private void runParts(RunDirectory root, List<String> ran, List<String> skipped) {
    int n = plan.parts().size();
    int i = 0;
    for (Map.Entry<String, ExperimentPlan> part : plan.parts().entrySet()) {
      i++;
      String name = part.getKey();
      options.progress().info("part " + name + " (" + i + "/" + n + "): " + part.getValue().file() + " into "
          + root.child(name).root());
      Outcome o = new PlanRunner(part.getValue(), options, checked, dispatcher).runChecked(root.child(name));
      String prefix = part.getValue().hasVariants() ? name + "/" : "";
      o.ran().forEach(r -> ran.add(prefix.isEmpty() ? name : prefix + r));
      o.skipped().forEach(r -> skipped.add(prefix.isEmpty() ? name : prefix + r));
    }
  }

  /**
   * Collects, for the plan and its parts, every directory that holds a finished run of another configuration
   * (its {@code configSha256} differs from the one asked for), with the keys that differ: such a rerun is
   * refused before anything runs, since keeping the old results would answer another question.
   */
  private static void changedRuns(ExperimentPlan plan, RunDirectory root, List<String> out) {
    plan.parts().forEach((name, part) -> changedRuns(part, root.child(name), out));
    for (ExperimentConfig config : plan.experiments()) {
      RunDirectory dir = plan.hasVariants() ? root.child(config.variant()) : root;
      if (!dir.isComplete()) {
        continue;
      }
      String sha = dir.results().map(RunResult::configSha256).orElse(null);
      if (sha == null || sha.equals(Json.sha256(config.resolved()))) {
        continue;
      }
      Map<String, Object> recorded = ConfigChanges.recorded(dir.file(RunDirectory.CONFIG));
      List<String> keys = recorded == null ? List.of() : ConfigChanges.between(recorded, config.resolved());
      StringBuilder sb = new StringBuilder(dir.root() + " holds a finished run of another configuration");
      if (keys.isEmpty()) {
        sb.append(" (its configSha256 differs)");
      } else {
        sb.append(": ").append(keys.size()).append(keys.size() == 1 ? " key differs" : " keys differ");
        keys.stream().limit(12).forEach(k -> sb.append("\n  ").append(k));
        if (keys.size() > 12) {
          sb.append("\n  ... and ").append(keys.size() - 12).append(" more");
        }
      }
      out.add(sb.toString());
    }
  }

  /**
   * Runs the experiments whose directories are not complete, one after the other here or all together with the
   * dispatcher; returns, for each, whether it ran.
   */
  private List<Boolean> runAll(List<ExperimentConfig> configs, List<RunDirectory> dirs, List<String> labels) {
    List<Boolean> didRun = new ArrayList<>();
    if (dispatcher == null) {
      for (int i = 0; i < configs.size(); i++) {
        didRun.add(runOne(configs.get(i), dirs.get(i), labels.get(i)));
      }
      return didRun;
    }
    List<WorkUnit> units = new ArrayList<>();
    List<String> unitLabels = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      ExperimentConfig config = configs.get(i);
      RunDirectory dir = dirs.get(i);
      String label = labels.get(i);
      if (dir.isComplete() && !options.force()) {
        dir.removeLeftovers();
        if (plan.hasVariants()) {
          options.progress().info(label + ": already complete: " + dir.root());
        }
        didRun.add(false);
        continue;
      }
      if (options.force()) {
        dir.clearRunFiles();
        ImageBlocks.clear(dir.root());
      }
      RunEngine checkedEngine = checked.remove(config);
      options.progress().info(label + ": coding " + (checkedEngine != null ? checkedEngine.images().size() + " "
          : "") + "images into " + dir.root());
      // the dictionary the preflight made travels with the experiment: no executor makes it again
      units.add(WorkUnit.experiment(config, dir.root(), dispatcher.threadsPerUnit(), label)
          .with(checkedEngine == null ? null : SharedDictionary.of(checkedEngine.dictionary())));
      unitLabels.add(label);
      didRun.add(true);
    }
    if (units.isEmpty()) {
      return didRun;
    }
    java.util.Set<Integer> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<WorkResult> results = dispatcher.run(units, i -> {
      if (reported.add(i)) {
        options.progress().info(unitLabels.get(i) + ": done");
      }
    });
    List<String> failed = new ArrayList<>();
    boolean config = false;
    for (int i = 0; i < units.size(); i++) {
      WorkResult r = results.get(i);
      if (r.complete() && reported.add(i)) {
        options.progress().info(unitLabels.get(i) + ": done");
      }
      if (!r.complete()) {
        failed.add(unitLabels.get(i) + ": " + r.error());
        config |= r.configError();
      }
    }
    if (!failed.isEmpty()) {
      String message = String.join("\n", failed);
      throw config ? new ConfigError(message) : new SparsecodeException(message);
    }
    return didRun;
  }

  /** Runs one experiment unless its directory is complete; returns whether it ran. */
  private boolean runOne(ExperimentConfig config, RunDirectory dir, String label) {
    if (dir.isComplete() && !options.force()) {
      dir.removeLeftovers();
      if (plan.hasVariants()) {
        options.progress().info(label + ": already complete: " + dir.root());
      }
      return false;
    }
    if (options.force()) {
      dir.clearRunFiles();
    }
    RunEngine engine = checked.containsKey(config) ? checked.remove(config) : engine(plan, config, options, dir);
    dir.create();
    options.progress().info(label + ": coding " + engine.images().size() + " images into " + dir.root());
    engine.run();
    return true;
  }

  /**
   * Wires one experiment of a plan, naming the plan's file in a configuration error that only shows when a
   * plugin is created (a missing dictionary file, say).
   *
   * @param plan the plan
   * @param config one of its experiments
   * @param options threads and progress
   * @param dir where the run writes (nothing is written here)
   * @return the engine, every plugin created
   * @throws ConfigError naming the file, the block and the problem
   */
  public static RunEngine engine(ExperimentPlan plan, ExperimentConfig config, RunOptions options,
      RunDirectory dir) {
    return engine(plan, config, options, dir, null);
  }

  /**
   * As {@link #engine(ExperimentPlan, ExperimentConfig, RunOptions, RunDirectory)}, coding (or starting to
   * learn) with a dictionary made elsewhere.
   *
   * @param plan the plan (its file names configuration errors)
   * @param config the experiment
   * @param options threads and progress
   * @param dir the run directory
   * @param dictionary the dictionary, or {@code null} to generate it from the configuration
   * @return the engine
   */
  public static RunEngine engine(ExperimentPlan plan, ExperimentConfig config, RunOptions options,
      RunDirectory dir, Dictionary dictionary) {
    try {
      return ExperimentModule.engine(config, options, dir, dictionary, null);
    } catch (ConfigError e) {
      throw new ConfigError(plan.file() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The Markdown links to the plots: the comparison plots drawn now, then each variant's dictionary and
   * first reconstruction where its directory holds them.
   */
  private String plotLinks(RunDirectory root, List<String> plots) {
    StringBuilder sb = new StringBuilder();
    for (String p : plots) {
      String alt = RunDirectory.PSNR_PLOT.equals(p) ? "PSNR vs sparseness, one point per image"
          : RunDirectory.LEARNING_OBJECTIVE_PNG.equals(p) ? "learning objective per step, one curve per variant"
          : StudyPlots.caption(p) != null ? StudyPlots.caption(p)
          : "solve time per image";
      sb.append("\n![").append(alt).append("](").append(p).append(")\n");
    }
    List<String> lines = new ArrayList<>();
    for (ExperimentConfig config : plan.experiments()) {
      RunDirectory dir = root.child(config.variant());
      List<String> links = new ArrayList<>();
      if (Files.isRegularFile(dir.file(RunDirectory.DICTIONARY_PNG))) {
        links.add("[dictionary](" + config.variant() + "/" + RunDirectory.DICTIONARY_PNG + ")");
      }
      if (Files.isRegularFile(dir.file(RunDirectory.ORIENTATION_PNG))) {
        links.add("[log-Gabor re-fit (θ, B_θ)](" + config.variant() + "/" + RunDirectory.ORIENTATION_PNG + ")");
      }
      links.addAll(StudyPlots.variantLinks(dir, config.variant()));
      try (var files = Files.newDirectoryStream(dir.root(), RunDirectory.RECONSTRUCTION_PREFIX + "*.png")) {
        for (Path f : files) {
          links.add("[" + f.getFileName().toString().replaceFirst("\\.png$", "") + "](" + config.variant() + "/"
              + f.getFileName() + ")");
        }
      } catch (IOException e) {
        // a directory that cannot be listed just gets no links; its results were read above
      }
      if (!links.isEmpty()) {
        lines.add("- " + config.variant() + ": " + String.join(", ", links));
      }
    }
    if (!lines.isEmpty()) {
      sb.append("\nPer variant:\n\n").append(String.join("\n", lines)).append('\n');
    }
    return sb.toString();
  }

  private Comparison compare(RunDirectory root, boolean write) {
    Map<String, RunResult> results = new LinkedHashMap<>();
    List<Comparison.Row> rows = new java.util.ArrayList<>();
    for (ExperimentConfig config : plan.experiments()) {
      RunResult r = root.child(config.variant()).results().orElseThrow();
      results.put(config.variant(), r);
      rows.add(Comparison.Row.of(config.variant(), r));
    }
    Comparison comparison = new Comparison(plan.name(), rows);
    if (!write) {
      return comparison;
    }
    root.writeString(RunDirectory.COMPARISON_CSV, comparison.csv());
    ComparisonJson.write(root, plan.name(), plan.experiments().get(0).seed(), results);
    List<String> plots = RunPlots.comparison(root, plan.name(), results, options.progress());
    root.writeString(RunDirectory.COMPARISON_MD, "# " + plan.name() + "\n\n" + comparison.markdown()
        + plotLinks(root, plots));
    root.writeString(RunDirectory.SUMMARY, Json.pretty(comparison.summaryTree(results)));
    return comparison;
  }
}
