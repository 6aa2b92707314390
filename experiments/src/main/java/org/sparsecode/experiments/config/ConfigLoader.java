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
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
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
 * <p><b>Limits.</b> A file holds at most {@link #MAX_FILE_BYTES} bytes of UTF-8; the YAML limits (aliases,
 * nesting, expanded size) are those of {@code YamlTrees}. Every number must be finite (see {@link SettingsBinder}).
 *
 * <p><b>Errors</b> are {@link ConfigError}s reading {@code FILE:LINE:COLUMN: key.path: problem}, located at
 * the offending key (unknown keys) or value (invalid values), else at the nearest enclosing block; for a
 * value that came from a variant the path is the variant's ({@code variants.full.dictionary.preset}),
 * for one that came from {@code --set} the message starts {@code --set key.path=value: }. A problem that
 * shows only in some variants ends with {@code (in variant 'name')}; one that every variant shares is
 * reported once, without it.
 */
public final class ConfigLoader {
  /** Every key allowed at the top of an experiment file, in documentation order. */
  public static final List<String> TOP_LEVEL_KEYS = List.of("name", "description", "seed", "precision",
      "threads", "images", "dictionary", "learning", "solver", "metrics", "variants", "parts", "sweep");

  /** The metrics evaluated when the file has no {@code metrics:} key. */
  public static final List<String> DEFAULT_METRICS = List.of("psnr", "sparseness");

  private static final List<String> VARIANT_KEYS = TOP_LEVEL_KEYS.stream()
      .filter(k -> !k.equals("name") && !k.equals("variants") && !k.equals("parts") && !k.equals("sweep")).toList();
  private static final List<String> SETTABLE_KEYS = TOP_LEVEL_KEYS.stream()
      .filter(k -> !k.equals("variants") && !k.equals("parts") && !k.equals("sweep")).toList();
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+])*)");
  private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

  /** The largest experiment file read, in bytes. */
  static final int MAX_FILE_BYTES = 1 << 20;
  /** The most threads an experiment may ask for. */
  static final int MAX_THREADS = 4096;

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
    Study study = new Study();
    ExperimentPlan plan = load(file, sets, study, new ArrayList<>());
    study.check(sets);
    return plan;
  }

  /**
   * Which {@code --set}s found their block somewhere in a study (a file, its variants and its parts): in a
   * study of several experiments, {@code --set learning.steps=N} applies to those that learn and skips the
   * others; it is an error only when no experiment has the block.
   */
  private static final class Study {
    private final java.util.Set<SetOverride> applied = new java.util.HashSet<>();

    void check(List<SetOverride> sets) {
      for (SetOverride set : sets) {
        if (!applied.contains(set)) {
          throw set.missingBlockError();
        }
      }
    }
  }

  private ExperimentPlan load(Path file, List<SetOverride> sets, Study study, List<Path> including) {
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
          + describe(root), false);
    }
    for (Map.Entry<String, Node> e : root.entries().entrySet()) {
      if (!TOP_LEVEL_KEYS.contains(e.getKey())) {
        throw top.error(e.getKey(), unknownKey(e.getKey(), TOP_LEVEL_KEYS), true);
      }
      if (e.getValue().isNull()) {
        throw top.error(e.getKey(), noValue(e.getKey()), true);
      }
    }
    if (root.get("sweep") != null) {
      throw top.error("sweep", "not supported yet; write the grid as variants: (one named override set per"
          + " cell)", true);
    }
    Map<String, Node> baseEntries = new LinkedHashMap<>(root.entries());
    Node variants = baseEntries.remove("variants");
    Node partsNode = baseEntries.remove("parts");
    Node base = root.withMap(baseEntries);
    String defaultName = defaultName(file);
    Path baseDirectory = file.toAbsolutePath().getParent();
    List<ExperimentConfig> experiments = new ArrayList<>();
    if (variants == null || variants.isNull()) {
      experiments.add(build(apply(base, sets, null, study), null, defaultName, baseDirectory, where));
    } else {
      if (!variants.isMap() || variants.entries().isEmpty()) {
        throw top.error("variants", (variants.isMap() ? "is empty; list at least one variant" : "expected a map"
            + " of variant names to overrides") + ", e.g. variants: { thin: { dictionary: { preset: thin } } }"
            + (variants.isMap() ? ", or remove the key" : ", got " + describe(variants)), false);
      }
      Map<String, ConfigError> failures = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : variants.entries().entrySet()) {
        String name = e.getKey();
        String path = "variants." + name;
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
          throw top.error(path, "a variant name may hold only letters, digits, '_', '.' and '-' (it names the"
              + " variant's output directory), got '" + name + "'", true);
        }
        Node v = e.getValue();
        if (v.isNull()) {
          v = Node.map(Map.of(), v.origin());
        }
        if (!v.isMap()) {
          throw top.error(path, "expected a map of overrides such as { solver: { lambda: 0.01 } }, got "
              + describe(v), false);
        }
        for (Map.Entry<String, Node> o : v.entries().entrySet()) {
          String key = o.getKey();
          if (!VARIANT_KEYS.contains(key)) {
            String problem = TOP_LEVEL_KEYS.contains(key) ? "a variant cannot override '" + key + "'"
                : unknownKey(key, VARIANT_KEYS);
            throw top.error(path + "." + key, problem, true);
          }
          if (o.getValue().isNull()) {
            throw top.error(path + "." + key, noValue(key), true);
          }
        }
        try {
          Node merged = merge(base, v);
          experiments.add(build(apply(merged, sets, name, study), name, defaultName, baseDirectory, where));
        } catch (ConfigError error) {
          failures.put(name, error);
        }
      }
      if (!failures.isEmpty()) {
        throw firstFailure(failures, variants.entries().size());
      }
    }
    Map<String, ExperimentPlan> parts = parts(top, partsNode, variants, file, sets, study, including);
    return new ExperimentPlan(file, experiments.get(0).name(), List.copyOf(experiments), parts);
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

  /** The message for a top-level key or a block written without a value ({@code learning:} and nothing). */
  private static String noValue(String key) {
    String hint = switch (key) {
      case "images", "dictionary", "learning", "solver" -> "write a block such as " + key + ": { type: ... }";
      case "metrics" -> "write a list such as metrics: [psnr, sparseness]";
      case "variants" -> "write a map of variant names to overrides, e.g. variants: { thin: { dictionary: {"
          + " preset: thin } } }";
      case "parts" -> "write a map of part names to experiment files, e.g. parts: { part-one: part-one.yaml }";
      default -> "write one";
    };
    return "no value; " + hint + ", or remove the key";
  }

  /**
   * Loads the {@code parts:} of a file: a map of part names (they name the output sub-directories) to
   * experiment files, relative to this file's directory, each loaded with the same {@code --set}s.
   */
  private Map<String, ExperimentPlan> parts(Locator top, Node node, Node variants, Path file,
      List<SetOverride> sets, Study study, List<Path> including) {
    Map<String, ExperimentPlan> parts = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return parts;
    }
    if (!node.isMap() || node.entries().isEmpty()) {
      throw top.error("parts", (node.isMap() ? "is empty; list at least one part" : "expected a map of part names"
          + " to experiment files") + ", e.g. parts: { part-one: part-one.yaml }" + (node.isMap()
          ? ", or remove the key" : ", got " + describe(node)), false);
    }
    Path self = file.toAbsolutePath().normalize();
    List<Path> stack = new ArrayList<>(including);
    stack.add(self);
    for (Map.Entry<String, Node> e : node.entries().entrySet()) {
      String name = e.getKey();
      String path = "parts." + name;
      if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw top.error(path, "a part name may hold only letters, digits, '_', '.' and '-' (it names the"
            + " part's output directory), got '" + name + "'", true);
      }
      if (variants != null && variants.isMap() && variants.entries().containsKey(name)) {
        throw top.error(path, "'" + name + "' is also a variant; both would write " + name + "/", true);
      }
      Node spec = e.getValue();
      List<SetOverride> partSets = new ArrayList<>();
      if (spec.isMap()) {
        for (String key : spec.entries().keySet()) {
          if (!key.equals("file") && !key.equals("set")) {
            throw top.error(path + "." + key, unknownKey(key, List.of("file", "set")), true);
          }
        }
        Node setNode = spec.get("set");
        if (setNode != null && !setNode.isNull()) {
          if (!setNode.isList()) {
            throw top.error(path + ".set", "expected a list of key.path=value strings, as --set takes them, got "
                + describe(setNode), false);
          }
          for (int i = 0; i < setNode.items().size(); i++) {
            String item = path + ".set[" + i + "]";
            if (!(setNode.items().get(i).plain() instanceof String text)) {
              throw top.error(item, "expected a key.path=value string, got " + describe(setNode.items().get(i)),
                  false);
            }
            partSets.add(SetOverride.parse(text, top.where(item, false)));
          }
        }
        path = path + ".file";
        Node fileNode = spec.get("file");
        if (fileNode == null) {
          throw top.error(path, "is required: the part's experiment file, relative to this file", true);
        }
        spec = fileNode;
      }
      if (!(spec.plain() instanceof String relative) || relative.isBlank()) {
        throw top.error(path, "expected the path of an experiment file, relative to this file (or { file: ..., set:"
            + " [key.path=value, ...] }), got " + describe(spec), false);
      }
      Path partFile;
      try {
        partFile = self.getParent().resolve(relative).normalize();
      } catch (InvalidPathException bad) {
        throw top.error(path, "'" + relative + "' is not a valid path: " + bad.getReason(), false);
      }
      if (stack.contains(partFile)) {
        throw top.error(path, "includes " + relative + ", which includes this file: parts may not form a cycle",
            false);
      }
      if (Files.isDirectory(partFile)) {
        throw top.error(path, partFile + " is a directory; name an experiment file (.yaml) in it", false);
      }
      if (!Files.isRegularFile(partFile)) {
        throw top.error(path, "no such experiment file: " + partFile, false);
      }
      Path shown = file.getParent() == null ? Path.of(relative) : file.getParent().resolve(relative).normalize();
      // the part's own sets first, so that the command line's win
      List<SetOverride> all = new ArrayList<>(partSets);
      all.addAll(sets);
      parts.put(name, load(shown, all, study, stack));
      for (SetOverride set : partSets) {
        if (!study.applied.contains(set)) {
          throw set.missingBlockError();
        }
      }
    }
    return parts;
  }

  /**
   * The error to report when variants fail: the first one, without its "(in variant 'x')" when every
   * variant fails the same way (the problem is then in the base or in a --set, not in a variant).
   */
  private static ConfigError firstFailure(Map<String, ConfigError> failures, int variants) {
    Map.Entry<String, ConfigError> first = failures.entrySet().iterator().next();
    String suffix = " (in variant '" + first.getKey() + "')";
    String message = first.getValue().getMessage();
    if (failures.size() < variants || !message.endsWith(suffix)) {
      return first.getValue();
    }
    String core = message.substring(0, message.length() - suffix.length());
    for (Map.Entry<String, ConfigError> f : failures.entrySet()) {
      if (!f.getValue().getMessage().equals(core + " (in variant '" + f.getKey() + "')")) {
        return first.getValue();
      }
    }
    return new ConfigError(core, first.getValue());
  }

  // ---------------------------------------------------------------------------------------------------
  // one experiment

  /** The top-level scalars, bound like plugin settings so that they get the same conversions and messages. */
  private record Header(String name, String description, Long seed, Precision precision, Integer threads) {
    Header {
      if (name != null && (!NAME.matcher(name).matches() || name.equals(".") || name.equals(".."))) {
        throw new ConfigException("name", "may hold only letters, digits, '_', '.' and '-' (it names the"
            + " output directory), got '" + name + "'");
      }
      seed = seed == null ? 0L : seed;
      precision = precision == null ? Precision.FLOAT32 : precision;
      threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (threads < 1 || threads > MAX_THREADS) {
        throw new ConfigException("threads", "must be in [1, " + MAX_THREADS + "], got " + threads);
      }
    }
  }

  private ExperimentConfig build(Node tree, String variant, String defaultName, Path baseDirectory,
      String where) {
    Locator at = new Locator(where, tree, variant);
    Map<String, Object> header = new LinkedHashMap<>();
    for (String key : List.of("name", "description", "seed", "precision", "threads")) {
      Node n = tree.get(key);
      if (n != null) {
        header.put(key, n.plain());
      }
    }
    Header h;
    try {
      h = SettingsBinder.bind(Header.class, header);
    } catch (ConfigException e) {
      throw at.error(e.key(), e.problem(), false);
    }
    String name = h.name() == null ? defaultName : h.name();
    PluginChoice<ImageSource> images = block(at, tree, "images", ImageSource.class, "is required");
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
    resolved.put("images", resolvedBlock(images));
    resolved.put("dictionary", resolvedBlock(dictionary));
    if (learning != null) {
      resolved.put("learning", resolvedBlock(learning));
    }
    if (solver != null) {
      resolved.put("solver", resolvedBlock(solver));
    }
    resolved.put("metrics", metrics.stream().map(ConfigLoader::resolvedBlock).toList());
    return new ExperimentConfig(name, variant, h.seed(), h.precision(), images, dictionary, learning, solver,
        List.copyOf(metrics), Collections.unmodifiableMap(resolved), baseDirectory, h.threads(), h.description());
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
          + " { type: resilience }], got " + describe(node), false);
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
            + describe(item), false);
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
      throw at.error(path, "expected a block such as { type: " + example(role) + " }, got " + describe(node),
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
      throw at.error(path + ".type", "expected a plugin name, got " + describe(typeNode) + "; "
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

  // ---------------------------------------------------------------------------------------------------
  // variants and overrides

  /** Deep merge: maps merge key by key; lists and scalars replace; a map with another {@code type} replaces. */
  static Node merge(Node base, Node over) {
    if (!base.isMap() || !over.isMap()) {
      return over;
    }
    Node baseType = base.get("type");
    Node overType = over.get("type");
    if (overType != null && baseType != null && !Objects.equals(baseType.plain(), overType.plain())) {
      return over;
    }
    Map<String, Node> entries = new LinkedHashMap<>(base.entries());
    for (Map.Entry<String, Node> e : over.entries().entrySet()) {
      Node b = entries.get(e.getKey());
      entries.put(e.getKey(), b == null ? e.getValue() : merge(b, e.getValue()));
    }
    return base.withMap(entries);
  }

  private static Node apply(Node tree, List<SetOverride> sets, String variant, Study study) {
    Node out = tree;
    for (SetOverride set : sets) {
      if (set.missesBlock(out)) {
        continue;
      }
      out = set.applyTo(out, 0, variant);
      study.applied.add(set);
    }
    return out;
  }

  /**
   * One {@code key.path=value} override: a {@code --set} of the command line, or an item of a part's
   * {@code set:} list, whose errors are reported at that item ({@code source.where()}).
   */
  private record SetOverride(String text, String path, List<Object> segments, Node value, Node.Assignment source) {

    /**
     * Parses an override.
     *
     * @param text {@code key.path=value}
     * @param where the location of a part's {@code set:} item ({@code FILE:LINE:COLUMN: parts.p.set[0]}), or
     *     {@code null} for the command line
     */
    static SetOverride parse(String text, String where) {
      Node.Assignment source = new Node.Assignment(text, where);
      int eq = text.indexOf('=');
      if (eq < 0) {
        throw new ConfigError(source.label() + ": expected key.path=value, e.g. "
            + (where == null ? "--set " : "") + "solver.lambda=5e-3");
      }
      String path = text.substring(0, eq).trim();
      if (path.isEmpty()) {
        throw new ConfigError(source.label() + ": the key path before '=' is empty; expected key.path=value, e.g. "
            + (where == null ? "--set " : "") + "solver.lambda=5e-3");
      }
      List<Object> segments = new ArrayList<>();
      for (String part : path.split("\\.", -1)) {
        Matcher m = SEGMENT.matcher(part);
        if (!m.matches()) {
          throw new ConfigError(source.label() + ": '" + path + "' is not a key path; write keys separated by"
              + " dots and list items as [index], e.g. solver.autoRho.period or metrics[1].type");
        }
        segments.add(m.group(1));
        Matcher idx = INDEX.matcher(m.group(2));
        while (idx.find()) {
          if (idx.group(1).length() > 9) {
            throw new ConfigError(source.label() + ": the index [" + idx.group(1) + "] is too large; a list"
                + " holds a few items, numbered from 0");
          }
          segments.add(Integer.parseInt(idx.group(1)));
        }
      }
      String first = (String) segments.get(0);
      if (!SETTABLE_KEYS.contains(first)) {
        String problem = TOP_LEVEL_KEYS.contains(first)
            ? "'" + first + "' cannot be set " + (where == null ? "from the command line (--set applies to every"
            + " variant)" : "by a part's set:")
            : unknownKey(first, SETTABLE_KEYS);
        throw new ConfigError(source.label() + ": " + problem);
      }
      Node value;
      try {
        value = YamlTrees.parse(text.substring(eq + 1), path, source);
      } catch (YamlTrees.SyntaxError e) {
        throw new ConfigError(source.label() + ": " + (e.path == null ? "the value is not valid YAML: "
            : e.path + ": ") + e.getMessage(), e);
      }
      if (value.isNull()) {
        String shown = text.substring(eq + 1).isBlank() ? "no value after '='" : "no value (YAML reads '"
            + text.substring(eq + 1).trim() + "' as null)";
        throw new ConfigError(source.label() + ": " + shown + "; give one, e.g. "
            + (where == null ? "--set " : "") + path + "=" + example(path) + " (to keep the file's value or the"
            + " default, leave the " + (where == null ? "--set" : "item") + " out)");
      }
      return new SetOverride(text, path, List.copyOf(segments), value, source);
    }

    /** A plausible value for an example in a message. */
    private static String example(String path) {
      String key = path.substring(path.lastIndexOf('.') + 1);
      return switch (key) {
        case "lambda" -> "5e-3";
        case "type" -> "NAME";
        case "names", "metrics" -> "[...]";
        default -> "VALUE";
      };
    }

    /** Whether the block this sets a key in ({@code learning} of {@code learning.steps}) is absent. */
    boolean missesBlock(Node tree) {
      if (segments.size() < 2 || !(segments.get(1) instanceof String) || !tree.isMap()) {
        return false;
      }
      Node child = tree.get((String) segments.get(0));
      return child == null || child.isNull();
    }

    /** The error for a --set whose block no experiment of the study has. */
    ConfigError missingBlockError() {
      String block = (String) segments.get(0);
      return fail("there is no '" + block + "' block to set '" + format(segments.subList(1, segments.size()))
          + "' in; add it to the file, or set it whole: " + (source.where() == null ? "--set " : "") + block
          + "={ type: ..., " + segments.get(1) + ": ... }", null);
    }

    Node applyTo(Node node, int i, String variant) {
      Object seg = segments.get(i);
      String here = format(segments.subList(0, i + 1));
      boolean last = i == segments.size() - 1;
      if (seg instanceof String key) {
        if (!node.isMap()) {
          throw fail("'" + format(segments.subList(0, i)) + "' is " + describe(node) + ", not a block with keys",
              variant);
        }
        Map<String, Node> entries = new LinkedHashMap<>(node.entries());
        Node child = entries.get(key);
        if (last) {
          entries.put(key, value);
        } else if ((child == null || child.isNull()) && segments.get(i + 1) instanceof Integer) {
          throw fail("there is no '" + here + "' list; set it whole: --set " + here + "=[...]", variant);
        } else if (child == null || child.isNull()) {
          // a nested settings map the file leaves to its defaults (solver.autoRho): start it empty; the
          // settings binder then checks that the key exists (a missing top-level block never gets here: apply
          // skips it, see missesBlock, and the study reports it when no experiment has it)
          entries.put(key, applyTo(Node.map(Map.of(), new Node.Origin(here, 0, 0, 0, 0, source)), i + 1, variant));
        } else {
          entries.put(key, applyTo(child, i + 1, variant));
        }
        return node.withMap(entries);
      }
      int index = (Integer) seg;
      String parent = format(segments.subList(0, i));
      if (!node.isList()) {
        throw fail("'" + parent + "' is " + describe(node) + ", not a list", variant);
      }
      if (index >= node.items().size()) {
        throw fail("'" + parent + "' has " + node.items().size() + " items, so " + here + " does not exist",
            variant);
      }
      List<Node> items = new ArrayList<>(node.items());
      items.set(index, last ? value : applyTo(items.get(index), i + 1, variant));
      return node.withList(items);
    }

    private ConfigError fail(String problem, String variant) {
      return new ConfigError(source.label() + ": " + problem + (variant == null ? "" : " (in variant '"
          + variant + "')"));
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // messages

  /**
   * Turns a key path of a (merged, overridden) tree into a located message: finds the deepest node on
   * the path and reports its origin.
   */
  private record Locator(String file, Node root, String variant) {

    ConfigError error(String path, String problem, boolean atKey) {
      Found f = find(path);
      String inVariant = variant == null || f.node.source().startsWith("variants.") ? ""
          : " (in variant '" + variant + "')";
      if (f.node.override() != null) {
        // the path is left out when it is the one the override names
        String what = f.node.override().text().startsWith(f.shown + "=") ? problem : f.shown + ": " + problem;
        return new ConfigError(f.node.override().label() + ": " + what + inVariant);
      }
      return new ConfigError(location(f, atKey) + (f.shown.isEmpty() ? "" : f.shown + ": ") + problem + inVariant);
    }

    /** {@code FILE:LINE:COLUMN: key.path} of a path of the tree, for messages about it. */
    String where(String path, boolean atKey) {
      Found f = find(path);
      return location(f, atKey) + f.shown;
    }

    private String location(Found f, boolean atKey) {
      Node node = f.node;
      // a key written without a value ("lambda:") has no value to point at: point at its key
      boolean useKey = node.keyLine() > 0 && (f.rest || atKey || !node.isScalar() || node.isNull());
      int line = useKey ? node.keyLine() : node.valueLine();
      int column = useKey ? node.keyColumn() : node.valueColumn();
      if (line <= 0) {
        line = 1;
        column = 1;
      }
      return file + ":" + line + ":" + column + ": ";
    }

    private record Found(Node node, String shown, boolean rest) {}

    /** The deepest node on a path and the path as its source wrote it. */
    private Found find(String path) {
      List<Object> segments = segments(path);
      Node node = root;
      int found = 0;
      for (Object seg : segments) {
        Node next = null;
        if (seg instanceof String key && node.isMap()) {
          next = node.get(key);
        } else if (seg instanceof Integer index && node.isList() && index < node.items().size()) {
          next = node.items().get(index);
        }
        if (next == null) {
          break;
        }
        node = next;
        found++;
      }
      List<Object> rest = segments.subList(found, segments.size());
      String shown = node.source().isEmpty() ? format(rest)
          : rest.isEmpty() ? node.source() : node.source() + (rest.get(0) instanceof Integer ? "" : ".")
          + format(rest);
      return new Found(node, shown, !rest.isEmpty());
    }
  }

  private static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    if (path.isEmpty()) {
      return out;
    }
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      out.add(bracket < 0 ? part : part.substring(0, bracket));
      if (bracket >= 0) {
        Matcher idx = INDEX.matcher(part.substring(bracket));
        while (idx.find()) {
          // a key that merely looks like an index (a YAML key may hold any text) stays a key
          out.add(idx.group(1).length() < 10 ? (Object) Integer.parseInt(idx.group(1)) : idx.group());
        }
      }
    }
    return out;
  }

  private static String format(List<Object> segments) {
    StringBuilder out = new StringBuilder();
    for (Object s : segments) {
      if (s instanceof Integer i) {
        out.append('[').append(i).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(s);
      }
    }
    return out.toString();
  }

  private static String unknownKey(String key, List<String> valid) {
    String closest = SettingsBinder.suggest(key, valid);
    return "unknown key '" + key + "'" + (closest == null ? "; valid keys: " : "; did you mean '" + closest
        + "'? Valid keys: ") + String.join(", ", valid);
  }

  private static String describe(Node node) {
    switch (node.kind()) {
      case MAP:
        return "a map";
      case LIST:
        return "a list";
      default:
        return node.scalar() instanceof String s ? "'" + s + "'" : String.valueOf(node.scalar());
    }
  }

  private static String defaultName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
