package org.sparsecode.eval.coefficients.metric;

import java.util.Locale;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;

/**
 * Settings of the {@code orientation-activity} metric. YAML: {@code {type: orientation-activity, measure:
 * count}}.
 *
 * @param measure what is summed per kernel as its activity: {@code count} (the number of non-zero
 *     coefficients, the paper's histogram of activity over θ) or {@code abs} (the sum of |x|); default
 *     {@code count}. The energy share per B_θ is Σx² whatever the measure
 */
public record OrientationActivitySettings(@Setting(oneOf = {"count", "abs"}) String measure) {

  /** Count of non-zero coefficients (the default). */
  public static final String COUNT = "count";
  /** Sum of absolute values. */
  public static final String ABS = "abs";

  /**
   * Replaces null by the default and validates.
   *
   * @throws ConfigException naming {@code measure} when it is neither {@code count} nor {@code abs}
   */
  public OrientationActivitySettings {
    measure = measure == null ? COUNT : measure.trim().toLowerCase(Locale.ROOT);
    if (!COUNT.equals(measure) && !ABS.equals(measure)) {
      throw new ConfigException("measure", "must be 'count' or 'abs', got '" + measure + "'");
    }
  }

  /**
   * The defaults.
   *
   * @return settings with every default
   */
  public static OrientationActivitySettings defaults() {
    return new OrientationActivitySettings(null);
  }

  /**
   * The measure as the library's enum.
   *
   * @return {@link Measure#COUNT} or {@link Measure#ABS_SUM}
   */
  public Measure asMeasure() {
    return ABS.equals(measure) ? Measure.ABS_SUM : Measure.COUNT;
  }
}
