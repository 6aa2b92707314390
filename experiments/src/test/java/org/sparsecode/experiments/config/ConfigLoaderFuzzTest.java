package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.experiments.results.Json;

/**
 * Fuzzes {@link ConfigLoader#load} with three kinds of input, each run seeded from a fixed base seed so that
 * a failure can be replayed (its seed is in the test's name and in the failure):
 *
 * <ul>
 *   <li>random YAML trees built from the real vocabulary: the top-level keys, the real plugins' names and
 *       settings keys, numbers including NaN, infinities, huge and negative ones, strings, nulls, anchors and
 *       aliases, variants and parts (existing, missing, a directory, the file itself);
 *   <li>random mutations of the project's experiment files ({@code experiments/*.yaml},
 *       {@code experiments/paper/*.yaml}): a line deleted or duplicated, characters swapped, {@code :},
 *       {@code - }, an anchor or an alias, a tab inserted, indentation changed, a number replaced;
 *   <li>random {@code --set} strings on those files.
 * </ul>
 *
 * <p>The property: only the project's error types ({@link ConfigError}, {@link ConfigException},
 * {@link SparsecodeException}) ever come out, with a message that says where (the file, or the
 * {@code --set}); never a NullPointerException, a ClassCastException, a Jackson or SnakeYAML exception, a
 * StackOverflowError; no load takes more than a few seconds; and what loads survives the round trip through
 * its resolved configuration written as YAML (as a run directory records it). The default build runs {@link #RUNS}
 * inputs of each kind ({@code -Dfuzz.runs=N} for more); the slow test, {@link #SLOW_RUNS}.
 */
class ConfigLoaderFuzzTest {
  /** The base seed: run {@code i} of a kind uses {@code BASE_SEED + 1000003 * kind + i}. */
  static final long BASE_SEED = 20_261_204L;
  /** Runs of each kind in the default build. */
  static final int RUNS = Integer.getInteger("fuzz.runs", 200);
  /** Runs of each kind in the slow test. */
  static final int SLOW_RUNS = 20_000;
  /** A load slower than this is a bug (an alias bomb that got through, a loop). */
  static final long MAX_MILLIS = 5_000;

  private static final PluginRegistry REGISTRY = PluginRegistry.load();
  private static final ConfigLoader LOADER = new ConfigLoader(REGISTRY);
  private static final List<Class<?>> ROLES = List.of(ImageSource.class, KernelGenerator.class,
      DictionaryLearner.class, SparseSolver.class, Metric.class);
  private static final List<String> BLOCKS = List.of("images", "dictionary", "learning", "solver");
  private static final List<String> WORDS = List.of("thin", "full", "camera", "none", "local-contrast", "soft",
      "hard", "paper", "random", "float64", "float32", "unit-l2", "linspace", "dropFirst", "type", "file", "set",
      "part-one.yaml", "quickstart.yaml", "no-such.yaml", ".", "..", "", " ", "é", "\u0000x", "a:b", "- x",
      "#", "&a", "*a", "'", "\"", "\\", "{", "[", "0x1F", "1_000", "1e12", ".nan", "yes", "~");

  @TempDir
  static Path tmp;

  private static List<Path> originals;
  private static final Map<String, Integer> OUTCOMES = new java.util.concurrent.ConcurrentSkipListMap<>();

  @BeforeAll
  static void copyTheExperimentFiles() throws IOException {
    // copies, so that mutants can sit next to the files their parts name
    List<Path> copies = new ArrayList<>();
    for (String dir : List.of(".", "paper")) {
      Path from = Path.of(dir);
      Path to = Files.createDirectories(tmp.resolve("experiments").resolve(dir));
      try (Stream<Path> files = Files.list(from)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          copies.add(Files.copy(f, to.resolve(f.getFileName().toString())));
        }
      }
    }
    originals = List.copyOf(copies);
    assertThat(originals).as("the experiment files, read from the module directory").hasSizeGreaterThan(5);
  }

  @TestFactory
  Stream<DynamicTest> randomTreesFailOnlyWithTheProjectsErrors() {
    return runs(0, RUNS, this::randomTree);
  }

  @TestFactory
  Stream<DynamicTest> mutatedExperimentFilesFailOnlyWithTheProjectsErrors() {
    return runs(1, RUNS, this::mutatedFile);
  }

  @TestFactory
  Stream<DynamicTest> randomSetsFailOnlyWithTheProjectsErrors() {
    return runs(2, RUNS, this::randomSets);
  }

  @TestFactory
  Stream<DynamicTest> randomSettingsOfEveryPluginFailOnlyWithConfigExceptions() {
    return IntStream.range(0, RUNS).mapToObj(i -> {
      long seed = seed(3, i);
      return DynamicTest.dynamicTest("seed " + seed, () -> checkSettings(seed));
    });
  }

  @Test
  @Tag("slow")
  void manyMoreRunsOfEveryKind() {
    int[] kinds = {0, 1, 2};
    for (int kind : kinds) {
      for (int i = 0; i < SLOW_RUNS; i++) {
        long seed = seed(kind, i);
        check(seed, input(kind, seed));
      }
    }
    for (int i = 0; i < SLOW_RUNS; i++) {
      checkSettings(seed(3, i));
    }
  }

  /**
   * The settings records of every plugin (solvers, dictionaries, images, learners, metrics, preprocessing
   * steps) bound directly from random blocks of their own keys, denser than whole files: only a
   * {@link ConfigException} naming one of the block's keys comes out, never one that wraps a Java exception
   * of the record's (its message would be Java's, not the user's).
   */
  private void checkSettings(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Plugin<?>> plugins = REGISTRY.all();
    Plugin<?> plugin = plugins.get(random.nextInt(plugins.size()));
    List<SettingsBinder.Key> keys = SettingsBinder.keys(plugin.settings());
    Map<String, Object> block = new LinkedHashMap<>();
    for (SettingsBinder.Key key : keys) {
      if (random.nextInt(3) == 0) {
        block.put(key.name(), setting(random, key));
      } else if (key.required() && random.nextInt(4) != 0) {
        block.put(key.name(), key.defaultValue() != null ? key.defaultValue() : value(random, 1));
      }
    }
    try {
      SettingsBinder.bind(plugin.settings(), block);
      OUTCOMES.merge("settings bound", 1, Integer::sum);
    } catch (ConfigException e) {
      OUTCOMES.merge("settings refused", 1, Integer::sum);
      dump(seed, plugin.name() + ": " + e.getMessage());
      String first = e.key().split("[.\\[]", 2)[0];
      assertThat(keys).as("seed %d: %s of %s with %s names a key of the block", seed, e.getMessage(),
          plugin.name(), block).extracting(SettingsBinder.Key::name).contains(first.isEmpty() && keys.isEmpty()
          ? null : first);
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        if (c instanceof RuntimeException && !(c instanceof SparsecodeException)) {
          throw new AssertionError("seed " + seed + ": " + plugin.name() + " with " + block + ": " + e.getMessage()
              + " wraps " + c, c);
        }
      }
    } catch (Throwable t) {
      throw new AssertionError("seed " + seed + ": " + plugin.name() + " with " + block + ": " + t, t);
    }
  }

  @Test
  void theUnmodifiedExperimentFilesLoad() {
    for (Path file : originals) {
      assertThat(LOADER.load(file, List.of()).experiments()).as("%s", file).isNotEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // the property

  /** One input: a file and {@code --set} strings. */
  record Input(Path file, List<String> sets) {}

  private interface Generator {
    Input make(SplittableRandom random, long seed);
  }

  private Stream<DynamicTest> runs(int kind, int count, Generator generator) {
    return IntStream.range(0, count).mapToObj(i -> {
      long seed = seed(kind, i);
      return DynamicTest.dynamicTest("seed " + seed, () -> check(seed, generator.make(new SplittableRandom(seed),
          seed)));
    });
  }

  private Input input(int kind, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return switch (kind) {
      case 0 -> randomTree(random, seed);
      case 1 -> mutatedFile(random, seed);
      default -> randomSets(random, seed);
    };
  }

  private static long seed(int kind, int i) {
    return BASE_SEED + 1_000_003L * kind + i;
  }

  private static void check(long seed, Input input) {
    long start = System.nanoTime();
    try {
      ExperimentPlan plan = LOADER.load(input.file(), input.sets());
      OUTCOMES.merge("loaded", 1, Integer::sum);
      dump(seed, "OK");
      for (ExperimentConfig config : plan.experiments()) {
        assertRoundTrip(seed, config);
      }
    } catch (ConfigError | ConfigException e) {
      OUTCOMES.merge(e.getClass().getSimpleName(), 1, Integer::sum);
      dump(seed, e.getMessage());
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        // a settings record that failed with a Java exception gets wrapped, but its message is Java's
        if (c instanceof RuntimeException && !(c instanceof SparsecodeException)) {
          throw new AssertionError("seed " + seed + ": " + e.getMessage() + " wraps " + c + " on "
              + describe(input), c);
        }
      }
      assertThat(e.getMessage()).as("seed %d: the message of %s", seed, e).isNotBlank()
          .satisfiesAnyOf(m -> assertThat(m).startsWith(tmp.toString()), m -> assertThat(m).startsWith("--set"));
    } catch (SparsecodeException e) {
      assertThat(e.getMessage()).as("seed %d", seed).isNotBlank();
    } catch (Throwable t) {
      throw new AssertionError("seed " + seed + ": " + t + " on " + describe(input), t);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("seed %d: milliseconds to load %s", seed, describe(input)).isLessThan(MAX_MILLIS);
  }

  /**
   * What a run records of a loaded experiment (its resolved configuration, as the run directory's
   * config.yaml writes it) loads again to the same configuration: what loads can be resumed and compared.
   */
  private static void assertRoundTrip(long seed, ExperimentConfig config) throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("round-trip")).resolve(seed + ".yaml");
    Files.writeString(copy, Json.yaml(config.resolved()));
    ExperimentConfig again = LOADER.load(copy, List.of()).experiments().get(0);
    assertThat(again.resolved()).as("seed %d: the resolved configuration loaded again", seed)
        .isEqualTo(config.resolved());
  }

  /** With {@code -Dfuzz.dump=FILE}, every outcome is appended to FILE, to read the messages. */
  private static void dump(long seed, String message) {
    String to = System.getProperty("fuzz.dump");
    if (to != null) {
      try {
        Files.writeString(Path.of(to), seed + "\t" + message.replace("\n", "\\n") + "\n", StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @AfterAll
  static void printTheOutcomes() {
    // the counts for the record: how many inputs loaded, how many failed with which error type
    System.out.println("ConfigLoaderFuzzTest outcomes: " + OUTCOMES);
  }

  private static String describe(Input input) {
    try {
      String text = Files.readString(input.file(), StandardCharsets.ISO_8859_1);
      return input.file() + " with --set " + input.sets() + ":\n" + (text.length() > 4000 ? text.substring(0, 4000)
          + "..." : text);
    } catch (IOException e) {
      return input.file() + " (unreadable: " + e + ") with --set " + input.sets();
    }
  }

  private static Path write(String name, String text) {
    try {
      Path dir = Files.createDirectories(tmp.resolve("experiments").resolve("paper"));
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // random trees

  private Input randomTree(SplittableRandom random, long seed) {
    String name = "tree-" + seed + ".yaml";
    Map<String, Object> root = experiment(random, name, true);
    Emitter emitter = new Emitter(random);
    String text = random.nextInt(10) == 0 ? emitter.scalar(value(random, 0)) : emitter.document(root);
    return new Input(write(name, text), random.nextInt(4) == 0 ? sets(random) : List.of());
  }

  private Map<String, Object> experiment(SplittableRandom random, String self, boolean top) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<String> keys = new ArrayList<>(ConfigLoader.TOP_LEVEL_KEYS);
    keys.add("metrcs");
    keys.add("solvr");
    for (String key : keys) {
      // mostly well-formed experiments, so that most runs get past the top level into the settings
      int percent = switch (key) {
        case "images", "dictionary", "solver", "metrics" -> 90;
        case "variants" -> 30;
        case "name", "seed", "learning" -> 25;
        case "parts" -> 12;
        default -> 4;
      };
      if (random.nextInt(100) >= percent) {
        continue;
      }
      root.put(key, switch (key) {
        case "images", "dictionary", "learning", "solver" -> random.nextInt(8) == 0 ? value(random, 1)
            : block(random, ROLES.get(BLOCKS.indexOf(key)));
        case "metrics" -> random.nextInt(8) == 0 ? value(random, 1) : metrics(random);
        case "variants" -> top && random.nextInt(6) != 0 ? variants(random, self) : value(random, 1);
        case "parts" -> random.nextInt(6) != 0 ? parts(random, self) : value(random, 1);
        case "seed" -> number(random);
        case "threads" -> random.nextBoolean() ? random.nextInt(-2, 9) : number(random);
        case "precision" -> pick(random, List.of("float32", "float64", "float16", "FLOAT_64", 64));
        case "name" -> random.nextInt(4) == 0 ? value(random, 1) : "fuzz";
        default -> random.nextInt(3) == 0 ? value(random, 1) : pick(random, WORDS);
      });
    }
    return root;
  }

  private Object block(SplittableRandom random, Class<?> role) {
    Map<String, Object> block = new LinkedHashMap<>();
    List<? extends Plugin<?>> plugins = REGISTRY.ofRole(role);
    Plugin<?> plugin = plugins.isEmpty() ? null : plugins.get(random.nextInt(plugins.size()));
    if (random.nextInt(20) != 0) {
      block.put("type", plugin == null || random.nextInt(20) == 0 ? pick(random, WORDS) : plugin.name());
    }
    if (plugin != null) {
      for (SettingsBinder.Key key : SettingsBinder.keys(plugin.settings())) {
        if (random.nextInt(4) == 0 || key.required() && random.nextInt(5) != 0) {
          block.put(key.name(), setting(random, key));
        }
      }
    }
    if (random.nextInt(10) == 0) {
      block.put(pick(random, List.of("lamda", "size ", "preset", "extra", "<<")), value(random, 1));
    }
    return block;
  }

  private Object setting(SplittableRandom random, SettingsBinder.Key key) {
    if (random.nextInt(3) == 0) {
      return value(random, 1);
    }
    if (key.defaultValue() != null && random.nextInt(3) == 0) {
      return key.defaultValue();
    }
    return switch (key.type()) {
      case "number" -> number(random);
      case "integer" -> random.nextInt(3) == 0 ? number(random) : random.nextInt(-3, 40);
      case "boolean" -> random.nextInt(5) == 0 ? pick(random, WORDS) : random.nextBoolean();
      default -> key.defaultValue() != null && random.nextBoolean() ? key.defaultValue() : value(random, 1);
    };
  }

  private Object metrics(SplittableRandom random) {
    List<Object> out = new ArrayList<>();
    List<Plugin<Metric>> metrics = REGISTRY.ofRole(Metric.class);
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      Plugin<Metric> m = metrics.get(random.nextInt(metrics.size()));
      out.add(switch (random.nextInt(4)) {
        case 0 -> block(random, Metric.class);
        case 1 -> value(random, 2);
        default -> m.name();
      });
    }
    return out;
  }

  private Object variants(SplittableRandom random, String self) {
    Map<String, Object> out = new LinkedHashMap<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = random.nextInt(8) == 0 ? pick(random, WORDS) : "v" + i;
      Map<String, Object> over = random.nextInt(8) == 0 ? null : experiment(random, self, false);
      if (over != null) {
        over.remove(random.nextBoolean() ? "name" : "parts");
      }
      out.put(name, over);
    }
    return out;
  }

  private Object parts(SplittableRandom random, String self) {
    Map<String, Object> out = new LinkedHashMap<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      Object file = pick(random, List.of(self, "part-one.yaml", "thin.yaml", "no-such.yaml", ".", "..", "../paper",
          "/", "", "a\u0000b"));
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("file", random.nextInt(6) == 0 ? value(random, 2) : file);
      spec.put("set", random.nextInt(4) == 0 ? value(random, 2) : sets(random));
      out.put(random.nextInt(8) == 0 ? pick(random, WORDS) : "p" + i, random.nextBoolean() ? file : spec);
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------
  // random values

  private Object value(SplittableRandom random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 9);
    switch (kind) {
      case 0:
        return null;
      case 1:
        return random.nextBoolean();
      case 2:
      case 3:
        return number(random);
      case 4:
      case 5:
        return random.nextBoolean() ? pick(random, WORDS) : randomString(random);
      case 6:
      case 7: {
        List<Object> list = new ArrayList<>();
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          list.add(value(random, depth + 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          map.put(random.nextBoolean() ? pick(random, WORDS) : pick(random, List.of("type", "size", "linspace",
              "lambda", "preset", "steps", "names")), value(random, depth + 1));
        }
        return map;
      }
    }
  }

  private static Object number(SplittableRandom random) {
    return switch (random.nextInt(16)) {
      case 0 -> Double.NaN;
      case 1 -> Double.POSITIVE_INFINITY;
      case 2 -> Double.NEGATIVE_INFINITY;
      case 3 -> 1e308 * (random.nextBoolean() ? 10 : 1);
      case 4 -> Double.MIN_VALUE;
      case 5 -> Long.MAX_VALUE;
      case 6 -> Long.MIN_VALUE;
      case 7 -> BigInteger.TWO.pow(64 + random.nextInt(200)).add(BigInteger.ONE);
      case 8 -> (long) Integer.MAX_VALUE + random.nextInt(3);
      case 9 -> 1_000_000_000;
      case 10 -> -random.nextInt(1000);
      case 11 -> 0;
      case 12 -> 1e12;
      case 13 -> random.nextDouble() * 2 - 0.5;
      default -> random.nextInt(300);
    };
  }

  private static String randomString(SplittableRandom random) {
    String alphabet = "abz09 -_.:#&*!|>'\"{}[],?%@`\\\t\u00e9\u4e2d\ud83d\ude00\u00a0\ufeff\u200b";
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
        sb.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isSurrogate(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static <T> T pick(SplittableRandom random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /**
   * Writes a tree as YAML, in block or flow style at random, with anchors on some maps and lists and aliases to
   * them later on (often several, nested: small alias bombs).
   */
  private static final class Emitter {
    private final SplittableRandom random;
    private final List<String> anchors = new ArrayList<>();

    Emitter(SplittableRandom random) {
      this.random = random;
    }

    String document(Map<String, Object> root) {
      StringBuilder out = new StringBuilder();
      if (random.nextInt(20) == 0) {
        out.append("# a comment\n");
      }
      for (Map.Entry<String, Object> e : root.entrySet()) {
        out.append(key(e.getKey())).append(":");
        block(out, e.getValue(), 1);
      }
      return out.toString();
    }

    private void block(StringBuilder out, Object value, int indent) {
      String pad = "  ".repeat(indent);
      String anchor = anchor(value);
      if (!anchors.isEmpty() && random.nextInt(12) == 0) {
        out.append(" *").append(pick(random, anchors)).append('\n');
        return;
      }
      if (value instanceof Map<?, ?> map && !map.isEmpty() && random.nextBoolean()) {
        out.append(anchor).append('\n');
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.append(pad).append(key(String.valueOf(e.getKey()))).append(":");
          block(out, e.getValue(), indent + 1);
        }
      } else if (value instanceof List<?> list && !list.isEmpty() && random.nextBoolean()) {
        out.append(anchor).append('\n');
        for (Object item : list) {
          out.append(pad).append("-");
          block(out, item, indent + 1);
        }
      } else {
        out.append(anchor).append(value == null && random.nextBoolean() ? "" : " " + flow(value)).append('\n');
      }
      if (!anchor.isEmpty()) {
        anchors.add(anchor.substring(2));
      }
    }

    private String anchor(Object value) {
      return (value instanceof Map || value instanceof List) && random.nextInt(6) == 0 ? " &a" + anchors.size()
          : "";
    }

    private String flow(Object value) {
      if (!anchors.isEmpty() && (value instanceof Map || value instanceof List) && random.nextInt(8) == 0) {
        return "*" + pick(random, anchors);
      }
      if (value instanceof Map<?, ?> map) {
        List<String> entries = new ArrayList<>();
        map.forEach((k, v) -> entries.add(key(String.valueOf(k)) + ": " + flow(v)));
        return "{" + String.join(", ", entries) + "}";
      }
      if (value instanceof List<?> list) {
        List<String> items = new ArrayList<>();
        list.forEach(v -> items.add(flow(v)));
        return "[" + String.join(", ", items) + "]";
      }
      return scalar(value);
    }

    String scalar(Object value) {
      if (value == null) {
        return random.nextBoolean() ? "~" : "null";
      }
      if (value instanceof Double d) {
        if (d.isNaN()) {
          return pick(random, List.of(".nan", ".NaN", ".NAN"));
        }
        if (d.isInfinite()) {
          return (d < 0 ? "-" : random.nextBoolean() ? "+" : "") + pick(random, List.of(".inf", ".Inf", ".INF"));
        }
        return random.nextInt(4) == 0 ? String.format(Locale.ROOT, "%e", d) : String.valueOf(d);
      }
      if (value instanceof Number || value instanceof Boolean) {
        return String.valueOf(value);
      }
      String s = String.valueOf(value);
      if (random.nextInt(4) == 0 && s.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
        return s;
      }
      StringBuilder q = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        if (c == '"' || c == '\\') {
          q.append('\\').append(c);
        } else if (c < 0x20) {
          q.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
        } else {
          q.append(c);
        }
      }
      return q.append('"').toString();
    }

    private String key(String key) {
      return key.matches("[A-Za-z<][A-Za-z0-9_.<-]*") ? key : scalar(key);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // mutated experiment files

  private Input mutatedFile(SplittableRandom random, long seed) {
    Path original = originals.get(random.nextInt(originals.size()));
    String text;
    try {
      text = Files.readString(original);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations; m++) {
      text = mutate(random, text);
    }
    // next to the original, so that its parts resolve
    Path file = original.resolveSibling("mutant-" + seed + ".yaml");
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Input(file, random.nextInt(5) == 0 ? sets(random) : List.of());
  }

  private static String mutate(SplittableRandom random, String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(10)) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, line);
      case 2 -> {
        if (line.length() > 1) {
          int i = random.nextInt(line.length() - 1);
          lines.set(at, line.substring(0, i) + line.charAt(i + 1) + line.charAt(i) + line.substring(i + 2));
        }
      }
      case 3 -> {
        String insert = pick(random, List.of(":", "- ", "&a ", "*a ", "<<: *a", "{", "}", "[", "]", "\"", "'",
            "\t", "? ", "|", ">", "!!binary ", "!!str ", "%", "@", "---\n", "\u0000", "\ufeff", " #", ",",
            "~", ".nan", "-.inf", "99999999999999999999", "1e400"));
        int i = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, i) + insert + line.substring(i));
      }
      case 4 -> lines.set(at, random.nextBoolean() ? "  " + line : line.replaceFirst("^ {1,2}", ""));
      case 5 -> lines.set(at, line.replaceAll("-?\\d+(\\.\\d+)?(e-?\\d+)?", pick(random, List.of(".nan", ".inf",
          "-.inf", "1e12", "0", "-1", "1000000000", "99999999999999999999", "1.5", "", "~"))));
      case 6 -> lines.set(at, line.replaceFirst(":.*$", ":"));
      case 7 -> lines.set(at, line.replaceAll("\\b(thin|full|psnr|embedded|log-gabor|cbpdn-admm|online-cdl)\\b",
          pick(random, List.of("thn", "nosuch", "fista", "lca", "random", "resilience"))));
      case 8 -> lines.add(at, pick(random, List.of("variants: {}", "parts: {p: mutant.yaml}", "solver:",
          "lambda: .nan", "  lambda: .nan", "  size: 100000", "  thetas: 1000000000", "  steps: 1e12",
          "a: &a [*a]", "x: &x {y: 1}", "  <<: *x", "sweep: {}")));
      default -> lines.set(at, line.replace(' ', random.nextBoolean() ? '\t' : '\u00a0'));
    }
    return String.join("\n", lines);
  }

  // ---------------------------------------------------------------------------------------------------
  // random --set strings

  private Input randomSets(SplittableRandom random, long seed) {
    Path original = originals.get(random.nextInt(originals.size()));
    return new Input(original, sets(random));
  }

  private List<String> sets(SplittableRandom random) {
    List<String> out = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    Emitter emitter = new Emitter(random);
    for (int i = 0; i < n; i++) {
      String path = pick(random, List.of("solver.lambda", "solver.maxIterations", "solver.type", "solver.autoRho",
          "solver.autoRho.period", "dictionary.size", "dictionary.thetas", "dictionary.preset", "dictionary.type",
          "images.names", "images.size", "images.names[0]", "images", "learning", "learning.steps",
          "learning.crop", "metrics", "metrics[0]", "metrics[1].type", "metrics[99].cutoffs", "seed", "threads",
          "precision", "name", "variants.thin", "parts", "sweep", "solvr.lambda", "solver..lambda", "", " ",
          "solver.lambda[0]", "metrics[99999999999].type", "solver.lambda.x", "a b", "solver.<<"));
      String value = switch (random.nextInt(10)) {
        case 0, 1, 2 -> emitter.scalar(number(random));
        case 3, 4, 5 -> emitter.flow(value(random, 1));
        case 6 -> randomString(random);
        case 7 -> "";
        default -> pick(random, WORDS);
      };
      out.add(random.nextInt(12) == 0 ? path + value : path + "=" + value);
    }
    return out;
  }
}
