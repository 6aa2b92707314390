package org.sparsecode.core.image;

import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code circular-mask} preprocessing step (see {@link CircularMask}).
 *
 * @param exponent the mask is the raised-cosine disc to the power {@code 1/exponent}, dimensionless, finite
 *     and {@code > 0}; default {@link #DEFAULT_EXPONENT} (SLIP's {@code mask_exponent}, 3)
 */
public record CircularMaskSettings(Double exponent) {
  /** SLIP's {@code mask_exponent}. */
  public static final double DEFAULT_EXPONENT = 3.0;

  /** Fills the default and validates. */
  public CircularMaskSettings {
    if (exponent == null) {
      exponent = DEFAULT_EXPONENT;
    }
    if (!Double.isFinite(exponent) || exponent <= 0) {
      throw new ConfigException("exponent", "must be finite and > 0, got " + exponent);
    }
  }
}
