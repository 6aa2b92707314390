package org.sparsecode.eval.metric;

import java.util.Objects;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The shared shape of the settings-free metric plugins: a name, a description and a pure function.
 * Subclasses only pass these three to the constructor (ServiceLoader needs one public class per plugin).
 */
public abstract class MetricPlugin extends TypedPlugin<Metric, NoSettings> {
  private final Metric metric;

  /**
   * Creates the plugin.
   *
   * @param name the YAML name and result column, kebab-case
   * @param description one line for {@code sparsecode plugins}, saying the direction (higher/lower is better)
   * @param metric the measure, pure and thread-safe
   */
  protected MetricPlugin(String name, String description, Metric metric) {
    super(name, Metric.class, NoSettings.class, description);
    this.metric = Objects.requireNonNull(metric, "metric");
  }

  @Override
  protected final Metric build(NoSettings settings, PluginContext context) {
    return metric;
  }
}
