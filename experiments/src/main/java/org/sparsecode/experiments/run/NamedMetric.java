package org.sparsecode.experiments.run;

import java.util.Objects;
import org.sparsecode.api.metric.Metric;

/**
 * A configured metric and its column name (the plugin's name).
 *
 * @param name the column name, e.g. {@code psnr}
 * @param metric the measure
 */
public record NamedMetric(String name, Metric metric) {

  /** Validates. */
  public NamedMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
  }
}
