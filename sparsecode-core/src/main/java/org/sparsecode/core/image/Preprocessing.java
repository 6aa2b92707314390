package org.sparsecode.core.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The {@code preprocess:} setting of the image sources, and the paper's default path.
 *
 * <p>Forms:
 *
 * <ul>
 *   <li>{@code local-contrast} (the default): {@code center-crop}, {@code resize} to the source's
 *       {@code size}, {@code grey}, {@code scale} by 1/255, {@code lcn} with n = 7 — the paper's path, which
 *       reproduces the reference fixtures;
 *   <li>{@code paper-learning}: the paper's learning path ({@code cbpdn_learning.load_S}):
 *       {@code center-crop}, {@code resize} to {@code size}, {@code grey}, {@code scale} by 1/255,
 *       {@code whiten} (SLIP's Olshausen filter), {@code lcn} with n = 7, {@code circular-mask} (exponent 3);
 *   <li>{@code none}: images as read ({@code size} is ignored);
 *   <li>a list of steps, each a step name ({@code grey}) or a map with {@code type:} and that step's
 *       settings ({@code {type: resize, size: 128}}), e.g. {@code [center-crop, {type: resize, size: 128},
 *       grey, lcn]}; a step with a {@code size} setting left out ({@code resize}) takes the source's
 *       {@code size};
 *   <li>a single step name or step map, as a one-step list.
 * </ul>
 *
 * Steps are the {@code ImagePreprocessor} plugins of the registry ({@code center-crop}, {@code resize},
 * {@code grey}, {@code scale}, {@code lcn}, {@code whiten}, {@code circular-mask},
 * {@code none}, the two paths {@code local-contrast} and {@code paper-learning} as plugins, and any plugin on
 * the class path). Errors are
 * {@link ConfigException}s on key {@code preprocess} (or {@code preprocess[i].key} for a step's setting).
 */
public final class Preprocessing {
  /** The YAML key of the setting. */
  public static final String KEY = "preprocess";
  /** The paper's path, the default form. */
  public static final String LOCAL_CONTRAST = "local-contrast";
  /** The paper's learning path: the default path with whitening before and a circular mask after the LCN. */
  public static final String PAPER_LEARNING = "paper-learning";
  /** No preprocessing. */
  public static final String NONE = "none";
  /** The forms of the setting, for listings ({@link org.sparsecode.api.Setting#form()}). */
  public static final String FORM = "a preprocess name or a list of them (a step with settings: {type: NAME, ...})";
  /** The default image side of a source, the paper's 256. */
  public static final int DEFAULT_SIZE = 256;
  /** The smallest image side a source accepts. */
  public static final int MIN_SIZE = 8;

  private Preprocessing() {}

  /**
   * The paper's path for one output size.
   *
   * @param size the side of the square images produced
   * @return centre crop, bicubic resize to {@code size}, grey, {@code / 255}, LCN n = 7
   */
  public static Pipeline localContrast(int size) {
    return new Pipeline(List.of(new CenterCrop(), new Resize(size), new Grey(),
        new Scale(ScaleSettings.DEFAULT_FACTOR), new LocalContrastNormalisation(LcnSettings.DEFAULT_N)));
  }

  /**
   * The paper's learning path for one output size (the paper's code, {@code cbpdn_learning.load_S}).
   *
   * @param size the side of the square images produced
   * @return centre crop, bicubic resize to {@code size}, grey, {@code / 255}, Olshausen whitening (SLIP's
   *     defaults), LCN n = 7, circular mask (exponent 3)
   */
  public static Pipeline paperLearning(int size) {
    return new Pipeline(List.of(new CenterCrop(), new Resize(size), new Grey(),
        new Scale(ScaleSettings.DEFAULT_FACTOR), new OlshausenWhitening(WhitenSettings.defaults()),
        new LocalContrastNormalisation(LcnSettings.DEFAULT_N),
        new CircularMask(CircularMaskSettings.DEFAULT_EXPONENT)));
  }

  /**
   * Checks the shape of a {@code preprocess:} value without building it (for settings records' compact
   * constructors).
   *
   * @param spec the raw value, or {@code null}
   * @return {@code spec}, or {@link #LOCAL_CONTRAST} when it is {@code null}
   * @throws ConfigException on key {@code preprocess} when it is not a string, a map or a list of those
   */
  public static Object checkSpec(Object spec) {
    if (spec == null) {
      return LOCAL_CONTRAST;
    }
    if (spec instanceof String s) {
      if (s.isBlank()) {
        throw new ConfigException(KEY,
            "must be local-contrast, paper-learning, none, a step name or a list of steps, got ''");
      }
      return spec;
    }
    if (spec instanceof Map<?, ?>) {
      return spec;
    }
    if (spec instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object step = list.get(i);
        if (!(step instanceof String) && !(step instanceof Map<?, ?>)) {
          throw new ConfigException(KEY + "[" + i + "]",
              "expected a step name or a map with type:, got " + describe(step));
        }
      }
      return List.copyOf(list);
    }
    throw new ConfigException(KEY, "must be local-contrast, paper-learning, none, a step name or a list of steps, got "
        + describe(spec));
  }

  /**
   * Builds a {@code preprocess:} value with the plugins on the class path.
   *
   * @param spec the raw value ({@code null} = {@link #LOCAL_CONTRAST})
   * @param size the source's {@code size}, used by {@code local-contrast} and by steps that leave their
   *     {@code size} out
   * @param context the run's context, passed to the step plugins
   * @return the preprocessing
   * @throws ConfigException on key {@code preprocess} for an unknown step or an invalid setting
   */
  public static ImagePreprocessor build(Object spec, int size, PluginContext context) {
    return build(spec, size, context, null);
  }

  /**
   * Builds a {@code preprocess:} value.
   *
   * @param spec the raw value ({@code null} = {@link #LOCAL_CONTRAST})
   * @param size the source's {@code size}
   * @param context the run's context, passed to the step plugins
   * @param registry where steps are looked up; {@code null} for {@link PluginRegistry#load()}, loaded only
   *     when a step has to be looked up
   * @return the preprocessing
   * @throws ConfigException on key {@code preprocess} for an unknown step or an invalid setting
   */
  public static ImagePreprocessor build(Object spec, int size, PluginContext context, PluginRegistry registry) {
    Object checked = checkSpec(spec);
    if (LOCAL_CONTRAST.equals(checked)) {
      return localContrast(size);
    }
    if (PAPER_LEARNING.equals(checked)) {
      return paperLearning(size);
    }
    if (NONE.equals(checked)) {
      return new NoPreprocessing();
    }
    List<?> steps = checked instanceof List<?> list ? list : List.of(checked);
    PluginRegistry reg = registry != null ? registry : PluginRegistry.load();
    List<ImagePreprocessor> built = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      built.add(step(steps.get(i), steps == checked ? KEY + "[" + i + "]" : KEY, size, context, reg));
    }
    return new Pipeline(built);
  }

  private static ImagePreprocessor step(Object step, String key, int size, PluginContext context,
      PluginRegistry registry) {
    String name;
    Map<String, Object> values = new LinkedHashMap<>();
    if (step instanceof String s) {
      name = s;
    } else {
      Map<?, ?> map = (Map<?, ?>) step;
      Object type = map.get("type");
      if (!(type instanceof String t)) {
        throw new ConfigException(key + ".type", "each step map needs a type: naming the step, got "
            + describe(type));
      }
      name = t;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!"type".equals(e.getKey())) {
          values.put(String.valueOf(e.getKey()), e.getValue());
        }
      }
    }
    Plugin<ImagePreprocessor> plugin;
    try {
      plugin = registry.find(ImagePreprocessor.class, name);
    } catch (ConfigException e) {
      throw new ConfigException(KEY, e.problem() + ". As a whole, " + KEY + " may also be " + LOCAL_CONTRAST
          + " (the default), " + PAPER_LEARNING + " or " + NONE);
    }
    Class<? extends Record> settingsType = plugin.settings();
    if (!values.containsKey("size") && hasComponent(settingsType, "size")) {
      values.put("size", size);
    }
    Record settings;
    try {
      settings = SettingsBinder.bind(settingsType, values);
    } catch (ConfigException e) {
      throw new ConfigException(e.key().isEmpty() ? key : key + "." + e.key(), e.problem());
    }
    return plugin.create(settings, context);
  }

  private static boolean hasComponent(Class<? extends Record> type, String name) {
    for (var c : type.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
  }
}
