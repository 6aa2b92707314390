package org.sparsecode.core.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.Setting;

/**
 * Binds a configuration tree (maps, lists, strings, numbers, booleans, as parsed from YAML) to a plugin's
 * settings record, and turns a record back into such a tree.
 *
 * <p>Binding is plain reflection over the record's components and its canonical constructor: each key of
 * the map names a component; a missing key arrives as {@code null} (the compact constructor then fills
 * the default). Values are converted to the component's declared type:
 *
 * <ul>
 *   <li>{@code Double}/{@code double}, {@code Float}: any number, or a string that parses as one
 *       ({@code "5e-3"}); anything else is "expected a number, got 'abc'";
 *   <li>{@code Integer}, {@code Long} (and primitives): an integral number ({@code 1.5} is an error);
 *   <li>{@code Boolean}: {@code true}/{@code false};
 *   <li>{@code String}: a string, or a number/boolean written as text;
 *   <li>enums: the constant's name, case-insensitive, with {@code -} or {@code _} between words
 *       ({@code float-32}, {@code FLOAT_32}, {@code Float32}); an enum with a public {@code yamlName()}
 *       method is also matched by, and written as, that name;
 *   <li>{@code List<X>}, {@code Map<String, X>}: element by element, using the generic type;
 *   <li>nested records: recursively, their keys prefixed by the component's name ({@code autoRho.period});
 *   <li>{@code Object}: the raw tree value, unchanged (free-form settings such as
 *       {@code bThetas: {linspace: [0, 0.5, 7]}}).
 * </ul>
 *
 * <p>A key that is present without a value ({@code lambda:} in YAML, a {@code null} in the map) is an error
 * ("no value"), never silently the default: only a key left out takes its default.
 *
 * <p>Numbers must be finite: YAML's {@code .nan}, {@code .inf} and {@code -.inf} (and a literal too large for
 * a double, such as {@code 1e400}) are rejected for every number, inside lists, maps and free-form
 * {@code Object} values too, unless the component is annotated {@link AllowNonFinite}; so is an integer
 * too large for its type. To name the allowed range, the binder still hands such a value to the compact
 * constructor (an out-of-range integer clamped to its type's bound): when the record rejects it, its
 * message (say {@code must be > 0 and finite}) is reported with the value as written; when the record
 * would accept it, the binder's own ({@code must be a finite number}).
 *
 * <p>Every failure is a {@link ConfigException} whose key is the path inside the block: {@code lambda},
 * {@code autoRho.period}, {@code cutoffs[2]}. An unknown key is an {@link UnknownKeyException} naming the
 * valid keys and the closest one. A {@link ConfigException} from a compact constructor propagates with
 * the nested prefix added; any other exception from a constructor becomes a {@link ConfigException} on
 * the record's own key (the empty key {@code ""} for the block itself).
 */
public final class SettingsBinder {
  private SettingsBinder() {}

  /**
   * An unknown key in a block: the message lists the valid keys and suggests the closest one.
   * Distinguished from other {@link ConfigException}s so that a loader can point at the key rather than
   * at its value.
   */
  public static final class UnknownKeyException extends ConfigException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param key the unknown key's path inside the block
     * @param problem the message, e.g. {@code unknown key 'lamda'; did you mean 'lambda'? Valid keys: ...}
     */
    public UnknownKeyException(String key, String problem) {
      super(key, problem);
    }
  }

  /**
   * Marks a number component (or a list or map of numbers) that may be NaN or infinite: the binder then
   * lets YAML's {@code .nan}, {@code .inf} and {@code -.inf} through to the compact constructor.
   */
  @Documented
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
  public @interface AllowNonFinite {}

  /**
   * A value the binder could not pass on as written: a non-finite number, or an integer too large for its
   * type (passed on clamped). {@code shown} is the value as the message shows it.
   */
  private record Bad(String path, String shown, String problem) {
    ConfigException error() {
      return new ConfigException(path, problem + ", got " + shown);
    }
  }

  /**
   * One settings key of a record, for listings such as {@code sparsecode plugins}.
   *
   * @param name the YAML key (the component's name)
   * @param type a short readable type, e.g. {@code number}, {@code integer}, {@code list of number},
   *     {@code one of thin|full} (an enum, or a string whose values {@link Setting#oneOf()} lists), or the
   *     {@link Setting#form()} of a free-form value
   * @param required whether the key has no default (binding fails without it)
   * @param defaultValue the default as a plain tree value (see {@link #toMap(Record)}), or {@code null}
   *     when the key is required or defaults to nothing
   * @param requiredWithout for a required key that another key makes optional (log-gabor's {@code thetas},
   *     filled by a {@code preset}): that other key; else {@code null}
   * @param unit the {@link Setting#unit()} of the value, e.g. {@code rad}; empty for none
   */
  public record Key(String name, String type, boolean required, Object defaultValue, String requiredWithout,
      String unit) {

    /** Normalises a null unit to empty. */
    public Key {
      unit = unit == null ? "" : unit;
    }

    /**
     * A key without a unit that no other key makes optional.
     *
     * @param name see {@link #name()}
     * @param type see {@link #type()}
     * @param required see {@link #required()}
     * @param defaultValue see {@link #defaultValue()}
     */
    public Key(String name, String type, boolean required, Object defaultValue) {
      this(name, type, required, defaultValue, null, "");
    }
  }

  /**
   * Binds a block (without its {@code type} key) to a settings record.
   *
   * @param type the record class
   * @param values the block's keys and values; a key mapped to {@code null} is an error ("no value"), a key
   *     left out takes its default
   * @param <R> the record type
   * @return the validated record, defaults filled in
   * @throws ConfigException on an unknown key, a value of the wrong type, or a value the record rejects;
   *     the key is the path inside the block
   */
  public static <R extends Record> R bind(Class<R> type, Map<String, ?> values) {
    return bind(type, values == null ? Map.of() : values, "");
  }

  /**
   * The record with every default: {@code bind(type, Map.of())}.
   *
   * @param type the record class
   * @param <R> the record type
   * @return the defaults, or empty when a key is required (has no default)
   */
  public static <R extends Record> Optional<R> defaults(Class<R> type) {
    try {
      return Optional.of(bind(type, Map.of()));
    } catch (ConfigException e) {
      return Optional.empty();
    }
  }

  /**
   * Every key of a settings record with its type and default. Required keys are found by binding an
   * empty block and, while a {@code "... is required"} failure names a key, retrying with a placeholder
   * for it; the defaults of the other keys come from the record so obtained.
   *
   * @param type the record class
   * @return the keys in declaration order
   */
  public static List<Key> keys(Class<? extends Record> type) {
    RecordComponent[] components = type.getRecordComponents();
    Map<String, Object> placeholders = new LinkedHashMap<>();
    Map<String, Integer> tried = new LinkedHashMap<>();
    Record bound = null;
    // each failure names one key: give it a placeholder, or its next one when the previous was rejected
    for (int attempt = 0; attempt < 8 * components.length + 1 && bound == null; attempt++) {
      try {
        bound = bind(type, placeholders);
      } catch (ConfigException e) {
        RecordComponent c = component(components, e.key());
        if (c == null) {
          break;
        }
        List<Object> candidates = placeholders(c.getGenericType());
        int next = tried.merge(c.getName(), 1, Integer::sum) - 1;
        if (next >= candidates.size()) {
          break;
        }
        placeholders.put(c.getName(), candidates.get(next));
      }
    }
    Map<String, Object> defaults = bound == null ? Map.of() : toMap(bound);
    List<Key> keys = new ArrayList<>();
    for (RecordComponent c : components) {
      boolean required = placeholders.containsKey(c.getName());
      Setting setting = c.getAnnotation(Setting.class);
      keys.add(new Key(c.getName(), describe(c), required, required ? null : defaults.get(c.getName()),
          required && bound != null ? requiredWithout(type, components, c.getName(), placeholders) : null,
          setting == null ? "" : setting.unit()));
    }
    return keys;
  }

  /**
   * The key whose value makes a required key optional: binding succeeds without {@code key} once that other
   * key takes one of its listed values ({@link Setting#oneOf()}), as log-gabor's {@code preset} fills
   * {@code thetas}.
   */
  private static String requiredWithout(Class<? extends Record> type, RecordComponent[] components, String key,
      Map<String, Object> placeholders) {
    for (RecordComponent other : components) {
      Setting setting = other.getAnnotation(Setting.class);
      if (other.getName().equals(key) || setting == null) {
        continue;
      }
      for (String value : setting.oneOf()) {
        Map<String, Object> values = new LinkedHashMap<>(placeholders);
        values.remove(key);
        values.put(other.getName(), value);
        try {
          bind(type, values);
          return other.getName();
        } catch (ConfigException e) {
          // this value does not fill the key: try the next
        }
      }
    }
    return null;
  }

  /**
   * The record as a tree, components in declaration order ({@code null} components omitted): nested
   * records become maps, enums their YAML names, lists and maps are converted element by element, other
   * values are kept as they are. Binding the result gives back an equal record.
   *
   * @param settings the record
   * @return a map of component names to plain values (nested records become maps)
   */
  public static Map<String, Object> toMap(Record settings) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (RecordComponent c : settings.getClass().getRecordComponents()) {
      Object value;
      try {
        Method accessor = c.getAccessor();
        accessor.setAccessible(true);
        value = accessor.invoke(settings);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + settings.getClass().getName() + "." + c.getName(), e);
      }
      if (value != null) {
        out.put(c.getName(), plain(value));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------------
  // binding

  private static <R extends Record> R bind(Class<R> type, Map<String, ?> values, String prefix) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    for (Object key : values.keySet()) {
      String k = String.valueOf(key);
      if (!names.contains(k)) {
        throw unknownKey(prefix + k, k, names);
      }
    }
    Object[] args = new Object[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    List<Bad> bad = new ArrayList<>();
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      parameterTypes[i] = c.getType();
      Object raw = values.get(c.getName());
      String path = prefix + c.getName();
      if (raw == null && values.containsKey(c.getName())) {
        throw new ConfigException(path, noValue(type, c, values, prefix));
      }
      if (raw == null && c.getType().isPrimitive()) {
        throw new ConfigException(path, "is required");
      }
      args[i] = convert(c.getGenericType(), raw, path, bad, c.isAnnotationPresent(AllowNonFinite.class));
    }
    Constructor<R> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
    }
    String self = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    try {
      R bound = constructor.newInstance(args);
      if (!bad.isEmpty()) {
        throw bad.get(0).error();
      }
      return bound;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (!bad.isEmpty()) {
        // the record's own message names the allowed range; report it with the value as written
        if (cause instanceof ConfigException ce) {
          for (Bad b : bad) {
            if (b.path().equals(prefix + ce.key())) {
              String problem = ce.problem();
              int got = problem.lastIndexOf(", got ");
              problem = got >= 0 ? problem.substring(0, got) : problem;
              throw new ConfigException(b.path(), problem + ", got " + b.shown());
            }
          }
        }
        throw bad.get(0).error();
      }
      if (cause instanceof ConfigException ce) {
        if (prefix.isEmpty()) {
          throw ce;
        }
        String key = ce.key().isEmpty() ? self : prefix + ce.key();
        ConfigException prefixed = ce instanceof UnknownKeyException
            ? new UnknownKeyException(key, ce.problem()) : new ConfigException(key, ce.problem());
        prefixed.initCause(ce);
        throw prefixed;
      }
      String problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      ConfigException wrapped = new ConfigException(self, problem);
      wrapped.initCause(cause);
      throw wrapped;
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private static UnknownKeyException unknownKey(String path, String key, List<String> valid) {
    StringBuilder msg = new StringBuilder("unknown key '").append(key).append("'");
    String closest = suggest(key, valid);
    if (valid.isEmpty()) {
      msg.append("; this block takes no keys");
    } else if (closest != null) {
      msg.append("; did you mean '").append(closest).append("'? Valid keys: ").append(String.join(", ", valid));
    } else {
      msg.append("; valid keys: ").append(String.join(", ", valid));
    }
    return new UnknownKeyException(path, msg.toString());
  }

  /** The problem of a key written without a value: what to write, and the default that leaving it out gives. */
  private static String noValue(Class<? extends Record> type, RecordComponent c, Map<String, ?> values,
      String prefix) {
    StringBuilder msg = new StringBuilder("no value; write ").append(withArticle(describe(c.getGenericType())));
    Object fallback = null;
    Map<String, Object> without = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        without.put(String.valueOf(k), v);
      }
    });
    try {
      Record defaults = bind(type, without, prefix);
      fallback = toMap(defaults).get(c.getName());
    } catch (ConfigException e) {
      if (e.key().equals(prefix + c.getName())) {
        // left out, the key would be missing: it has no default
        return msg.append(" (the key is required)").toString();
      }
      // another key is missing or invalid: the default cannot be shown
    }
    msg.append(", or leave the key out");
    if (fallback != null) {
      msg.append(" for its default, ").append(abbreviate(String.valueOf(fallback)));
    }
    return msg.toString();
  }

  private static String withArticle(String type) {
    if (type.equals("any")) {
      return "a value";
    }
    if (type.startsWith("one of")) {
      return type;
    }
    return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  /**
   * The valid name a misspelt one most likely meant: the closest by edit distance ({@link Names#closest}),
   * else the only valid name that starts with it or that it starts with ({@code maxIter} for
   * {@code maxIterations}), ignoring case, for names of at least 3 characters.
   *
   * @param name what the user wrote
   * @param valid the valid names
   * @return the suggestion, or {@code null}
   */
  public static String suggest(String name, Collection<String> valid) {
    String closest = Names.closest(name, valid);
    if (closest != null || name.length() < 3) {
      return closest;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    List<String> prefixed = valid.stream().filter(v -> {
      String w = v.toLowerCase(Locale.ROOT);
      return w.startsWith(lower) || (lower.startsWith(w) && w.length() >= 3);
    }).toList();
    return prefixed.size() == 1 ? prefixed.get(0) : null;
  }

  /**
   * Converts a tree value to a component's type.
   *
   * @param bad collects the values passed on other than as written (see {@link Bad})
   * @param nonFinite whether NaN and infinities are allowed ({@link AllowNonFinite})
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Type target, Object value, String path, List<Bad> bad, boolean nonFinite) {
    if (value == null) {
      return null;
    }
    if (target instanceof WildcardType w) {
      return convert(w.getUpperBounds().length == 0 ? Object.class : w.getUpperBounds()[0], value, path, bad,
          nonFinite);
    }
    if (target instanceof TypeVariable<?> || target instanceof GenericArrayType) {
      checkRaw(value, path, bad, nonFinite);
      return value;
    }
    if (target instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (List.class.isAssignableFrom(raw) || raw == java.util.Collection.class) {
        return convertList(args[0], value, path, bad, nonFinite);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return convertMap(args[1], value, path, bad, nonFinite);
      }
      if (raw == Optional.class) {
        return Optional.ofNullable(convert(args[0], value, path, bad, nonFinite));
      }
      return convert(raw, value, path, bad, nonFinite);
    }
    Class<?> cls = (Class<?>) target;
    if (cls == Object.class) {
      checkRaw(value, path, bad, nonFinite);
      return value;
    }
    if (cls == Double.class || cls == double.class) {
      double d = toDouble(value, path);
      if (!nonFinite && !Double.isFinite(d)) {
        bad.add(new Bad(path, shown(value, d), "must be a finite number"));
      }
      return d;
    }
    if (cls == Float.class || cls == float.class) {
      double d = toDouble(value, path);
      float f = (float) d;
      if (!nonFinite && !Float.isFinite(f)) {
        bad.add(new Bad(path, shown(value, d), Double.isFinite(d) ? "must be a finite number within the range of"
            + " a float (about ±3.4e38)" : "must be a finite number"));
      }
      return f;
    }
    if (cls == Integer.class || cls == int.class) {
      return (int) toIntegral(value, path, Integer.MIN_VALUE, Integer.MAX_VALUE, bad);
    }
    if (cls == Long.class || cls == long.class) {
      return toIntegral(value, path, Long.MIN_VALUE, Long.MAX_VALUE, bad);
    }
    if (cls == Boolean.class || cls == boolean.class) {
      return toBoolean(value, path);
    }
    if (cls == String.class) {
      if (value instanceof Map || value instanceof List) {
        throw new ConfigException(path, "expected a string, got " + describeValue(value));
      }
      return String.valueOf(value);
    }
    if (cls == Path.class) {
      if (value instanceof Map || value instanceof List) {
        throw new ConfigException(path, "expected a path, got " + describeValue(value));
      }
      return Path.of(String.valueOf(value));
    }
    if (cls.isEnum()) {
      return toEnum((Class<? extends Enum>) cls, value, path);
    }
    if (cls.isRecord()) {
      if (!(value instanceof Map<?, ?> m)) {
        throw new ConfigException(path, "expected a map of " + keyList((Class<? extends Record>) cls)
            + ", got " + describeValue(value));
      }
      return bind((Class<? extends Record>) cls, stringKeys(m, path), path + ".");
    }
    if (List.class.isAssignableFrom(cls)) {
      return convertList(Object.class, value, path, bad, nonFinite);
    }
    if (Map.class.isAssignableFrom(cls)) {
      return convertMap(Object.class, value, path, bad, nonFinite);
    }
    if (cls.isInstance(value)) {
      return value;
    }
    throw new ConfigException(path, "cannot convert " + describeValue(value) + " to " + cls.getSimpleName());
  }

  private static List<Object> convertList(Type element, Object value, String path, List<Bad> bad,
      boolean nonFinite) {
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(path, "expected a list, got " + describeValue(value));
    }
    List<Object> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      if (item == null) {
        throw new ConfigException(path + "[" + i + "]", "no value; write " + withArticle(describe(element)));
      }
      out.add(convert(element, item, path + "[" + i + "]", bad, nonFinite));
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, Object> convertMap(Type valueType, Object value, String path, List<Bad> bad,
      boolean nonFinite) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(path, "expected a map, got " + describeValue(value));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (e.getValue() == null) {
        throw new ConfigException(path + "." + key, "no value; write " + withArticle(describe(valueType)));
      }
      out.put(key, convert(valueType, e.getValue(), path + "." + key, bad, nonFinite));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * Looks through a free-form value ({@code Object} components) for numbers no plugin can use: NaN and
   * infinities (unless allowed), and integers too large for a long, which a plugin reading them with
   * {@code longValue()} would silently wrap around.
   */
  private static void checkRaw(Object value, String path, List<Bad> bad, boolean nonFinite) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (!nonFinite && !Double.isFinite(d)) {
        bad.add(new Bad(path, shown(value, d), "must be a finite number"));
      }
    } else if (value instanceof BigInteger b && b.bitLength() > 63) {
      bad.add(new Bad(path, b.toString(), "must be a number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE));
    } else if (value instanceof BigDecimal b && !Double.isFinite(b.doubleValue())) {
      bad.add(new Bad(path, b.toString(), "must be a finite number"));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        checkRaw(list.get(i), path + "[" + i + "]", bad, nonFinite);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        checkRaw(e.getValue(), path + "." + e.getKey(), bad, nonFinite);
      }
    }
  }

  /** A number as a message shows it; a string as written, quoted. */
  private static String shown(Object value, double d) {
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return Double.isFinite(d) ? String.valueOf(value) : String.valueOf(d);
  }

  private static Map<String, Object> stringKeys(Map<?, ?> m, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      out.put(String.valueOf(e.getKey()), e.getValue());
    }
    return out;
  }

  private static double toDouble(Object value, String path) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      String t = s.trim().replace("_", "");
      switch (t.toLowerCase(Locale.ROOT)) {
        case ".inf", "+.inf", "inf", "+inf", "infinity":
          return Double.POSITIVE_INFINITY;
        case "-.inf", "-inf", "-infinity":
          return Double.NEGATIVE_INFINITY;
        case ".nan", "nan":
          return Double.NaN;
        default:
          break;
      }
      if (t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
        return Double.parseDouble(t);
      }
    }
    throw new ConfigException(path, "expected a number, got " + describeValue(value));
  }

  private static long toIntegral(Object value, String path, long min, long max, List<Bad> bad) {
    BigDecimal exact = null;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      exact = BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      exact = new BigDecimal(b);
    } else if (value instanceof BigDecimal b) {
      exact = b;
    } else if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      exact = BigDecimal.valueOf(n.doubleValue());
    } else if (value instanceof String s && s.trim().replace("_", "").matches("[-+]?\\d+")) {
      exact = new BigDecimal(s.trim().replace("_", ""));
    }
    if (exact == null) {
      throw new ConfigException(path, "expected an integer, got " + describeValue(value));
    }
    if (exact.stripTrailingZeros().scale() > 0) {
      throw new ConfigException(path, "expected an integer, got " + describeValue(value));
    }
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      // passed on clamped, so that the record can name its own range
      bad.add(new Bad(path, value instanceof String s ? "'" + s + "'" : String.valueOf(value),
          "expected an integer in [" + min + ", " + max + "]"));
      return exact.signum() < 0 ? min : max;
    }
    return exact.longValueExact();
  }

  private static boolean toBoolean(Object value, String path) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s) {
      if (s.equalsIgnoreCase("true")) {
        return true;
      }
      if (s.equalsIgnoreCase("false")) {
        return false;
      }
    }
    throw new ConfigException(path, "expected true or false, got " + describeValue(value));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object toEnum(Class<? extends Enum> type, Object value, String path) {
    Enum<?>[] constants = type.getEnumConstants();
    List<String> names = Arrays.stream(constants).map(SettingsBinder::enumName).toList();
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      String wanted = normalize(String.valueOf(value));
      for (Enum<?> c : constants) {
        if (normalize(c.name()).equals(wanted) || normalize(enumName(c)).equals(wanted)) {
          return c;
        }
      }
      String closest = suggest(String.valueOf(value), names);
      throw new ConfigException(path, "expected one of " + String.join(", ", names) + ", got '" + value + "'"
          + (closest == null ? "" : "; did you mean '" + closest + "'?"));
    }
    throw new ConfigException(path, "expected one of " + String.join(", ", names) + ", got "
        + describeValue(value));
  }

  private static String normalize(String s) {
    return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  /** The YAML name of an enum constant: its {@code yamlName()} if it has one, else kebab-case. */
  private static String enumName(Enum<?> constant) {
    try {
      Method m = constant.getDeclaringClass().getMethod("yamlName");
      if (m.getReturnType() == String.class) {
        return (String) m.invoke(constant);
      }
    } catch (NoSuchMethodException ignored) {
      // no yamlName(): fall back to kebab-case
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("yamlName() of " + constant + " failed", e);
    }
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---------------------------------------------------------------------------------------------------
  // the way back, descriptions

  private static Object plain(Object value) {
    if (value instanceof Record r) {
      return toMap(r);
    }
    if (value instanceof Enum<?> e) {
      return enumName(e);
    }
    if (value instanceof Path p) {
      return p.toString();
    }
    if (value instanceof Optional<?> o) {
      return o.map(SettingsBinder::plain).orElse(null);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(plain(item));
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(String.valueOf(e.getKey()), plain(e.getValue()));
      }
      return out;
    }
    return value;
  }

  private static RecordComponent component(RecordComponent[] components, String key) {
    for (RecordComponent c : components) {
      if (c.getName().equals(key)) {
        return c;
      }
    }
    return null;
  }

  /** Values to try for a required key, most plausible first, so that the other keys' defaults can be read. */
  private static List<Object> placeholders(Type type) {
    Class<?> cls = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
        : type instanceof Class<?> c ? c : Object.class;
    if (cls == Double.class || cls == double.class || cls == Float.class || cls == float.class) {
      return List.of(1.0, 0.5, 0.1, 10.0);
    }
    if (cls == Integer.class || cls == int.class || cls == Long.class || cls == long.class) {
      return List.of(1, 2, 12, 0);
    }
    if (cls == Boolean.class || cls == boolean.class) {
      return List.of(false, true);
    }
    if (cls.isEnum()) {
      return Arrays.stream(cls.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name()).toList();
    }
    if (List.class.isAssignableFrom(cls)) {
      return List.of(List.of(), List.of(0.5), List.of("x"));
    }
    if (Map.class.isAssignableFrom(cls) || cls.isRecord()) {
      return List.of(Map.of());
    }
    if (cls == String.class || cls == Path.class) {
      return List.of("x");
    }
    return List.of(1, 0.5, List.of(0.5), "x", true, Map.of());
  }

  private static String keyList(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /**
   * A component's readable type: its {@link Setting} values or form when it has them, a {@link PluginBlock}'s
   * role, else its Java type's.
   */
  private static String describe(RecordComponent component) {
    Setting setting = component.getAnnotation(Setting.class);
    if (setting != null && setting.oneOf().length > 0) {
      return "one of " + String.join("|", setting.oneOf());
    }
    if (setting != null && !setting.form().isEmpty()) {
      return setting.form();
    }
    PluginBlock block = component.getAnnotation(PluginBlock.class);
    if (block != null) {
      return "a " + PluginRegistry.roleName(block.value()) + (block.byName() ? " name or" : "")
          + " block {type: NAME, ...}" + (block.list() ? ", or a list of them" : "");
    }
    return describe(component.getGenericType());
  }

  /**
   * A short readable name of a settings type: {@code number}, {@code integer}, {@code boolean},
   * {@code string}, {@code one of a|b}, {@code list of number}, {@code map}, {@code any}.
   */
  private static String describe(Type type) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        return "list of " + describe(p.getActualTypeArguments()[0]);
      }
      if (Map.class.isAssignableFrom(raw)) {
        return "map of " + describe(p.getActualTypeArguments()[1]);
      }
      return describe(raw);
    }
    if (!(type instanceof Class<?> cls)) {
      return "any";
    }
    if (cls == Double.class || cls == double.class || cls == Float.class || cls == float.class) {
      return "number";
    }
    if (cls == Integer.class || cls == int.class || cls == Long.class || cls == long.class) {
      return "integer";
    }
    if (cls == Boolean.class || cls == boolean.class) {
      return "boolean";
    }
    if (cls == String.class) {
      return "string";
    }
    if (cls == Path.class) {
      return "path";
    }
    if (cls.isEnum()) {
      return "one of " + Arrays.stream(cls.getEnumConstants()).map(c -> enumName((Enum<?>) c))
          .collect(Collectors.joining("|"));
    }
    if (cls.isRecord()) {
      return "map";
    }
    if (List.class.isAssignableFrom(cls)) {
      return "list";
    }
    if (Map.class.isAssignableFrom(cls)) {
      return "map";
    }
    return cls == Object.class ? "any" : cls.getSimpleName();
  }

  /** How a tree value reads in a message: {@code 'abc'}, {@code 1.5}, {@code a list}, {@code a map}. */
  static String describeValue(Object value) {
    if (value == null) {
      return "nothing (null)";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof List<?> l) {
      return "a list " + abbreviate(String.valueOf(l));
    }
    if (value instanceof Map<?, ?> m) {
      return "a map " + abbreviate(String.valueOf(m));
    }
    return String.valueOf(value);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }
}
