package org.sparsecode.eval.metric;

import java.util.Objects;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;

/**
 * The shared shape of the settings-free metric plugins: a name, a description and a pure function.
 * Subclasses only pass these three to the constructor (ServiceLoader needs one public class per plugin).
 */
public abstract class MetricPlugin implements Plugin<Metric> {
  private final String name;
  private final String description;
  private final Metric metric;

  /**
   * Creates the plugin.
   *
   * @param name the YAML name and result column, kebab-case
   * @param description one line for {@code sparsecode plugins}, saying the direction (higher/lower is better)
   * @param metric the measure, pure and thread-safe
   */
  protected MetricPlugin(String name, String description, Metric metric) {
    this.name = Objects.requireNonNull(name, "name");
    this.description = Objects.requireNonNull(description, "description");
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Class<Metric> role() {
    return Metric.class;
  }

  @Override
  public final Class<? extends Record> settings() {
    return NoSettings.class;
  }

  @Override
  public final Metric create(Record settings, PluginContext context) {
    if (!(settings instanceof NoSettings)) {
      throw new ConfigException("type", "metric '" + name + "' takes no settings, got " + settings);
    }
    return metric;
  }

  @Override
  public final String description() {
    return description;
  }
}
