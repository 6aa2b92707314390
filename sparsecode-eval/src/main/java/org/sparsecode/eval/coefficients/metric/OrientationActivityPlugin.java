package org.sparsecode.eval.coefficients.metric;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code orientation-activity} metric: per B_θ group of a log-Gabor dictionary, the two-peak von Mises
 * fit of the activity over θ and the group's share of the coefficient energy ({@link OrientationActivityMetric}).
 */
public final class OrientationActivityPlugin extends TypedPlugin<Metric, OrientationActivitySettings> {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public OrientationActivityPlugin() {
    super("orientation-activity", Metric.class, OrientationActivitySettings.class,
        "per B_theta group: two-peak von Mises fit (mu1, kappa1, mu2, kappa2, R^2) of the activity over theta "
            + "and the share of coefficient energy; needs kernels with known theta and B_theta (log-Gabor); "
            + "the scalar is the energy share of the narrowest B_theta");
  }

  @Override
  protected Metric build(OrientationActivitySettings settings, PluginContext context) {
    return new OrientationActivityMetric(settings);
  }
}
