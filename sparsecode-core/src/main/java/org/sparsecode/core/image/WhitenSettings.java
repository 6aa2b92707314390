package org.sparsecode.core.image;

import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code whiten} preprocessing step (Olshausen whitening, see {@link OlshausenWhitening}).
 *
 * @param alpha the exponent of the assumed power spectrum {@code P = f^(-2 alpha)}, dimensionless, {@code > 0};
 *     default {@link #DEFAULT_ALPHA} (SLIP's {@code white_alpha}, 1.4)
 * @param f0 the cut-off of the low-pass {@code exp(-(f/f0)^steepness)}, in cycles per pixel, {@code > 0};
 *     default {@link #DEFAULT_F0} (SLIP's {@code white_f_0}, 0.4)
 * @param steepness the exponent of the low-pass, dimensionless, {@code > 0}; default {@link #DEFAULT_STEEPNESS}
 *     (SLIP's {@code white_steepness}, 4)
 */
public record WhitenSettings(Double alpha, Double f0, Double steepness) {
  /** SLIP's {@code white_alpha}. */
  public static final double DEFAULT_ALPHA = 1.4;
  /** SLIP's {@code white_f_0}, cycles per pixel. */
  public static final double DEFAULT_F0 = 0.4;
  /** SLIP's {@code white_steepness}. */
  public static final double DEFAULT_STEEPNESS = 4.0;

  /** Fills the defaults and validates. */
  public WhitenSettings {
    alpha = positive("alpha", alpha, DEFAULT_ALPHA);
    f0 = positive("f0", f0, DEFAULT_F0);
    steepness = positive("steepness", steepness, DEFAULT_STEEPNESS);
  }

  /**
   * The paper's settings (SLIP's defaults).
   *
   * @return alpha 1.4, f0 0.4, steepness 4
   */
  public static WhitenSettings defaults() {
    return new WhitenSettings(null, null, null);
  }

  private static Double positive(String key, Double value, double fallback) {
    if (value == null) {
      return fallback;
    }
    if (!Double.isFinite(value) || value <= 0) {
      throw new ConfigException(key, "must be finite and > 0, got " + value);
    }
    return value;
  }
}
