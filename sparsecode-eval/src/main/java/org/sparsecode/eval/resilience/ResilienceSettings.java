package org.sparsecode.eval.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code resilience} metric. YAML:
 * {@code {type: resilience, cutoffs: {linspace: [0.001, 0.5, 6]}, form: absolute}}.
 *
 * @param cutoffs the absolute cutoffs c of the {@code absolute} form (coefficients with {@code |x| < c} are
 *     zeroed): a non-empty list of finite numbers ≥ 0, or {@code {linspace: [start, stop, n]}} with n ≥ 2
 *     ({@code numpy.linspace}); default {@code linspace(0.001, 0.5, 6)} (the paper's). Normalised to the
 *     list of doubles; ignored by the {@code ceil} form
 * @param form {@code absolute} (zero {@code |x| < c}) or {@code ceil} (zero {@code |x| < max|x| / c});
 *     default {@code absolute}
 * @param divisors the divisors c of the {@code ceil} form: a non-empty list of finite numbers &gt; 0;
 *     default {@code [4, 2]} (the paper's downstream experiment); ignored by the {@code absolute} form
 */
public record ResilienceSettings(@Setting(form = "a list of numbers >= 0 or {linspace: [a, b, n]}") Object cutoffs,
    @Setting(oneOf = {"absolute", "ceil"}) String form, List<Double> divisors) {

  /** The default form. */
  public static final String ABSOLUTE = "absolute";

  /** The other form. */
  public static final String CEIL = "ceil";

  /** The most cutoffs a linspace may make (the metric codes every image once per cutoff). */
  public static final int MAX_CUTOFFS = 10_000;

  /**
   * Replaces nulls by the defaults, normalises {@code cutoffs} to a list and validates.
   *
   * @throws ConfigException naming {@code cutoffs}, {@code form} or {@code divisors} when a value is invalid
   */
  public ResilienceSettings {
    cutoffs = normaliseCutoffs(cutoffs == null ? Resilience.DEFAULT_CUTOFFS : cutoffs);
    form = form == null ? ABSOLUTE : form.toLowerCase(Locale.ROOT);
    if (!ABSOLUTE.equals(form) && !CEIL.equals(form)) {
      throw new ConfigException("form", "must be 'absolute' or 'ceil', got '" + form + "'");
    }
    divisors = List.copyOf(divisors == null ? Resilience.DEFAULT_CEIL_DIVISORS : divisors);
    if (divisors.isEmpty()) {
      throw new ConfigException("divisors", "must list at least one divisor");
    }
    for (int i = 0; i < divisors.size(); i++) {
      Checks.positive("divisors[" + i + "]", divisors.get(i));
    }
  }

  /**
   * The defaults.
   *
   * @return settings with every default
   */
  public static ResilienceSettings defaults() {
    return new ResilienceSettings(null, null, null);
  }

  /**
   * The cutoffs as numbers.
   *
   * @return the normalised cutoff list
   */
  @SuppressWarnings("unchecked")
  public List<Double> cutoffList() {
    return (List<Double>) cutoffs;
  }

  /**
   * Turns the YAML value of {@code cutoffs} into a validated list.
   *
   * @param value a list of numbers or {@code {linspace: [start, stop, n]}}
   * @return an unmodifiable list of finite numbers ≥ 0
   */
  private static List<Double> normaliseCutoffs(Object value) {
    List<Double> out;
    if (value instanceof List<?> list) {
      out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(number("cutoffs[" + i + "]", list.get(i)));
      }
    } else if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("linspace") instanceof List<?> l) {
      if (l.size() != 3) {
        throw new ConfigException("cutoffs.linspace", "must be [start, stop, n], got " + l);
      }
      double start = number("cutoffs.linspace[0]", l.get(0));
      double stop = number("cutoffs.linspace[1]", l.get(1));
      double n = number("cutoffs.linspace[2]", l.get(2));
      if (n != Math.rint(n) || n < 2 || n > MAX_CUTOFFS) {
        throw new ConfigException("cutoffs.linspace[2]", "must be an integer in [2, " + MAX_CUTOFFS + "], got "
            + l.get(2));
      }
      out = Resilience.linspace(start, stop, (int) n);
    } else {
      throw new ConfigException("cutoffs", "must be a list of numbers or {linspace: [start, stop, n]}, got "
          + value);
    }
    if (out.isEmpty()) {
      throw new ConfigException("cutoffs", "must list at least one cutoff");
    }
    for (int i = 0; i < out.size(); i++) {
      Checks.nonNegative("cutoffs[" + i + "]", out.get(i));
    }
    return List.copyOf(out);
  }

  /**
   * One number of the YAML value.
   *
   * @param key the key, for messages
   * @param v the value
   * @return its double value
   */
  private static double number(String key, Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new ConfigException(key, "must be a number, got " + v);
  }
}
