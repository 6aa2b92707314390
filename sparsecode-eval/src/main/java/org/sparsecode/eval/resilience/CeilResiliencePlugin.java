package org.sparsecode.eval.resilience;

import java.util.List;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code resilience-ceil} metric: the {@code ceil} form of {@link ResiliencePlugin resilience} (zero
 * {@code |x| < max|x| / c}, the cut of the paper's downstream experiment) under a name of its own, so that a
 * run can list both forms and get both curves (each metric's name is its column and its key in
 * results.json).
 */
public final class CeilResiliencePlugin extends TypedPlugin<Metric, CeilResiliencePlugin.Settings> {

  /**
   * Settings of {@code resilience-ceil}.
   *
   * @param divisors the divisors c: coefficients with {@code |x| < max|x| / c} are zeroed; a non-empty list of
   *     finite numbers &gt; 0; default {@code [4, 2]} (the paper's 25 % and 50 % of the maximum)
   */
  public record Settings(List<Double> divisors) {

    /**
     * Validates through {@link ResilienceSettings}.
     *
     * @throws org.sparsecode.api.ConfigException naming {@code divisors} when a value is invalid
     */
    public Settings {
      divisors = asResilience(divisors).divisors();
    }

    /** The equivalent {@code resilience} settings. */
    private static ResilienceSettings asResilience(List<Double> divisors) {
      return new ResilienceSettings(null, ResilienceSettings.CEIL, divisors);
    }
  }

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public CeilResiliencePlugin() {
    super("resilience-ceil", Metric.class, Settings.class,
        "PSNR (dB) and sparseness after zeroing |x| < max|x|/c at each divisor c (no re-optimisation); the"
            + " paper's downstream cut; a curve per image");
  }

  @Override
  protected Metric build(Settings settings, PluginContext context) {
    return new ResilienceMetric(Settings.asResilience(settings.divisors()));
  }
}
