package org.sparsecode.core.image;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

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
  /** The largest half-width: the Gaussian window has {@code (2n + 1)²} weights. */
  public static final int MAX_N = 1024;

  /** Fills the default and validates. */
  public LcnSettings {
    if (n == null) {
      n = DEFAULT_N;
    }
    Checks.atLeast("n", n, 1);
    if (n > MAX_N) {
      throw new ConfigException("n", "must be in [1, " + MAX_N + "], got " + n);
    }
  }
}
