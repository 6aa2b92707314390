package org.sparsecode.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Every {@link Plugin} found by {@link ServiceLoader} on a class path, looked up by role and name (the
 * YAML {@code type:}). An unknown name is a {@link ConfigException} on key {@code type} that lists the
 * available names with their descriptions and suggests the closest one.
 */
public final class PluginRegistry {
  private static final Map<Class<?>, String> ROLE_NAMES = Map.of(
      SparseSolver.class, "solver",
      KernelGenerator.class, "dictionary",
      DictionaryLearner.class, "learning",
      Metric.class, "metric",
      ImageSource.class, "images",
      ImagePreprocessor.class, "preprocess",
      LabelledData.class, "data");

  private final List<Plugin<?>> plugins;

  private PluginRegistry(List<Plugin<?>> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  /**
   * Discovers the plugins visible to the context class loader (or this class's loader).
   *
   * @return the registry
   * @throws IllegalStateException if two plugins share a role and a name
   */
  public static PluginRegistry load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return load(cl != null ? cl : PluginRegistry.class.getClassLoader());
  }

  /**
   * Discovers the plugins visible to a class loader.
   *
   * @param loader where to look for {@code META-INF/services/org.sparsecode.api.Plugin}
   * @return the registry
   * @throws IllegalStateException if two plugins share a role and a name
   */
  @SuppressWarnings("rawtypes")
  public static PluginRegistry load(ClassLoader loader) {
    List<Plugin<?>> found = new ArrayList<>();
    for (Plugin p : ServiceLoader.load(Plugin.class, loader)) {
      found.add(p);
    }
    return of(found);
  }

  /**
   * A registry of the given plugins (tests, embedding).
   *
   * @param plugins the plugins
   * @return the registry
   * @throws IllegalStateException if two plugins share a role and a name
   */
  public static PluginRegistry of(List<Plugin<?>> plugins) {
    List<Plugin<?>> sorted = new ArrayList<>(plugins);
    sorted.sort(Comparator.comparing((Plugin<?> p) -> roleName(p.role())).thenComparing(Plugin::name));
    for (int i = 1; i < sorted.size(); i++) {
      Plugin<?> a = sorted.get(i - 1);
      Plugin<?> b = sorted.get(i);
      if (a.role().equals(b.role()) && a.name().equals(b.name())) {
        throw new IllegalStateException("two " + roleName(a.role()) + " plugins are named '" + a.name() + "': "
            + a.getClass().getName() + " and " + b.getClass().getName());
      }
    }
    return new PluginRegistry(sorted);
  }

  /**
   * Every plugin, sorted by role then name.
   *
   * @return the plugins
   */
  public List<Plugin<?>> all() {
    return plugins;
  }

  /**
   * The plugins of one role, sorted by name.
   *
   * @param role the SPI interface
   * @param <T> the role
   * @return the plugins of that role
   */
  @SuppressWarnings("unchecked")
  public <T> List<Plugin<T>> ofRole(Class<T> role) {
    List<Plugin<T>> out = new ArrayList<>();
    for (Plugin<?> p : plugins) {
      if (p.role().equals(role)) {
        out.add((Plugin<T>) p);
      }
    }
    return out;
  }

  /**
   * Finds a plugin by role and name.
   *
   * @param role the SPI interface
   * @param name the YAML {@code type:}
   * @param <T> the role
   * @return the plugin
   * @throws ConfigException on key {@code type} listing the available names when none matches
   */
  public <T> Plugin<T> find(Class<T> role, String name) {
    List<Plugin<T>> candidates = ofRole(role);
    for (Plugin<T> p : candidates) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    List<String> names = candidates.stream().map(Plugin::name).toList();
    String closest = Names.closest(name, names);
    StringBuilder msg = new StringBuilder("unknown " + roleName(role) + " type '" + name + "'");
    if (closest != null) {
      msg.append("; did you mean '").append(closest).append("'?");
    } else {
      msg.append('.');
    }
    msg.append(" Available: ");
    if (candidates.isEmpty()) {
      msg.append("(none on the class path)");
    } else {
      msg.append(candidates.stream().map(p -> p.description().isEmpty() ? p.name()
          : p.name() + " (" + p.description() + ")").collect(Collectors.joining(", ")));
    }
    if (name.startsWith("nd4j-") && names.stream().noneMatch(n -> n.startsWith("nd4j-"))) {
      // the ND4J solvers live in a module of their own, kept out of the quickstart's build
      msg.append(". The nd4j-* solvers are in the sparsecode-gpu module, which is not on this class path: run through"
          + " ./sparsecode, which builds it and adds it the first time an nd4j-* type is asked for");
    }
    throw new ConfigException("type", msg.toString());
  }

  /**
   * The YAML block name of a role: {@code solver}, {@code dictionary}, {@code learning}, {@code metric},
   * {@code images}, {@code preprocess}; the simple class name for other roles.
   *
   * @param role the SPI interface
   * @return its name
   */
  public static String roleName(Class<?> role) {
    return ROLE_NAMES.getOrDefault(role, role.getSimpleName());
  }
}
