package org.sparsecode.experiments.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * Loads an experiment YAML file into an {@link ExperimentPlan}.
 *
 * <p>The file is parsed into a tree that keeps the line and column of every key and value. Its
 * top-level keys are {@link #TOP_LEVEL_KEYS}; each plugin block ({@code images}, {@code dictionary},
 * {@code learning}, {@code solver}, each item of {@code metrics}) names its plugin with {@code type:},
 * looked up in the {@link PluginRegistry}, and the rest of the block is bound to that plugin's settings
 * record by {@link SettingsBinder}. Relative paths inside settings stay as written; plugins resolve them
 * against {@link ExperimentConfig#baseDirectory()}, the file's directory. YAML anchors, aliases and merge
 * keys ({@code <<: *defaults}) may share settings between blocks and variants; duplicate keys are errors.
 *
 * <p><b>Nested blocks.</b> A plugin block inside a block (a {@link org.sparsecode.api.PluginBlock} component of
 * the settings record, such as {@code learning.solver}) is bound the same way, by {@code NestedBlocks}, once the
 * enclosing record has accepted it: its errors are located and name the whole path.
 *
 * <p><b>Variants.</b> {@code variants:} maps a name ({@code [A-Za-z0-9_.-]+}, it becomes a directory name)
 * to an override tree that is deep-merged onto the rest of the file: maps merge key by key, lists and
 * scalars replace, and a map whose {@code type:} differs from the base's replaces the whole block (the
 * settings of one plugin mean nothing to another). A variant may override every top-level key but
 * {@code name}, {@code variants} and {@code sweep}. Every variant is validated before {@link #load}
 * returns.
 *
 * <p><b>Overrides.</b> {@code --set key.path=value} (the value parsed as YAML) is applied in the order
 * given, after the variant's overrides, to every variant (so {@code --set} wins over a variant). The
 * path's parent must exist ({@code --set learning.steps=3} needs a {@code learning:} block; {@code --set
 * learning={type: online-cdl, steps: 3}} adds one), list items are addressed as {@code metrics[1].type},
 * and a value replaces what was there (a map is not merged). Setting {@code type} switches the plugin; the
 * block's other keys must then be valid for the new one. An empty value ({@code --set solver.lambda=}) or
 * YAML's null is an error, as is a key written without a value in the file ({@code lambda:}): neither
 * silently means the default. Keys are then validated exactly as keys of the file are. In a
 * study of several experiments (variants, parts) a {@code --set} into a block that some of them lack
 * ({@code --set learning.steps=N} where only some variants learn) applies to those that have it; it is an
 * error only when none has it.
 *
 * <p><b>Parts.</b> {@code parts:} maps a part name (a directory name, distinct from the variants') to
 * another experiment file, relative to this one, loaded as its own plan with the same {@code --set}s and
 * run into {@code DIR/<part>/}: the paper's study ({@code experiments/paper/paper.yaml}) includes its
 * "part one" ({@code part-one.yaml}) so. The long form {@code { file: FILE, set: [key.path=value, ...] }}
 * also overrides keys of the part as {@code --set} would, before the command line's {@code --set}s (so
 * {@code paper-wallpapers.yaml} moves its part one to the same photographs); an error in such an item is
 * reported at the item, in the including file. A part may have parts; a cycle is an error.
 *
 * <p><b>Sweeps.</b> {@code sweep:} maps key paths to axes ({@code solver.lambda: [1e-3, 1e-2]}, a
 * {@code linspace}/{@code logspace} range, a {@code zip:} group, {@code seeds: N}); see {@link Sweep} for the
 * language and the order of the cells. Each variant expands into the sweep's cells, each bound like an
 * experiment; the plan's experiments are then the cells' ({@link ExperimentPlan#sweep()}). A {@code --set} on a
 * swept key is an error; {@code parts:} are not swept.
 *
 * <p><b>Limits.</b> A file holds at most {@link #MAX_FILE_BYTES} bytes of UTF-8; the YAML limits (aliases,
 * nesting, expanded size) are those of {@code YamlTrees}. Every number must be finite (see {@link SettingsBinder}).
 *
 * <p><b>Errors</b> are {@link ConfigError}s reading {@code FILE:LINE:COLUMN: key.path: problem}, located at
 * the offending key (unknown keys) or value (invalid values), else at the nearest enclosing block; for a
 * value that came from a variant the path is the variant's ({@code variants.full.dictionary.preset}),
 * for one that came from {@code --set} the message starts {@code --set key.path=value: }. A problem that
 * shows only in some variants ends with {@code (in variant 'name')}; one that every variant shares is
 * reported once, without it.
 *
 * <p><b>Parts of the loader.</b> This class reads the file and binds plugin blocks; the rest is delegated:
 * the top-level keys and header scalars to {@code TopLevelKeys}, variant expansion to {@code Variants}, the
 * key-path language to {@link KeyPath} and its overrides to {@code SetOverride}, {@code parts:} to
 * {@code Parts}, and the {@code FILE:LINE:COLUMN} of an error to {@code Locator}.
 */
public final class ConfigLoader {
  /** Every key allowed at the top of an experiment file, in documentation order. */
  public static final List<String> TOP_LEVEL_KEYS = TopLevelKeys.ALL;

  /** The metrics evaluated when the file has no {@code metrics:} key. */
  public static final List<String> DEFAULT_METRICS = List.of("psnr", "sparseness");

  /** The largest experiment file read, in bytes. */
  static final int MAX_FILE_BYTES = 1 << 20;

  private final PluginRegistry registry;


  /**
   * Creates a loader.
   *
   * @param registry where {@code type:} names are looked up
   */
  public ConfigLoader(PluginRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Every plugin of a registry with its role, description and settings keys with defaults: the text of
   * {@code sparsecode plugins}.
   *
   * @param registry the plugins to list
   * @return the listing, one block per role
   */
  public static String describePlugins(PluginRegistry registry) {
    return PluginCatalog.describe(registry);
  }

  /**
   * Loads, applies overrides, expands variants and validates every variant.
   *
   * @param file the YAML file
   * @param overrides {@code key.path=value} strings (values parsed as YAML), applied to every variant
   * @return the plan
   * @throws ConfigError on any problem, naming file:line:column and the key path
   */
  public ExperimentPlan load(Path file, List<String> overrides) {
    List<SetOverride> sets = new ArrayList<>();
    for (String text : overrides == null ? List.<String>of() : overrides) {
      if (text == null) {
        throw new ConfigError("--set: expected key.path=value, e.g. --set solver.lambda=5e-3");
      }
      sets.add(SetOverride.parse(text, null));
    }
    SetOverride.Study study = new SetOverride.Study();
    ExperimentPlan plan = load(file, sets, study, new ArrayList<>());
    study.check(sets);
    return plan;
  }

  private ExperimentPlan load(Path file, List<SetOverride> sets, SetOverride.Study study, List<Path> including) {
    String where = file.toString();
    Node root;
    try {
      root = YamlTrees.parse(readText(file, where), "", null);
    } catch (YamlTrees.SyntaxError e) {
      throw new ConfigError(where + ":" + e.line + ":" + e.column + ": "
          + (e.path == null ? "malformed YAML: " : e.path + ": ") + e.getMessage(), e);
    }
    Locator top = new Locator(where, root, null);
    if (root.isNull()) {
      throw new ConfigError(where + ":1:1: the file is empty; an experiment needs at least images:, "
          + "dictionary: and solver: (or learning:)");
    }
    if (!root.isMap()) {
      throw top.error("", "expected a map of top-level keys (" + String.join(", ", TOP_LEVEL_KEYS) + "), got "
          + root.describe(), false);
    }
    TopLevelKeys.check(root, top);
    Map<String, Node> baseEntries = new LinkedHashMap<>(root.entries());
    Node variants = baseEntries.remove("variants");
    Node partsNode = baseEntries.remove("parts");
    Node sweepNode = baseEntries.remove("sweep");
    SweepGrid grid = sweepNode == null ? null : SweepGrid.parse(sweepNode, where);
    Node base = root.withMap(baseEntries);
    String defaultName = defaultName(file);
    Path baseDirectory = file.toAbsolutePath().getParent();
    if (grid != null) {
      grid.checkSets(sets);
    }
    boolean plain = variants == null || variants.isNull();
    List<ExperimentConfig> experiments;
    Sweep sweep = null;
    if (grid == null) {
      BiFunction<Node, String, ExperimentConfig> build = (tree, variant) -> build(
          SetOverride.applyAll(tree, sets, variant, study), variant, defaultName, baseDirectory, where);
      experiments = plain ? List.of(build.apply(base, null)) : Variants.expand(top, base, variants, build);
    } else {
      BiFunction<Node, String, List<SweepCell>> expand = (tree, variant) -> grid.expand(tree, variant,
          t -> SetOverride.applyAll(t, sets, variant, study),
          (t, v) -> build(t, v, defaultName, baseDirectory, where));
      List<List<SweepCell>> perVariant = plain ? List.of(expand.apply(base, null))
          : Variants.expand(top, base, variants, expand);
      List<SweepCell> cells = perVariant.stream().flatMap(List::stream).toList();
      sweep = new Sweep(grid.axes(), grid.seeds(), cells);
      experiments = cells.stream().map(SweepCell::config).toList();
    }
    Encodings.checkPlan(top, experiments, sweepNode, partsNode);
    Map<String, ExperimentPlan> parts = Parts.resolve(top, partsNode, variants, file, sets, study, including,
        (part, partSets, stack) -> load(part, partSets, study, stack));
    return new ExperimentPlan(file, experiments.get(0).name(), List.copyOf(experiments), parts,
        Optional.ofNullable(sweep));
  }

  /**
   * The text of an experiment file: at most {@link #MAX_FILE_BYTES} bytes of UTF-8 (a leading byte-order mark
   * is dropped). Reads no more than the limit, so that a device or a huge file given by mistake fails fast.
   */
  private static String readText(Path file, String where) {
    if (Files.isDirectory(file)) {
      throw new ConfigError(where + ": is a directory, not an experiment file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new ConfigError(where + ": no such file", e);
    } catch (IOException e) {
      throw new ConfigError(where + ": cannot read the file: " + e.getMessage(), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ConfigError(where + ": the file is larger than " + MAX_FILE_BYTES + " bytes; an experiment file"
          + " is a few kilobytes of YAML (is it the right file?)");
    }
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      boolean utf16 = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
          || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
      throw new ConfigError(String.format(Locale.ROOT, "%s:%d:%d: the file is not UTF-8 text (byte 0x%02X)%s;"
          + " save it as UTF-8", where, line, offset - lineStart + 1, bytes[offset] & 0xFF,
          utf16 ? ": it starts with a UTF-16 byte-order mark" : ""));
    }
    out.flip();
    return out.toString();
  }

  private ExperimentConfig build(Node tree, String variant, String defaultName, Path baseDirectory,
      String where) {
    Locator at = new Locator(where, tree, variant);
    TopLevelKeys.Header h = TopLevelKeys.header(tree, at);
    String name = h.name() == null ? defaultName : h.name();
    PluginChoice<LabelledData> data = block(at, tree, "data", LabelledData.class, null);
    PluginChoice<ImageSource> images = block(at, tree, "images", ImageSource.class, data != null ? null
        : "is required (or a data: block, to encode a labelled set)");
    EncodingSettings encoding = Encodings.check(at, tree, data, images);
    Networks.Blocks network = Networks.check(at, tree, data);
    PluginChoice<KernelGenerator> dictionary = block(at, tree, "dictionary", KernelGenerator.class,
        "is required");
    PluginChoice<DictionaryLearner> learning = block(at, tree, "learning", DictionaryLearner.class, null);
    PluginChoice<SparseSolver> solver = block(at, tree, "solver", SparseSolver.class,
        learning == null ? "is required (it may be left out only when a learning: block is present)" : null);
    List<PluginChoice<Metric>> metrics = metrics(at, tree);

    Map<String, Object> resolved = new LinkedHashMap<>();
    resolved.put("name", name);
    resolved.put("seed", h.seed());
    resolved.put("precision", h.precision().yamlName());
    // The engine that will run, not the one asked for (auto resolved here): part of the configuration's
    // hash, so a resume on a machine where auto resolves otherwise is a different run, never a mixed one.
    try {
      resolved.put("fft", h.fft().resolve().yamlName());
    } catch (IllegalStateException e) {
      throw at.error("fft", "fftw, but the FFTW native library did not load (" + FftBackend.fftwFailure()
          + "); use fft: auto (JTransforms where FFTW is missing) or fft: jtransforms", false);
    }
    if (images != null) {
      resolved.put("images", resolvedBlock(images));
    }
    if (data != null) {
      resolved.put("data", resolvedBlock(data));
      resolved.put("encoding", SettingsBinder.toMap(encoding));
    }
    if (network != null) {
      resolved.put("network", SettingsBinder.toMap(network.network()));
      resolved.put("training", SettingsBinder.toMap(network.training()));
    }
    resolved.put("dictionary", resolvedBlock(dictionary));
    if (learning != null) {
      resolved.put("learning", resolvedBlock(learning));
    }
    if (solver != null) {
      resolved.put("solver", resolvedBlock(solver));
    }
    resolved.put("metrics", metrics.stream().map(ConfigLoader::resolvedBlock).toList());
    return new ExperimentConfig(name, variant, h.seed(), h.precision(), images, dictionary, learning, solver,
        List.copyOf(metrics), Collections.unmodifiableMap(resolved), baseDirectory, h.threads(), h.description(),
        data, encoding);
  }

  private static Map<String, Object> resolvedBlock(PluginChoice<?> choice) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", choice.type());
    out.putAll(SettingsBinder.toMap(choice.settings()));
    return Collections.unmodifiableMap(out);
  }

  /**
   * Resolves one plugin block.
   *
   * @param missing the problem to report when the block is absent, or {@code null} when it is optional
   */
  private <T> PluginChoice<T> block(Locator at, Node tree, String path, Class<T> role, String missing) {
    Node node = tree.get(path);
    if (node == null || node.isNull()) {
      if (missing == null) {
        return null;
      }
      throw at.error(path, missing + ", e.g. " + path + ": { type: " + example(role) + " }; "
          + available(role), true);
    }
    return choice(at, node, path, role);
  }

  private List<PluginChoice<Metric>> metrics(Locator at, Node tree) {
    Node node = tree.get("metrics");
    List<Node> items;
    if (node == null || node.isNull()) {
      items = new ArrayList<>();
      for (int i = 0; i < DEFAULT_METRICS.size(); i++) {
        items.add(Node.scalar(DEFAULT_METRICS.get(i), new Node.Origin("metrics[" + i + "]", 0, 0, 0, 0, null)));
      }
    } else if (node.isList()) {
      items = node.items();
    } else {
      throw at.error("metrics", "expected a list of metric names or blocks, e.g. [psnr, sparseness,"
          + " { type: resilience }], got " + node.describe(), false);
    }
    List<PluginChoice<Metric>> out = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = "metrics[" + i + "]";
      Node item = items.get(i);
      PluginChoice<Metric> choice;
      if (item.isScalar() && item.scalar() instanceof String) {
        choice = choice(at, Node.map(Map.of("type", item), item.origin()), path, Metric.class);
      } else if (item.isMap()) {
        choice = choice(at, item, path, Metric.class);
      } else {
        throw at.error(path, "expected a metric name or a block such as { type: resilience }, got "
            + item.describe(), false);
      }
      Integer first = seen.putIfAbsent(choice.type(), i);
      if (first != null) {
        throw at.error(path, "metric '" + choice.type() + "' is already listed as metrics[" + first + "]", false);
      }
      out.add(choice);
    }
    return out;
  }

  private <T> PluginChoice<T> choice(Locator at, Node node, String path, Class<T> role) {
    if (!node.isMap()) {
      throw at.error(path, "expected a block such as { type: " + example(role) + " }, got " + node.describe(),
          false);
    }
    Node typeNode = node.get("type");
    if (typeNode == null) {
      throw at.error(path + ".type", "is required (it names the block's plugin); " + available(role), true);
    }
    if (typeNode.isNull()) {
      throw at.error(path + ".type", "no value; name the block's plugin: " + available(role), true);
    }
    if (!(typeNode.scalar() instanceof String type)) {
      throw at.error(path + ".type", "expected a plugin name, got " + typeNode.describe() + "; "
          + available(role), false);
    }
    Plugin<T> plugin;
    try {
      plugin = registry.find(role, type);
    } catch (ConfigException e) {
      throw at.error(path + ".type", e.problem(), false);
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : node.entries().entrySet()) {
      if (!e.getKey().equals("type")) {
        settings.put(e.getKey(), e.getValue().plain());
      }
    }
    Record bound;
    try {
      bound = SettingsBinder.bind(plugin.settings(), settings);
    } catch (ConfigException e) {
      throw at.error(join(path, e.key()), e.problem(), e instanceof SettingsBinder.UnknownKeyException);
    }
    NestedBlocks.check(at, node, path, bound, registry, this::choice);
    return new PluginChoice<>(path, plugin, bound);
  }

  /** Prefixes a key from a settings record with its block's path, unless the record already did. */
  private static String join(String block, String key) {
    if (key.isEmpty()) {
      return block;
    }
    if (key.startsWith(block + ".") || key.startsWith(block + "[")) {
      return key;
    }
    return key.startsWith("[") ? block + key : block + "." + key;
  }

  private String available(Class<?> role) {
    List<Plugin<?>> plugins = new ArrayList<>(registry.ofRole(role));
    String kind = PluginRegistry.roleName(role);
    if (plugins.isEmpty()) {
      return "no " + kind + " plugin is on the class path";
    }
    return "available " + kind + " types: " + plugins.stream().map(Plugin::name).collect(Collectors.joining(", "));
  }

  private String example(Class<?> role) {
    List<? extends Plugin<?>> plugins = registry.ofRole(role);
    return plugins.isEmpty() ? "NAME" : plugins.get(0).name();
  }

  private static String defaultName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
