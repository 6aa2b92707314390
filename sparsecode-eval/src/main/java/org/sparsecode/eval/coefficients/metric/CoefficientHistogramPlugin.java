package org.sparsecode.eval.coefficients.metric;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code coefficient-histogram} metric: the exponential fit a·e^(−b·x) of each image's 65-bin histogram of
 * coefficient values in [0.01, 1] ({@link CoefficientHistogramMetric}); no settings (the paper's bins).
 */
public final class CoefficientHistogramPlugin extends TypedPlugin<Metric, NoSettings> {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public CoefficientHistogramPlugin() {
    super("coefficient-histogram", Metric.class, NoSettings.class,
        "exponential fit a*exp(-b*x) of the 65-bin histogram of coefficient values x in [0.01, 1] (a, b, R^2 "
            + "per image; pooled histogram and plot per run); the scalar is b, higher = faster decay");
  }

  @Override
  protected Metric build(NoSettings settings, PluginContext context) {
    return new CoefficientHistogramMetric();
  }
}
