package org.sparsecode.eval.resilience;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code resilience} metric: PSNR and sparseness after zeroing small coefficients at each cutoff, a
 * {@link org.sparsecode.api.metric.CurveMetric} written per image as a nested map in results.json.
 */
public final class ResiliencePlugin extends TypedPlugin<Metric, ResilienceSettings> {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public ResiliencePlugin() {
    super("resilience", Metric.class, ResilienceSettings.class,
        "PSNR (dB) and sparseness after zeroing |x| < c at each cutoff c (no re-optimisation); higher is "
            + "better; a curve per image");
  }

  @Override
  protected Metric build(ResilienceSettings settings, PluginContext context) {
    return new ResilienceMetric(settings);
  }
}
