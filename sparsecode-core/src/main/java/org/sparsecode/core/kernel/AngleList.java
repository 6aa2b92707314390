package org.sparsecode.core.kernel;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.ConfigException;

/**
 * Parses the value forms a list of angles (or of other numbers) may take in YAML:
 * <ul>
 *   <li>an integer {@code n}: {@code linspace(0, π, n, endpoint=False)}, i.e. {@code n} evenly spaced
 *       angles of the half turn (only where a count makes sense: orientations and phases);</li>
 *   <li>a list of numbers, taken as they are (radians for angles);</li>
 *   <li>a map {@code {linspace: [a, b, n], dropFirst: true|false}}: numpy's {@code linspace(a, b, n)},
 *       which includes {@code b}, without its first element when {@code dropFirst} is true.</li>
 * </ul>
 * The {@code linspace} values are bit-identical to numpy's ({@link #linspace}), so that dictionaries
 * built from the paper's parameters match the reference arrays exactly.
 */
public final class AngleList {
  private static final String FORMS = "an integer count n (linspace(0, pi, n, endpoint=False)), a list of "
      + "numbers, or {linspace: [a, b, n], dropFirst: true|false}";
  private static final String FORMS_NO_COUNT = "a list of numbers or {linspace: [a, b, n], dropFirst: true|false}";

  /** The forms of a list of angles with a count, for listings ({@link org.sparsecode.api.Setting#form()}). */
  public static final String FORM = "n (evenly over [0, pi)), a list or {linspace: [a, b, n], dropFirst: bool}";
  /** The forms of a list without a count ({@code bThetas}), for listings. */
  public static final String FORM_NO_COUNT = "a list or {linspace: [a, b, n], dropFirst: bool}";

  private AngleList() {}

  /**
   * Parses one of the forms described in the class comment.
   *
   * @param key the YAML key, used in error messages (e.g. {@code thetas})
   * @param value the raw tree value: a {@link Number}, a {@link List} or a {@link Map}
   * @param countAllowed whether an integer count is accepted (false for {@code bThetas}, which has no
   *     natural range)
   * @return the values, at least one, all finite
   * @throws ConfigException naming {@code key} (or {@code key[i]}, {@code key.linspace}) when the value
   *     has another form, is empty or holds a non-finite or non-numeric element
   */
  public static double[] parse(String key, Object value, boolean countAllowed) {
    if (value == null) {
      throw new ConfigException(key, "is required: give " + (countAllowed ? FORMS : FORMS_NO_COUNT));
    }
    if (value instanceof double[] array) {
      return checked(key, array.clone());
    }
    if (value instanceof Number number) {
      return parseCount(key, number, countAllowed);
    }
    if (value instanceof List<?> list) {
      return parseList(key, list);
    }
    if (value instanceof Map<?, ?> map) {
      return parseMap(key, map);
    }
    throw new ConfigException(key, "must be " + (countAllowed ? FORMS : FORMS_NO_COUNT) + ", got "
        + describe(value));
  }

  /**
   * numpy's {@code linspace(start, stop, num, endpoint)}, bit for bit (numpy 1.24–2.x): element {@code i}
   * is {@code i * step + start} with {@code step = (stop - start) / div}, {@code div = num - 1} (endpoint)
   * or {@code num}; with {@code endpoint} the last element is set to {@code stop} exactly.
   *
   * @param start the first value
   * @param stop the last value (included when {@code endpoint})
   * @param num the number of values, at least 0
   * @param endpoint whether {@code stop} is the last value
   * @return the values
   */
  public static double[] linspace(double start, double stop, int num, boolean endpoint) {
    if (num < 0) {
      throw new IllegalArgumentException("linspace: num must be >= 0, got " + num);
    }
    int div = endpoint ? num - 1 : num;
    double delta = stop - start;
    double[] y = new double[num];
    if (div > 0) {
      double step = delta / div;
      for (int i = 0; i < num; i++) {
        // numpy: y = arange(num) * step (or (arange / div) * delta when step == 0), then y += start
        y[i] = (step == 0 ? (i / (double) div) * delta : i * step) + start;
      }
    } else {
      // num == 1 with endpoint (div == 0): numpy multiplies by delta, the single value is start
      for (int i = 0; i < num; i++) {
        y[i] = i * delta + start;
      }
    }
    if (endpoint && num > 1) {
      y[num - 1] = stop;
    }
    return y;
  }

  /**
   * The values as an immutable list (the resolved form kept in settings records).
   *
   * @param values the values
   * @return an unmodifiable list of the same values
   */
  public static List<Double> toList(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return List.copyOf(out);
  }

  private static double[] parseCount(String key, Number number, boolean countAllowed) {
    if (!isInteger(number)) {
      throw new ConfigException(key, "a single number (" + number + ") is ambiguous: write a count as an "
          + "integer (e.g. 12) or one angle as a list (e.g. [" + number + "])");
    }
    if (!countAllowed) {
      throw new ConfigException(key, "an integer count (" + number + ") is not allowed here (there is no "
          + "natural range to divide); give " + FORMS_NO_COUNT);
    }
    long n = number.longValue();
    if (n < 1 || n > 1_000_000) {
      throw new ConfigException(key, "the count must be in [1, 1000000], got " + number);
    }
    return linspace(0, Math.PI, (int) n, false);
  }

  private static double[] parseList(String key, List<?> list) {
    if (list.isEmpty()) {
      throw new ConfigException(key, "must hold at least one value, got an empty list");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(key + "[" + i + "]", list.get(i));
    }
    return out;
  }

  private static double[] parseMap(String key, Map<?, ?> map) {
    for (Object k : map.keySet()) {
      if (!"linspace".equals(k) && !"dropFirst".equals(k)) {
        throw new ConfigException(key + "." + k, "unknown key; allowed: linspace, dropFirst");
      }
    }
    Object spec = map.get("linspace");
    String lkey = key + ".linspace";
    if (!(spec instanceof List<?> args) || args.size() != 3) {
      throw new ConfigException(lkey, "must be a list [a, b, n] (n values from a to b, b included), got "
          + describe(spec));
    }
    double a = number(lkey + "[0]", args.get(0));
    double b = number(lkey + "[1]", args.get(1));
    Object nValue = args.get(2);
    if (!(nValue instanceof Number nn) || !isInteger(nn) || nn.longValue() < 1 || nn.longValue() > 1_000_000) {
      throw new ConfigException(lkey + "[2]", "the count n must be an integer in [1, 1000000], got "
          + describe(nValue));
    }
    int n = (int) nn.longValue();
    Object drop = map.get("dropFirst");
    boolean dropFirst;
    if (drop == null) {
      dropFirst = false;
    } else if (drop instanceof Boolean flag) {
      dropFirst = flag;
    } else {
      throw new ConfigException(key + ".dropFirst", "must be true or false, got " + describe(drop));
    }
    double[] values = linspace(a, b, n, true);
    if (dropFirst) {
      if (n < 2) {
        throw new ConfigException(key + ".dropFirst", "would leave no value: linspace has n = " + n);
      }
      values = Arrays.copyOfRange(values, 1, n);
    }
    return values;
  }

  private static double number(String key, Object value) {
    if (!(value instanceof Number number)) {
      throw new ConfigException(key, "must be a number, got " + describe(value));
    }
    double v = number.doubleValue();
    if (!Double.isFinite(v)) {
      throw new ConfigException(key, "must be finite, got " + v);
    }
    return v;
  }

  private static double[] checked(String key, double[] values) {
    if (values.length == 0) {
      throw new ConfigException(key, "must hold at least one value, got an empty list");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new ConfigException(key + "[" + i + "]", "must be finite, got " + values[i]);
      }
    }
    return values;
  }

  private static boolean isInteger(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      return true;
    }
    return false;
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }
}
