package org.sparsecode.experiments.encode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.BuildInfo;
import org.sparsecode.experiments.results.Comparison;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.RunOptions;

/**
 * Runs an experiment file whose experiments encode a labelled set ({@code data:}): {@code sparsecode run} of such
 * a file comes here ({@link PlanRunner} hands it over). Each experiment (each variant into {@code DIR/<variant>/})
 * encodes into the code cache ({@link Encoder}) and writes into its run directory {@code config.yaml}, {@code
 * dictionary.npy}, {@value #ENCODING} (where the codes are, their form and size, what was coded now and what was
 * reused, per split the PSNR and sparseness) and, last, {@code results.json} (the output contract's, with no
 * per-image rows: the summary covers both splits' images). A file with variants also gets {@code comparison.md}
 * and {@code comparison.csv}.
 *
 * <p>The cache is {@code encoding.cache} when given, else {@code codes/} beside the output directory: runs under
 * one directory ({@code runs/}) share it, and a training stage finds the codes there under their key.
 *
 * <p>A run directory holding a finished run of the same configuration is left as it is; one of another
 * configuration is refused (as {@link PlanRunner} does) unless {@link RunOptions#force()}, which rewrites the run
 * directory but keeps the cache: codes are never recomputed while their key matches (remove
 * {@code CACHE/<sha256>/} to compute them again).
 */
public final class EncodingRunner {
  /** The file that says where an experiment's codes are. */
  public static final String ENCODING = "encoding.json";
  /** The cache's directory name beside the output directory. */
  public static final String CACHE = "codes";

  private final ExperimentPlan plan;
  private final RunOptions options;
  private final Map<ExperimentConfig, Encoder> encoders = new IdentityHashMap<>();

  /**
   * Creates the runner.
   *
   * @param plan a plan whose experiments encode ({@link #encodes(ExperimentPlan)})
   * @param options threads, force, progress
   */
  public EncodingRunner(ExperimentPlan plan, RunOptions options) {
    this.plan = plan;
    this.options = options;
  }

  /**
   * Whether a plan encodes labelled data (every experiment has a {@code data:} block; the loader refuses files
   * that mix), refusing a plan whose parts encode: encoding runs from a file of its own.
   *
   * @param plan the plan
   * @return {@code true} when its experiments encode
   * @throws ConfigError when one of its parts encodes
   */
  public static boolean encodes(ExperimentPlan plan) {
    plan.parts().forEach((name, part) -> {
      if (!part.experiments().isEmpty() && part.experiments().get(0).encodes() || hasEncodingPart(part)) {
        throw new ConfigError(plan.file() + ": part " + name + " (" + part.file() + ") encodes a labelled set"
            + " (data:): run it from its own file");
      }
    });
    return !plan.experiments().isEmpty() && plan.experiments().get(0).encodes();
  }

  private static boolean hasEncodingPart(ExperimentPlan plan) {
    return plan.parts().values().stream().anyMatch(p -> !p.experiments().isEmpty()
        && p.experiments().get(0).encodes() || hasEncodingPart(p));
  }

  /**
   * The cache directory of an experiment.
   *
   * @param config the experiment
   * @param output the output directory of the plan
   * @return {@code encoding.cache} resolved against the experiment file's directory, else {@code codes/} beside
   *     the output directory
   */
  public static Path cache(ExperimentConfig config, Path output) {
    if (config.encoding().cache() != null) {
      return config.context().resolve(config.encoding().cache()).toAbsolutePath();
    }
    Path parent = output.toAbsolutePath().normalize().getParent();
    return (parent == null ? output.toAbsolutePath() : parent).resolve(CACHE);
  }

  /**
   * Checks one experiment as {@code run} would before coding (the data's files, the dictionary, the sizes, the
   * heap) and describes it in one line, for {@code validate}.
   *
   * @param config an experiment that encodes
   * @return e.g. {@code fashion-mnist: 600 train + 300 test images (10 classes), coded at 56x56, stored 144 x
   *     28x28 float16 (220.5 KiB per image, 193.8 MiB in all), dictionary log-gabor, solver cbpdn-admm}
   */
  public String describe(ExperimentConfig config) {
    Encoder e = preflight(config);
    Layout l = e.layout();
    return String.format(Locale.ROOT, "%s: %d train + %d test images (%d classes), coded at %dx%d, stored %d x"
        + " %dx%d %s (%s per image, %s in all), dictionary %s, solver %s", config.data().type(), l.train(), l.test(),
        e.data().train().classes().size(), e.codedSide(), e.codedSide(), l.kernels(), l.size(), l.size(),
        l.dtype().yamlName(), bytes(l.bytesPerImage()), bytes(l.bytesPerImage() * (l.train() + l.test())),
        config.dictionary().type(), config.solver().type());
  }

  /**
   * Runs the plan into a directory.
   *
   * @param directory the output directory
   * @return what ran, with the comparison of the experiments (one row each)
   * @throws ConfigError when a configuration is at fault (nothing is computed)
   * @throws SparsecodeException when encoding fails
   */
  public PlanRunner.Outcome run(Path directory) {
    RunDirectory root = new RunDirectory(directory);
    List<ExperimentConfig> configs = plan.experiments();
    List<RunDirectory> dirs = new ArrayList<>();
    for (ExperimentConfig c : configs) {
      dirs.add(plan.hasVariants() ? root.child(c.variant()) : root);
    }
    if (!options.force()) {
      List<String> changed = new ArrayList<>();
      for (int i = 0; i < configs.size(); i++) {
        RunDirectory d = dirs.get(i);
        if (d.isComplete() && !Json.sha256(configs.get(i).resolved()).equals(d.results().map(
            RunResult::configSha256).orElse(null))) {
          changed.add(d.root() + " holds a finished run of another configuration");
        }
      }
      if (!changed.isEmpty()) {
        throw new ConfigError(String.join("\n", changed) + "\nnothing was run; give --force to start over, or"
            + " --output another directory");
      }
    }
    for (int i = 0; i < configs.size(); i++) {
      if (options.force() || !dirs.get(i).isComplete()) {
        preflight(configs.get(i));
      }
    }
    List<String> ran = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    List<Comparison.Row> rows = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      ExperimentConfig c = configs.get(i);
      RunDirectory d = dirs.get(i);
      String label = c.variant() == null ? plan.name() : c.variant();
      if (d.isComplete() && !options.force()) {
        d.removeLeftovers();
        options.progress().info((c.variant() == null ? "" : "variant " + label + ": ") + "already complete: "
            + d.root());
        skipped.add(label);
      } else {
        if (plan.hasVariants()) {
          options.progress().info("variant " + label + " (" + (i + 1) + "/" + configs.size() + ")");
        }
        runOne(c, d, directory);
        ran.add(label);
      }
      rows.add(row(label, d));
    }
    Comparison comparison = new Comparison(plan.name(), rows);
    if (plan.hasVariants() && (!ran.isEmpty() || !Files.isRegularFile(root.file(RunDirectory.COMPARISON_MD)))) {
      root.writeString(RunDirectory.COMPARISON_CSV, comparison.csv());
      root.writeString(RunDirectory.COMPARISON_MD, "# " + plan.name() + ": codes\n\nPSNR and sparseness of the codes"
          + " of the train and test images; \"images\" counts both splits.\n\n" + comparison.markdown());
    }
    return new PlanRunner.Outcome(root.root(), ran, skipped, comparison);
  }

  private Encoder preflight(ExperimentConfig config) {
    Encoder e = encoders.computeIfAbsent(config, c -> new Encoder(c, options.threads() != null ? options.threads()
        : c.threads(), options.progress()));
    PlanRunner.checkIn(plan, config, e::preflight);
    return e;
  }

  private void runOne(ExperimentConfig config, RunDirectory dir, Path output) {
    Encoder encoder = preflight(config);
    long start = System.nanoTime();
    String sha = Json.sha256(config.resolved());
    if (options.force()) {
      dir.clearRunFiles();
      try {
        Files.deleteIfExists(dir.file(ENCODING));
      } catch (java.io.IOException e) {
        throw new SparsecodeException("cannot delete " + dir.file(ENCODING) + ": " + e.getMessage(), e);
      }
    }
    dir.create();
    Provenance provenance = new Provenance(BuildInfo.version(), BuildInfo.gitCommit(),
        System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"), options.threads() != null ? options.threads() : config.threads(),
        Instant.now().toString(), null, config.precision().yamlName(), null, String.valueOf(config.resolved()
        .get("fft")));
    dir.writeString(RunDirectory.CONFIG, "# resolved configuration of experiment " + config.name()
        + (config.variant() == null ? "" : ", variant " + config.variant()) + " (sparsecode " + BuildInfo.version()
        + ")\n# configSha256: " + sha + "\n" + Json.yaml(config.resolved()));
    dir.writeDictionary(encoder.dictionary());
    Encoder.Outcome o = encoder.encode(cache(config, output));
    double total = (System.nanoTime() - start) / 1e9;
    dir.writeString(ENCODING, Json.pretty(encodingTree(config, encoder, o)));
    Map<String, Summary> summary = new LinkedHashMap<>();
    for (String column : Layout.STATS) {
      summary.put(column, o.summary(null, column));
    }
    Map<String, Object> dictionary = new LinkedHashMap<>();
    dictionary.put("type", config.dictionary().type());
    dictionary.put("kernels", encoder.dictionary().count());
    dictionary.put("size", encoder.dictionary().size());
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("encoding", o.seconds());
    stages.put("total", total);
    RunResult done = new RunResult(config.name(), config.variant(), config.seed(), sha,
        provenance.finished(Instant.now().toString(), o.key().sha256()), dictionary, solverTree(config), null,
        List.of(), summary, RunResult.COMPLETE, stages);
    // results.json last: a directory that holds it complete is left as it is by a rerun
    dir.writeString(RunDirectory.RESULTS, Json.pretty(ResultsJson.toTree(done)));
    options.progress().info(String.format(Locale.ROOT, "codes: %s (%d coded now, %d reused; train psnr %.2f dB,"
        + " sparseness %.4f)", o.directory(), o.coded(), o.reused(), o.summary("train", "psnr").mean(),
        o.summary("train", "sparseness").mean()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> solverTree(ExperimentConfig config) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("type", config.solver().type());
    Object block = config.resolved().get("solver");
    if (block instanceof Map<?, ?> m) {
      ((Map<String, Object>) m).forEach((k, v) -> {
        if (!"type".equals(k)) {
          tree.put(k, v);
        }
      });
    }
    return tree;
  }

  private static Map<String, Object> encodingTree(ExperimentConfig config, Encoder encoder, Encoder.Outcome o) {
    Layout l = o.layout();
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("codes", o.directory().toString());
    t.put("key", o.key().sha256());
    t.put("coded", o.coded());
    t.put("reused", o.reused());
    t.put("images", l.train() + l.test());
    t.put("seconds", o.seconds());
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("variable", CodeKey.VARIABLE);
    stored.put("kernels", l.kernels());
    stored.put("codedSize", encoder.codedSide());
    stored.put("size", l.size());
    stored.put("dtype", l.dtype().yamlName());
    stored.put("shard", l.shard());
    stored.put("bytesPerImage", l.bytesPerImage());
    stored.put("bytes", l.bytesPerImage() * (l.train() + l.test()));
    t.put("stored", stored);
    t.put("classes", encoder.data().train().classes());
    for (String split : Layout.SPLITS) {
      Map<String, Object> s = new LinkedHashMap<>();
      LabelledImages set = split.equals("train") ? encoder.data().train() : encoder.data().test();
      s.put("count", l.count(split));
      s.put("shards", l.shards(split));
      int[] perClass = new int[set.classes().size()];
      for (int label : set.labels()) {
        perClass[label]++;
      }
      s.put("perClass", perClass);
      s.put("digest", set.digest());
      for (String column : Layout.STATS) {
        s.put(column, ResultsJson.summary(o.summary(split, column)));
      }
      t.put(split, s);
    }
    t.put("configuration", o.key().tree());
    return t;
  }

  /** A comparison row from an experiment's {@value #ENCODING} and results. */
  private static Comparison.Row row(String label, RunDirectory d) {
    RunResult r = d.results().orElseThrow(() -> new SparsecodeException(d.root() + ": no results.json"));
    int images = 0;
    Path enc = d.file(ENCODING);
    if (Files.isRegularFile(enc)) {
      try {
        images = (int) Json.number(Json.parseObject(Files.readString(enc), enc.toString()).get("images"));
      } catch (java.io.IOException e) {
        throw new SparsecodeException("cannot read " + enc + ": " + e.getMessage(), e);
      }
    }
    Map<String, Object> dict = r.dictionary();
    return new Comparison.Row(label, String.valueOf(dict.get("type")), (int) Json.number(dict.get("kernels")),
        (int) Json.number(dict.get("size")), images, r.summary().getOrDefault("psnr", Summary.EMPTY),
        r.summary().getOrDefault("sparseness", Summary.EMPTY), r.summary().getOrDefault("seconds", Summary.EMPTY));
  }

  /** {@code 220.5 KiB}. */
  static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", n / (double) (1L << 30));
    }
    if (n >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
    }
    if (n >= 1L << 10) {
      return String.format(Locale.ROOT, "%.1f KiB", n / (double) (1L << 10));
    }
    return n + " B";
  }
}
