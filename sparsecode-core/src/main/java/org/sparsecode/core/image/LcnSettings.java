package org.sparsecode.core.image;

import org.sparsecode.api.Checks;

/**
 * Settings of the {@code lcn} preprocessing step (local contrast normalisation, see
 * {@link LocalContrastNormalisation}).
 *
 * @param n the half-width of the {@code (2n + 1) × (2n + 1)} Gaussian window in pixels, at least 1;
 *     default {@link #DEFAULT_N} (the paper's 7, a 15×15 window)
 */
public record LcnSettings(Integer n) {
  /** The paper's window half-width. */
  public static final int DEFAULT_N = 7;

  /** Fills the default and validates. */
  public LcnSettings {
    if (n == null) {
      n = DEFAULT_N;
    }
    Checks.atLeast("n", n, 1);
  }
}
