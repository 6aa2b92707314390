package org.sparsecode.experiments.run;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sparsecode.experiments.results.Json;

/**
 * The keys whose values differ between the configuration a run directory recorded ({@code config.yaml}) and
 * the one asked for now, so that a rerun into a finished directory with another configuration is refused with
 * the differences named instead of silently keeping the old results.
 */
public final class ConfigChanges {
  private static final YAMLMapper YAML = new YAMLMapper();

  private ConfigChanges() {}

  /**
   * The differences between two resolved configurations, one line per key path ({@code solver.lambda: 0.01
   * there, 0.005 here}), in the order of the keys. Both trees are compared in their canonical JSON form, so
   * that {@code 1e-2} and {@code 0.01} are equal.
   *
   * @param recorded the configuration the directory holds
   * @param asked the configuration asked for now
   * @return the differing keys with both values; empty when equal
   */
  public static List<String> between(Map<String, Object> recorded, Map<String, Object> asked) {
    Map<String, Object> a = flatten(canonical(recorded));
    Map<String, Object> b = flatten(canonical(asked));
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      Object x = a.get(k);
      Object y = b.get(k);
      if (!Objects.equals(x, y)) {
        out.add(k + ": " + show(x, a.containsKey(k)) + " there, " + show(y, b.containsKey(k)) + " here");
      }
    }
    return out;
  }

  /**
   * Reads the resolved configuration a run recorded in its {@code config.yaml}.
   *
   * @param file the file
   * @return the tree, or {@code null} when the file is missing or unreadable (nothing then to compare)
   */
  public static Map<String, Object> recorded(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      Object tree = YAML.readValue(Files.readString(file), Object.class);
      if (tree instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return map;
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, Object> canonical(Map<String, Object> tree) {
    return Json.parseObject(Json.canonical(tree), "configuration");
  }

  private static String show(Object value, boolean present) {
    if (!present) {
      return "absent";
    }
    return Json.canonical(value);
  }

  /** Maps flattened to dotted key paths; lists and scalars are leaves. */
  private static Map<String, Object> flatten(Map<String, Object> tree) {
    Map<String, Object> out = new LinkedHashMap<>();
    flatten("", tree, out);
    return out;
  }

  private static void flatten(String prefix, Object node, Map<String, Object> out) {
    if (node instanceof Map<?, ?> m && !m.isEmpty()) {
      m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
    } else {
      out.put(prefix, node);
    }
  }
}
