package org.sparsecode.core.kernel;

import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code random} kernel generator ({@link RandomKernelPlugin}): independent standard
 * Gaussian values, the paper's starting point for learning "from scratch".
 *
 * @param kernels number of kernels K, at least 1; default {@value #DEFAULT_KERNELS}
 * @param size kernel side in pixels, at least 1; default {@value #DEFAULT_SIZE}
 * @param seed seed of the generator; {@code null} (the default) means the run's seed
 *     ({@link org.sparsecode.api.PluginContext#seed()})
 * @param normalise per-kernel scaling: {@code unit-l2} (ℓ2 norm 1, SPORCO's projection), {@code peak}
 *     (max-abs 1, like the log-Gabor kernels) or {@code none}; default {@value #DEFAULT_NORMALISE}
 * @param zeroMean whether each kernel's mean is subtracted before scaling; default false
 */
public record RandomKernelSettings(Integer kernels, Integer size, Long seed,
    @Setting(oneOf = {"unit-l2", "peak", "none"}) String normalise, Boolean zeroMean) {

  /** Default number of kernels (the paper's K). */
  public static final int DEFAULT_KERNELS = 144;
  /** Default kernel side. */
  public static final int DEFAULT_SIZE = 12;
  /** Default normalisation. */
  public static final String DEFAULT_NORMALISE = "unit-l2";
  /** The accepted values of {@code normalise}. */
  public static final List<String> NORMALISATIONS = List.of("unit-l2", "peak", "none");

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming {@code kernels}, {@code size} or {@code normalise}
   */
  public RandomKernelSettings {
    kernels = Checks.atLeast("kernels", kernels != null ? kernels : DEFAULT_KERNELS, 1);
    if (kernels > LogGaborSettings.MAX_KERNELS) {
      throw new ConfigException("kernels", "must be in [1, " + LogGaborSettings.MAX_KERNELS + "], got " + kernels);
    }
    size = Checks.atLeast("size", size != null ? size : DEFAULT_SIZE, 1);
    if (size > 4096) {
      throw new ConfigException("size", "must be in [1, 4096], got " + size);
    }
    if ((long) kernels * size * size > Integer.MAX_VALUE - 8) {
      throw new ConfigException("kernels", kernels + " kernels of " + size + "x" + size
          + " do not fit in one array");
    }
    normalise = normalise != null ? normalise : DEFAULT_NORMALISE;
    if (!NORMALISATIONS.contains(normalise)) {
      throw new ConfigException("normalise", "must be one of " + String.join(", ", NORMALISATIONS) + ", got '"
          + normalise + "'");
    }
    zeroMean = zeroMean != null ? zeroMean : Boolean.FALSE;
  }
}
