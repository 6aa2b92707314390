package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.engine.Engine;
import org.sparsecode.experiments.engine.EngineOptions;
import org.sparsecode.experiments.engine.EngineOutcome;
import org.sparsecode.experiments.engine.Engines;
import org.sparsecode.experiments.encode.TrainingStage;
import org.sparsecode.experiments.report.RunReport;
import org.sparsecode.experiments.results.Comparison;
import org.sparsecode.experiments.results.OutputPath;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.LogProgress;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.TerminalProgress;
import org.sparsecode.experiments.sweep.SweepProgress;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sparsecode run FILE.yaml}: runs an experiment (every variant) and writes its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs an experiment file and writes results.json, metrics.csv, dictionary.npy and "
        + "config.yaml (for each variant in DIR/<variant>/, plus comparison.md, comparison.csv, summary.json).",
        "A directory holding a finished run is left untouched (exit 0) unless --force is given."})
final class RunCommand implements Callable<Integer> {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The experiment file.")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Output directory (default: runs/<name>-<yyyyMMdd-HHmmss>).")
  Path output;

  @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
      description = "Overrides a key (the value is YAML), in every variant; repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--force", description = "Start over even if DIR holds a finished run.")
  boolean force;

  @Option(names = "--threads", paramLabel = "N",
      description = "Worker threads for the solvers (default: the file's threads:, else the available processors;"
          + " with --engine spark, each task's, default 1).")
  Integer threads;

  @Option(names = "--parallel", paramLabel = "N",
      description = "For a sweep: how many cells run at once, the threads split evenly between them (default: as"
          + " many as the threads, the cells and the heap allow, one thread each).")
  Integer parallel;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = Engines.LOCAL,
      description = "Where to run: local (this JVM, the default) or spark (Apache Spark: embedded local[N], or the"
          + " cluster of --master; ./sparsecode builds it the first time it is asked for). Same numbers either way.")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "For --engine spark: the Spark master (default: local[N], N = the available processors).")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "For --engine spark: a Spark setting (e.g. spark.ui.enabled=true); repeatable.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(names = "--dry-run", description = "Load and validate, print the cells (name, axis values, hash of the"
      + " resolved configuration) and compute nothing.")
  boolean dryRun;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (threads != null && threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be >= 1, got " + threads);
    }
    Engine runner = Engines.find(engine);
    ExperimentPlan plan = Plans.load(file, overrides);
    if (dryRun) {
      CellTable.lines(plan).forEach(out::println);
      out.flush();
      return 0;
    }
    if (parallel != null && parallel < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--parallel must be >= 1, got " + parallel);
    }
    refuseNestedSweeps(plan);
    Path dir = OutputPath.check(output != null ? output
        : Path.of("runs", plan.name() + "-" + LocalDateTime.now().format(STAMP)));
    boolean terminal = System.console() != null;
    ProgressReporter progress = terminal ? new TerminalProgress(err) : new LogProgress(err);
    Interruption interruption = Interruption.install(dir, resumeCommand(dir), err);
    EngineOutcome ran;
    try {
      SweepProgress cells = plan.sweep().isPresent() ? new SweepProgress(err, terminal) : SweepProgress.NONE;
      ran = runner.run(plan, dir, new EngineOptions(threads, parallel, force, master, conf, overrides, progress,
          cells));
    } finally {
      interruption.remove();
    }
    if (ran.sweep() != null) {
      return SweepSummary.print(plan, ran.sweep(), out);
    }
    PlanRunner.Outcome outcome = ran.plan();
    if (outcome.comparison() != null) {
      out.print(outcome.comparison().markdown());
    } else if (Files.isRegularFile(outcome.directory().resolve(TrainingStage.SUMMARY))) {
      try {
        out.print(Files.readString(outcome.directory().resolve(TrainingStage.SUMMARY)));
      } catch (java.io.IOException e) {
        err.println("cannot read " + outcome.directory().resolve(TrainingStage.SUMMARY) + ": " + e.getMessage());
      }
    } else {
      new RunDirectory(outcome.directory()).results().ifPresent(r -> out.print(
          new Comparison(plan.name(), List.of(Comparison.Row.of(plan.name(), r))).markdown()));
    }
    if (outcome.alreadyComplete()) {
      out.println("already complete: " + outcome.directory());
    } else {
      out.println("results: " + outcome.directory());
    }
    Path report = outcome.directory().resolve(RunReport.FILE);
    if (Files.isRegularFile(report)) {
      out.println("report:  " + report + "  (open it in a browser: tables, plots, configuration)");
    }
    out.flush();
    return 0;
  }

  /** Refuses a part that holds a sweep: parts run as they are, and a sweep runs from its own file. */
  private static void refuseNestedSweeps(ExperimentPlan plan) {
    plan.parts().forEach((name, part) -> {
      if (part.sweep().isPresent()) {
        throw new ConfigError(plan.file() + ": part " + name + " (" + part.file() + ") holds a sweep: parts run as"
            + " they are; run the sweep from its own file");
      }
      refuseNestedSweeps(part);
    });
  }

  /** The command that resumes this run: the same file, directory and overrides (shell-quoted). */
  private List<String> resumeCommand(Path dir) {
    List<String> cmd = new ArrayList<>(List.of("./sparsecode", "run", quote(file.toString()), "--output",
        quote(dir.toString())));
    for (String o : overrides) {
      cmd.add("--set");
      cmd.add(quote(o));
    }
    if (threads != null) {
      cmd.add("--threads");
      cmd.add(threads.toString());
    }
    if (parallel != null) {
      cmd.add("--parallel");
      cmd.add(parallel.toString());
    }
    if (!Engines.LOCAL.equals(engine)) {
      cmd.add("--engine");
      cmd.add(quote(engine));
    }
    if (master != null) {
      cmd.add("--master");
      cmd.add(quote(master));
    }
    conf.forEach((k, v) -> {
      cmd.add("--conf");
      cmd.add(quote(k + "=" + v));
    });
    return cmd;
  }

  /** A word as a POSIX shell reads it back: quoted unless it holds only safe characters. */
  static String quote(String word) {
    if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=,+@%-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
