package org.sparsecode.experiments.config;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sparsecode.api.Plugin;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The listing printed by {@code sparsecode plugins}: every plugin of a registry grouped by role (the YAML
 * block it goes in), with its description and each settings key's type and default ("required" for a key
 * without one).
 */
public final class PluginCatalog {
  private PluginCatalog() {}

  /**
   * Describes every plugin of a registry.
   *
   * @param registry the plugins
   * @return the listing, one section per role, plugins sorted by name
   */
  public static String describe(PluginRegistry registry) {
    StringBuilder out = new StringBuilder();
    String role = null;
    for (Plugin<?> p : registry.all()) {
      String r = PluginRegistry.roleName(p.role());
      if (!r.equals(role)) {
        if (role != null) {
          out.append('\n');
        }
        out.append(r).append(" (").append(p.role().getSimpleName()).append(")\n");
        role = r;
      }
      out.append("  ").append(p.name());
      if (!p.description().isEmpty()) {
        out.append(" - ").append(p.description());
      }
      out.append('\n');
      List<SettingsBinder.Key> keys = SettingsBinder.keys(p.settings());
      int width = keys.stream().mapToInt(k -> k.name().length()).max().orElse(0);
      for (SettingsBinder.Key k : keys) {
        out.append("      ").append(k.name()).append(" ".repeat(width - k.name().length() + 2))
            .append(k.type()).append(", ");
        if (k.required()) {
          out.append("required");
        } else if (k.defaultValue() == null) {
          out.append("optional, no default");
        } else {
          out.append("default ").append(yaml(k.defaultValue()));
        }
        out.append('\n');
      }
    }
    if (role == null) {
      out.append("(no plugins on the class path)\n");
    }
    return out.toString();
  }

  /** A value written as YAML flow style: {@code {enabled: true, period: 10}}, {@code [0.1, 0.2]}. */
  static String yaml(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + ": " + yaml(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PluginCatalog::yaml).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String s && (s.isEmpty() || !s.matches("[A-Za-z0-9_./+-][A-Za-z0-9_./ +-]*"))) {
      return "'" + s.replace("'", "''") + "'";
    }
    return String.valueOf(value);
  }
}
