package org.sparsecode.experiments.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.sparsecode.api.Plugin;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The listing printed by {@code sparsecode plugins}: every plugin of a registry grouped by role (the YAML
 * block it goes in), with its description and each settings key's type (the values a string takes, the
 * forms a free-form value takes, see {@link org.sparsecode.api.Setting}) and default ("required" for a key
 * without one, "required unless preset is given" for one that another key fills), defaults written for a
 * reader (angles with their degrees, long angle lists as count and range).
 */
public final class PluginCatalog {
  /** The unit whose values are listed with their degrees. */
  private static final String RADIANS = "rad";
  /** Lists of angles up to this long are written in full, longer ones as count and range. */
  private static final int SHORT_LIST = 4;

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
            .append(k.type());
        if (!k.unit().isEmpty()) {
          out.append(" (").append(k.unit()).append(')');
        }
        out.append(", ");
        if (k.required() && k.requiredWithout() != null) {
          out.append("required unless ").append(k.requiredWithout()).append(" is given");
        } else if (k.required()) {
          out.append("required");
        } else if (k.defaultValue() == null) {
          out.append("optional, no default");
        } else {
          out.append("default ").append(readable(k.defaultValue(), k.unit()));
        }
        out.append('\n');
      }
    }
    if (role == null) {
      out.append("(no plugins on the class path)\n");
    }
    return out.toString();
  }

  /**
   * A default as a reader takes it in: angles (unit {@code rad}) with their degrees, a long list of angles
   * as its count and range ({@code 12 values, 0 to 2.88 rad (0° to 165° by 15°)}), anything else as
   * {@link #yaml(Object)}.
   *
   * @param value the default, a plain tree value
   * @param unit the key's unit, empty for none
   * @return the text
   */
  static String readable(Object value, String unit) {
    if (!RADIANS.equals(unit)) {
      return yaml(value);
    }
    if (value instanceof Number n) {
      return angle(n.doubleValue()) + " rad (" + degrees(n.doubleValue()) + ")";
    }
    if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(Number.class::isInstance)) {
      return yaml(value);
    }
    double[] v = list.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
    if (v.length <= SHORT_LIST) {
      return Arrays.stream(v).mapToObj(PluginCatalog::angle).collect(Collectors.joining(", ", "[", "]"))
          + " rad (" + Arrays.stream(v).mapToObj(PluginCatalog::degrees).collect(Collectors.joining(", ")) + ")";
    }
    double step = v[1] - v[0];
    boolean even = true;
    for (int i = 2; i < v.length; i++) {
      even &= Math.abs(v[i] - v[i - 1] - step) <= 1e-9 * Math.max(1, Math.abs(step));
    }
    return v.length + " values, " + angle(v[0]) + " to " + angle(v[v.length - 1]) + " rad (" + degrees(v[0])
        + " to " + degrees(v[v.length - 1]) + (even ? " by " + degrees(step) : "") + ")";
  }

  /** An angle in radians to 4 significant digits. */
  private static String angle(double radians) {
    return Double.isFinite(radians) ? significant(radians, 4) : String.valueOf(radians);
  }

  /** An angle in degrees to 0.01°, trailing zeros dropped: {@code 15°}, {@code 7.5°}. */
  private static String degrees(double radians) {
    double d = Math.toDegrees(radians);
    if (!Double.isFinite(d)) {
      return d + "°";
    }
    return new BigDecimal(d).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString() + "°";
  }

  /** {@code x} rounded to {@code digits} significant digits, plainly written ({@code 0.0001}, {@code 2.88}). */
  private static String significant(double x, int digits) {
    if (x == 0) {
      return "0";
    }
    return new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN)).stripTrailingZeros()
        .toString().replace("E", "e");
  }

  /**
   * A number as a reader takes it in: integers and whole doubles as Java writes them ({@code 12},
   * {@code 3.0}), other doubles to 6 significant digits ({@code 0.00392157} for 1/255, {@code 0.0001}).
   */
  private static String number(Number n) {
    if (!(n instanceof Double || n instanceof Float)) {
      return String.valueOf(n);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d) || (d == Math.rint(d) && Math.abs(d) < 1e7)) {
      return String.valueOf(d);
    }
    return significant(d, 6);
  }

  /**
   * A value written as YAML flow style: {@code {enabled: true, period: 10}}, {@code [0.1, 0.2]}; doubles to 6
   * significant digits.
   */
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
    if (value instanceof Number n) {
      return number(n);
    }
    return String.valueOf(value);
  }
}
