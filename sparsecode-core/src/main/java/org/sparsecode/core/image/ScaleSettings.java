package org.sparsecode.core.image;

import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code scale} preprocessing step.
 *
 * @param factor the multiplier applied to every value, finite and non-zero; default {@code 1/255}
 *     ({@link #DEFAULT_FACTOR}), which maps 8-bit values to [0, 1] (computed as {@code x / 255})
 */
public record ScaleSettings(Double factor) {
  /** The default factor, {@code 1/255}. */
  public static final double DEFAULT_FACTOR = 1.0 / 255.0;

  /** Fills the default and validates. */
  public ScaleSettings {
    if (factor == null) {
      factor = DEFAULT_FACTOR;
    }
    if (!Double.isFinite(factor) || factor == 0.0) {
      throw new ConfigException("factor", "must be finite and non-zero, got " + factor);
    }
  }
}
