package org.sparsecode.core.kernel;

import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code gabor} kernel generator ({@link GaborPlugin}): a classic spatial Gabor bank, one
 * kernel per (θ, phase), in the atom order θ then phase. The angle lists accept the forms of
 * {@link AngleList} and are resolved to {@code List<Double>} of radians.
 *
 * @param size kernel side in pixels, at least 2; default {@value #DEFAULT_SIZE}
 * @param thetas orientations θ in radians, measured from the row axis as for log-Gabor kernels (θ = 0
 *     oscillates along the rows); at least one; default {@value #DEFAULT_THETAS} (linspace(0, π, 12,
 *     endpoint=False))
 * @param phases phases in radians; at least one; default {@value #DEFAULT_PHASES} (= [0, π/2])
 * @param sf0 carrier frequency in cycles per pixel, in (0, 0.5]; default {@value #DEFAULT_SF0}
 * @param sigma standard deviation of the Gaussian envelope in pixels, &gt; 0; default {@code size / 4}
 */
public record GaborSettings(Integer size, @Setting(form = AngleList.FORM, unit = "rad") Object thetas,
    @Setting(form = AngleList.FORM, unit = "rad") Object phases, Double sf0, Double sigma) {

  /** Default kernel side. */
  public static final int DEFAULT_SIZE = 12;
  /** Default number of orientations. */
  public static final int DEFAULT_THETAS = 12;
  /** Default number of phases. */
  public static final int DEFAULT_PHASES = 2;
  /** Default carrier frequency, cycles per pixel. */
  public static final double DEFAULT_SF0 = 0.25;
  /** The default sigma is {@code size / DEFAULT_SIGMA_DIVISOR} pixels. */
  public static final double DEFAULT_SIGMA_DIVISOR = 4;

  /**
   * Fills defaults, resolves the angle lists and validates.
   *
   * @throws ConfigException naming the key of the first invalid value
   */
  public GaborSettings {
    size = size != null ? size : DEFAULT_SIZE;
    if (size < 2 || size > 4096) {
      throw new ConfigException("size", "must be in [2, 4096] pixels, got " + size);
    }
    sf0 = sf0 != null ? sf0 : DEFAULT_SF0;
    if (!(sf0 > 0 && sf0 <= 0.5)) {
      throw new ConfigException("sf0", "must be in (0, 0.5] cycles per pixel, got " + sf0);
    }
    sigma = Checks.positive("sigma", sigma != null ? sigma : size / DEFAULT_SIGMA_DIVISOR);
    double[] t = AngleList.parse("thetas", thetas != null ? thetas : DEFAULT_THETAS, true);
    double[] ph = AngleList.parse("phases", phases != null ? phases : DEFAULT_PHASES, true);
    if ((long) t.length * ph.length > LogGaborSettings.MAX_KERNELS) {
      throw new ConfigException("thetas", t.length + " thetas x " + ph.length + " phases make " + (long) t.length
          * ph.length + " kernels; a dictionary may hold at most " + LogGaborSettings.MAX_KERNELS);
    }
    if ((long) t.length * ph.length * size * size > Integer.MAX_VALUE - 8) {
      throw new ConfigException("thetas", t.length + " x " + ph.length + " kernels of " + size + "x" + size
          + " do not fit in one array");
    }
    thetas = AngleList.toList(t);
    phases = AngleList.toList(ph);
  }

  /**
   * The resolved orientations.
   *
   * @return θ in radians
   */
  public double[] thetaValues() {
    return ((List<?>) thetas).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }

  /**
   * The resolved phases.
   *
   * @return phases in radians
   */
  public double[] phaseValues() {
    return ((List<?>) phases).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
  }
}
