package org.sparsecode.experiments.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Variant expansion: {@code variants:} maps a name (it becomes a directory name) to an override tree that
 * is deep-merged onto the rest of the file. Maps merge key by key, lists and scalars replace, and a map whose
 * {@code type:} differs from the base's replaces the whole block (the settings of one plugin mean nothing to
 * another). A variant may override every top-level key but {@code name}, {@code variants}, {@code parts} and
 * {@code sweep}.
 */
final class Variants {
  private Variants() {}

  /**
   * Expands and builds every variant; a variant that fails does not stop the others from being tried, so
   * that a problem every variant shares is reported once.
   *
   * @param top where errors in the {@code variants:} block are reported
   * @param base the file without {@code variants:} and {@code parts:}
   * @param variants the {@code variants:} block, not null
   * @param build builds one experiment from a merged tree and its variant's name
   * @return one experiment per variant, in file order
   * @throws ConfigError for a malformed block, or the first variant that fails
   */
  static <T> List<T> expand(Locator top, Node base, Node variants, BiFunction<Node, String, T> build) {
    if (!variants.isMap() || variants.entries().isEmpty()) {
      throw top.error("variants", (variants.isMap() ? "is empty; list at least one variant" : "expected a map"
          + " of variant names to overrides") + ", e.g. variants: { thin: { dictionary: { preset: thin } } }"
          + (variants.isMap() ? ", or remove the key" : ", got " + variants.describe()), false);
    }
    List<T> experiments = new ArrayList<>();
    Map<String, ConfigError> failures = new LinkedHashMap<>();
    for (Map.Entry<String, Node> e : variants.entries().entrySet()) {
      String name = e.getKey();
      Node v = overrides(top, name, e.getValue());
      try {
        experiments.add(build.apply(merge(base, v), name));
      } catch (ConfigError error) {
        failures.put(name, error);
      }
    }
    if (!failures.isEmpty()) {
      throw firstFailure(failures, variants.entries().size());
    }
    return experiments;
  }

  /** Checks a variant's name and the keys of its overrides; returns the overrides (empty for a null). */
  private static Node overrides(Locator top, String name, Node v) {
    String path = "variants." + name;
    if (!TopLevelKeys.isDirectoryName(name)) {
      throw top.error(path, "a variant name may hold only letters, digits, '_', '.' and '-' (it names the"
          + " variant's output directory), got '" + name + "'", true);
    }
    if (v.isNull()) {
      return Node.map(Map.of(), v.origin());
    }
    if (!v.isMap()) {
      throw top.error(path, "expected a map of overrides such as { solver: { lambda: 0.01 } }, got "
          + v.describe(), false);
    }
    for (Map.Entry<String, Node> o : v.entries().entrySet()) {
      String key = o.getKey();
      if (!TopLevelKeys.VARIANT.contains(key)) {
        String problem = key.equals("fft") ? "a variant cannot override 'fft': the FFT engine is run-wide; set"
            + " fft: at the top of the file"
            : TopLevelKeys.ALL.contains(key) ? "a variant cannot override '" + key + "'"
            : TopLevelKeys.unknownKey(key, TopLevelKeys.VARIANT);
        throw top.error(path + "." + key, problem, true);
      }
      if (o.getValue().isNull()) {
        throw top.error(path + "." + key, TopLevelKeys.noValue(key), true);
      }
    }
    return v;
  }

  /**
   * Deep merge: maps merge key by key; lists and scalars replace; a map with another {@code type} replaces.
   *
   * @param base the tree merged onto
   * @param over the overrides
   * @return the merged tree; the nodes keep their origins
   */
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

  /**
   * The error to report when variants fail: the first one, without its "(in variant 'x')" when every
   * variant fails the same way (the problem is then in the base or in a --set, not in a variant).
   */
  static ConfigError firstFailure(Map<String, ConfigError> failures, int variants) {
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
}
