package org.sparsecode.experiments.config;

import java.util.Objects;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;

/**
 * A plugin chosen by a YAML block and its bound settings.
 *
 * @param path the key path of the block, e.g. {@code solver} or {@code metrics[1]}
 * @param plugin the plugin named by the block's {@code type:}
 * @param settings the validated settings record (an instance of {@code plugin.settings()})
 * @param <T> the role
 */
public record PluginChoice<T>(String path, Plugin<T> plugin, Record settings) {

  /** Validates. */
  public PluginChoice {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * Creates the configured instance.
   *
   * @param context the run's shared services
   * @return the instance
   */
  public T create(PluginContext context) {
    return plugin.create(settings, context);
  }

  /**
   * The YAML {@code type:}.
   *
   * @return the plugin's name
   */
  public String type() {
    return plugin.name();
  }
}
