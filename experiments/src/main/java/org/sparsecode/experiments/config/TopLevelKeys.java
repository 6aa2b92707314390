package org.sparsecode.experiments.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Precision;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The top level of an experiment file: which keys it may hold (and which of them a variant or a
 * {@code --set} may change), the messages for an unknown key (with a did-you-mean) or a key without a value,
 * and the header scalars {@code name}, {@code description}, {@code seed}, {@code precision}, {@code fft} and
 * {@code threads}.
 */
final class TopLevelKeys {
  /** Every key allowed at the top of an experiment file, in documentation order. */
  static final List<String> ALL = List.of("name", "description", "seed", "precision", "fft",
      "threads", "images", "data", "dictionary", "learning", "solver", "encoding", "network", "training", "metrics",
      "variants", "parts", "sweep");
  /** The keys a variant may override ({@code fft} is run-wide: one FFT engine per process and run). */
  static final List<String> VARIANT = ALL.stream()
      .filter(k -> !k.equals("name") && !k.equals("variants") && !k.equals("parts") && !k.equals("sweep")
          && !k.equals("fft")).toList();
  /** The keys a {@code --set} or a part's {@code set:} may start with. */
  static final List<String> SETTABLE = ALL.stream()
      .filter(k -> !k.equals("variants") && !k.equals("parts") && !k.equals("sweep")).toList();

  /** The most threads an experiment may ask for. */
  static final int MAX_THREADS = 4096;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final List<String> HEADER = List.of("name", "description", "seed", "precision", "fft",
      "threads");

  private TopLevelKeys() {}

  /**
   * Checks the top-level keys of a file: each is known and has a value.
   *
   * @param root the file's tree, a map
   * @param top where the file's errors are reported
   */
  static void check(Node root, Locator top) {
    for (Map.Entry<String, Node> e : root.entries().entrySet()) {
      if (!ALL.contains(e.getKey())) {
        throw top.error(e.getKey(), unknownKey(e.getKey(), ALL), true);
      }
      if (e.getValue().isNull()) {
        throw top.error(e.getKey(), noValue(e.getKey()), true);
      }
    }
  }

  /**
   * Whether a name can name an output directory: letters, digits, {@code _}, {@code .} and {@code -}, and
   * neither {@code .} nor {@code ..}.
   */
  static boolean isDirectoryName(String name) {
    return NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /** The message for an unknown key: the closest valid key, if one is close, and every valid key. */
  static String unknownKey(String key, List<String> valid) {
    String closest = SettingsBinder.suggest(key, valid);
    return "unknown key '" + key + "'" + (closest == null ? "; valid keys: " : "; did you mean '" + closest
        + "'? Valid keys: ") + String.join(", ", valid);
  }

  /** The message for a top-level key or a block written without a value ({@code learning:} and nothing). */
  static String noValue(String key) {
    String hint = switch (key) {
      case "images", "dictionary", "learning", "solver", "data" -> "write a block such as " + key + ": { type: ... }";
      case "encoding" -> "write a block such as encoding: { store: { size: 28, dtype: float16 } }";
      case "network" -> "write a block such as network: { input: codes, ceil: none }";
      case "training" -> "write a block such as training: { epochs: 10, batch: 64 }";
      case "metrics" -> "write a list such as metrics: [psnr, sparseness]";
      case "variants" -> "write a map of variant names to overrides, e.g. variants: { thin: { dictionary: {"
          + " preset: thin } } }";
      case "parts" -> "write a map of part names to experiment files, e.g. parts: { part-one: part-one.yaml }";
      default -> "write one";
    };
    return "no value; " + hint + ", or remove the key";
  }

  /**
   * The top-level scalars of one experiment, bound like plugin settings so that they get the same
   * conversions and messages.
   *
   * @param name the experiment's name, or {@code null} for the file's
   * @param description free text, or {@code null}
   * @param seed the base seed, 0 by default
   * @param precision the arithmetic, float32 by default
   * @param fft the FFT engine, {@code auto} by default
   * @param threads the threads to use, the available processors by default
   */
  record Header(String name, String description, Long seed, Precision precision, FftBackend fft,
      Integer threads) {
    Header {
      if (name != null && !isDirectoryName(name)) {
        throw new ConfigException("name", "may hold only letters, digits, '_', '.' and '-' (it names the"
            + " output directory), got '" + name + "'");
      }
      seed = seed == null ? 0L : seed;
      precision = precision == null ? Precision.FLOAT32 : precision;
      fft = fft == null ? FftBackend.AUTO : fft;
      threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (threads < 1 || threads > MAX_THREADS) {
        throw new ConfigException("threads", "must be in [1, " + MAX_THREADS + "], got " + threads);
      }
    }
  }

  /**
   * Binds the header scalars of one experiment's tree.
   *
   * @param tree the experiment (variant merged, overrides applied)
   * @param at where its errors are reported
   * @return the header, defaults filled in
   */
  static Header header(Node tree, Locator at) {
    Map<String, Object> header = new LinkedHashMap<>();
    for (String key : HEADER) {
      Node n = tree.get(key);
      if (n != null) {
        header.put(key, n.plain());
      }
    }
    try {
      return SettingsBinder.bind(Header.class, header);
    } catch (ConfigException e) {
      throw at.error(e.key(), e.problem(), false);
    }
  }
}
