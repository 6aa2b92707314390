package org.sparsecode.downstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.config.TrainingSettings;
import org.sparsecode.experiments.encode.CodeSet;
import org.sparsecode.experiments.encode.Encoder;
import org.sparsecode.experiments.encode.EncodingRunner;
import org.sparsecode.experiments.encode.TrainingStage;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunOptions;

/**
 * Runs an experiment file whose experiments train a network ({@code network:}): each experiment (each variant
 * into {@code DIR/<variant>/}) gets its inputs — the codes of its labelled set from the code cache (encoded first
 * when they are not there, as the encoding stage does), or the set's pixels — and trains {@code training.runs}
 * networks, seeds {@code seed}, {@code seed + 1}, …, each into {@code seed-<s>/} ({@link Trainer}). The variant's
 * {@code results.json} comes last; the file's analysis ({@link Analysis}: accuracy table, paired comparisons,
 * learning curves, confusion matrix) is written into {@code DIR} after every run.
 *
 * <p>A variant whose {@code results.json} is complete for the same configuration is skipped; one of another
 * configuration is refused without {@code --force} (which deletes its seeds' directories). A killed run resumes
 * each seed from its last epoch.
 */
public final class DownstreamStage implements TrainingStage {
  /** The file that marks a finished variant. */
  public static final String RESULTS = "training.json";

  /** Creates the stage (for {@link java.util.ServiceLoader}). */
  public DownstreamStage() {}

  @Override
  public PlanRunner.Outcome run(ExperimentPlan plan, RunOptions options, Path directory) {
    List<ExperimentConfig> configs = plan.experiments();
    List<Path> dirs = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      dirs.add(plan.hasVariants() ? directory.resolve(c.variant()) : directory);
    }
    if (!options.force()) {
      List<String> changed = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        Map<String, Object> r = results(dirs.get(i));
        if (r != null && !Json.sha256(configs.get(i).resolved()).equals(r.get("configSha256"))) {
          changed.add(dirs.get(i) + " holds a finished run of another configuration");
        }
      }
      if (!changed.isEmpty()) {
        throw new ConfigError(String.join("\n", changed) + "\nnothing was run; give --force to start over, or"
            + " --output another directory");
      }
    }
    int threads = options.threads() != null ? options.threads() : configs.get(0).threads();
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    List<Encoder> encoders = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      encoders.add(preflight(plan, c, threads, options));
    }
    List<String> ran = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Inputs cached = null;
    for (int i = 0; i < configs.size(); i++) {
      ExperimentConfig c = configs.get(i);
      Path dir = dirs.get(i);
      String label = c.variant() == null ? plan.name() : c.variant();
      Map<String, Object> done = results(dir);
      if (done != null && !options.force()) {
        options.progress().info((c.variant() == null ? "" : "variant " + label + ": ") + "already complete: " + dir);
        skipped.add(label);
        continue;
      }
      if (plan.hasVariants()) {
        options.progress().info("variant " + label + " (" + (i + 1) + "/" + configs.size() + ")");
      }
      if (options.force()) {
        clear(dir);
      }
      Inputs inputs = inputs(c, encoders.get(i), dir, directory, cached, options);
      cached = inputs;
      runOne(c, label, inputs, dir, options);
      ran.add(label);
    }
    Analysis.write(directory, plan.name(), plan.hasVariants() ? configs.stream().map(ExperimentConfig::variant)
        .toList() : List.of(), options.progress()::info);
    return new PlanRunner.Outcome(directory, ran, skipped, null);
  }

  /** A variant's samples, and what they are (the codes' directory, or "pixels"). */
  record Inputs(String source, SampleSource train, SampleSource test) {}

  private static Encoder preflight(ExperimentPlan plan, ExperimentConfig config, int threads, RunOptions options) {
    Encoder e = new Encoder(config, threads, options.progress());
    PlanRunner.checkIn(plan, config, e::preflight);
    return e;
  }

  private static Inputs inputs(ExperimentConfig config, Encoder encoder, Path dir, Path output, Inputs cached,
      RunOptions options) {
    NetworkSettings network = config.network();
    if (network.pixels()) {
      String source = "pixels:" + encoder.data().train().digest() + ":" + encoder.data().test().digest();
      if (cached != null && cached.source().equals(source)) {
        return cached;
      }
      return new Inputs(source, Samples.pixels(encoder.data().train()), Samples.pixels(encoder.data().test()));
    }
    Encoder.Outcome o = encoder.encode(EncodingRunner.cache(config, output));
    String source = o.directory().toString();
    if (cached != null && cached.source().equals(source)) {
      return cached;
    }
    CodeSet codes = CodeSet.open(o.directory());
    options.progress().info(String.format(Locale.ROOT, "codes: %s (%d coded now, %d reused); training reads their"
        + " shards as it goes", o.directory(), o.coded(), o.reused()));
    return new Inputs(source, CodeSplit.open(codes, "train"), CodeSplit.open(codes, "test"));
  }

  private static void runOne(ExperimentConfig config, String label, Inputs inputs, Path dir, RunOptions options) {
    NetworkSettings network = config.network();
    TrainingSettings training = config.training();
    String sha = Json.sha256(config.resolved());
    RunDirectory rd = new RunDirectory(dir);
    rd.create();
    rd.writeString(RunDirectory.CONFIG, "# resolved configuration of experiment " + config.name()
        + (config.variant() == null ? "" : ", variant " + config.variant()) + "\n# configSha256: " + sha + "\n"
        + Json.yaml(config.resolved()));
    options.progress().info(String.format(Locale.ROOT, "%s: %s, %d channels of %dx%d, %d train + %d test images,"
        + " ceil %s, %d epochs x %d runs", label, network.pixels() ? "pixels" : "codes", inputs.train().channels(),
        inputs.train().side(), inputs.train().side(), inputs.train().size(), inputs.test().size(), network.ceil(),
        training.epochs(), training.runs()));
    List<Map<String, Object>> runs = new ArrayList<>();
    double[] accuracies = new double[training.runs()];
    for (int r = 0; r < training.runs(); r++) {
      long seed = config.seed() + r;
      Trainer.Outcome o = new Trainer(inputs.train(), inputs.test(), network, training, seed,
          dir.resolve("seed-" + seed), line -> options.progress().info(label + ": " + line)).run();
      accuracies[r] = o.testAccuracy();
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("seed", seed);
      run.put("directory", "seed-" + seed);
      run.put("testAccuracy", o.testAccuracy());
      run.put("bestTestAccuracy", o.epochs().stream().mapToDouble(Trainer.Epoch::testAccuracy).max().orElse(0));
      run.put("testLoss", o.epochs().get(o.epochs().size() - 1).testLoss());
      run.put("secondsPerEpoch", o.epochs().stream().mapToDouble(Trainer.Epoch::seconds).average().orElse(0));
      run.put("resumedFrom", o.resumedFrom());
      runs.add(run);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", config.name());
    t.put("variant", config.variant());
    t.put("configSha256", sha);
    t.put("status", "complete");
    t.put("input", network.input());
    t.put("dictionary", network.pixels() ? null : config.resolved().get("dictionary"));
    t.put("ceil", network.ceil());
    t.put("inputs", inputs.source());
    t.put("channels", inputs.train().channels());
    t.put("side", inputs.train().side());
    t.put("train", inputs.train().size());
    t.put("test", inputs.test().size());
    t.put("classes", inputs.train().classes());
    t.put("network", config.resolved().get("network"));
    t.put("training", config.resolved().get("training"));
    double mean = 0;
    for (double a : accuracies) {
      mean += a / accuracies.length;
    }
    double var = 0;
    for (double a : accuracies) {
      var += (a - mean) * (a - mean);
    }
    Map<String, Object> acc = new LinkedHashMap<>();
    acc.put("mean", mean);
    acc.put("sd", accuracies.length > 1 ? Math.sqrt(var / (accuracies.length - 1)) : 0.0);
    acc.put("runs", accuracies.length);
    t.put("testAccuracy", acc);
    t.put("runs", runs);
    rd.writeString(RESULTS, Json.pretty(t));
    options.progress().info(String.format(Locale.ROOT, "%s: test accuracy %.4f%s", label, mean,
        accuracies.length > 1 ? String.format(Locale.ROOT, " +- %.4f over %d seeds", acc.get("sd"),
        accuracies.length) : ""));
  }

  /** A variant directory's finished results, or {@code null}. */
  static Map<String, Object> results(Path dir) {
    Path f = dir.resolve(RESULTS);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try {
      Map<String, Object> r = Json.parseObject(Files.readString(f), f.toString());
      return "complete".equals(r.get("status")) ? r : null;
    } catch (IOException | SparsecodeException e) {
      return null;
    }
  }

  private static void clear(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.startsWith("seed-") || n.equals(RESULTS)) {
          try (var w = Files.walk(p)) {
            for (Path q : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
              Files.delete(q);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new SparsecodeException("cannot clear " + dir + ": " + e.getMessage(), e);
    }
  }
}
