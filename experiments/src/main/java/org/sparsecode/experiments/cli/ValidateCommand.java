package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepAxis;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.encode.EncodingRunner;
import org.sparsecode.experiments.run.HeapEstimate;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunEngine;
import org.sparsecode.experiments.run.RunOptions;
import org.sparsecode.experiments.sweep.SweepOptions;
import org.sparsecode.experiments.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sparsecode validate FILE.yaml}: loads the file, binds and creates every variant's plugins (so that a
 * missing file or directory shows now, not an hour into a run) and prints a summary; runs nothing.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks an experiment file (every variant) without running it; prints OK and a summary.")
final class ValidateCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE.yaml", description = "The experiment file.")
  Path file;

  @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
      description = "Overrides a key (the value is YAML), in every variant; repeatable.")
  List<String> overrides = new ArrayList<>();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ExperimentPlan plan = Plans.load(file, overrides);
    if (plan.sweep().isPresent()) {
      Sweep sweep = plan.sweep().get();
      // every distinct cell is checked as run checks it (dictionary, heap, first image), then the first cell of
      // each variant is described, before anything is printed, as for a plain file
      int distinct = new SweepRunner(plan, SweepOptions.defaults()).check();
      Map<String, ExperimentConfig> firsts = new LinkedHashMap<>();
      sweep.cells().forEach(c -> firsts.putIfAbsent(String.valueOf(c.variant()), c.config()));
      List<String> lines = describe(new ExperimentPlan(plan.file(), plan.name(), List.copyOf(firsts.values()),
          plan.parts()), "    ");
      int cells = sweep.cells().size();
      long variants = sweep.cells().stream().map(SweepCell::variant).distinct().count();
      out.println("OK: " + file + ": experiment " + plan.name() + ", sweep of " + cells + " cell"
          + (cells == 1 ? "" : "s") + (plan.hasVariants() ? " (" + variants + " variants x " + cells / variants
          + " cells)" : "") + ", every one bound and validated"
          + (distinct < cells ? " (" + distinct + " distinct configurations)" : ""));
      for (SweepAxis axis : sweep.axes()) {
        out.println("  axis " + axis);
      }
      if (sweep.seeds() > 0) {
        out.println("  seeds: " + sweep.seeds() + " replicates of each cell");
      }
      out.println("  first cell" + (firsts.size() == 1 ? "" : " of each variant") + ":");
      lines.forEach(out::println);
      out.flush();
      return 0;
    }
    int n = plan.experiments().size();
    List<String> lines = describe(plan, "  ");
    out.println("OK: " + file + ": experiment " + plan.name()
        + (plan.hasVariants() ? ", " + n + " variant" + (n == 1 ? "" : "s") : ""));
    lines.forEach(out::println);
    out.flush();
    return 0;
  }

  /** The network and training settings of an experiment that trains, in a few words. */
  private static String networkLine(ExperimentConfig config) {
    var n = config.network();
    var t = config.training();
    return "network " + n.type() + " on " + n.input() + " (blocks " + n.blocks() + ", widths " + n.widths()
        + ", ceil " + n.ceil() + "), " + t.epochs() + " epochs of batch " + t.batch() + ", Adam " + t.learningRate()
        + " " + t.schedule() + ", weight decay " + t.weightDecay() + " (" + t.decay() + "), " + t.runs() + " run"
        + (t.runs() == 1 ? "" : "s");
  }

  /** One line per experiment of a plan (every plugin created), then each part's, indented under it. */
  private static List<String> describe(ExperimentPlan plan, String indent) {
    List<String> lines = new ArrayList<>();
    EncodingRunner encoding = EncodingRunner.encodes(plan) ? new EncodingRunner(plan, RunOptions.defaults()) : null;
    for (ExperimentConfig config : plan.experiments()) {
      if (encoding != null) {
        lines.add(indent + (config.variant() == null ? "" : config.variant() + ": ") + encoding.describe(config)
            + (config.trains() ? "; " + networkLine(config) : ""));
        continue;
      }
      RunEngine engine = PlanRunner.preflight(plan, config, RunOptions.defaults());
      StringBuilder sb = new StringBuilder(indent);
      if (config.variant() != null) {
        sb.append(config.variant()).append(": ");
      }
      sb.append(engine.images().size()).append(" images (").append(config.images().type()).append("), ");
      sb.append("dictionary ").append(config.dictionary().type());
      if (config.learning() != null) {
        sb.append(", learning ").append(config.learning().type());
      }
      if (config.solver() != null) {
        sb.append(", solver ").append(config.solver().type());
        double lambda = engine.solver().map(s -> s.lambda()).orElse(Double.NaN);
        if (!Double.isNaN(lambda)) {
          sb.append(" (lambda ").append(lambda).append(")");
        }
      }
      sb.append(", metrics ").append(config.metrics().stream().map(m -> m.type()).collect(Collectors.joining(", ")));
      sb.append(", seed ").append(config.seed()).append(", ").append(config.precision().yamlName());
      engine.heapPerImage().ifPresent(bytes -> sb.append(", about ").append(HeapEstimate.size(bytes))
          .append(" of heap per image"));
      lines.add(sb.toString());
    }
    plan.parts().forEach((name, part) -> {
      int n = part.experiments().size();
      lines.add(indent + "part " + name + ": " + part.file() + ": experiment " + part.name()
          + (part.hasVariants() ? ", " + n + " variant" + (n == 1 ? "" : "s") : ""));
      lines.addAll(describe(part, indent + "  "));
    });
    return lines;
  }
}
