package org.sparsecode.core.kernel;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code log-gabor} kernel generator: Perrinet's LogGabor/SLIP kernels ({@link LogGaborKernels}) for
 * every combination of {@link LogGaborSettings}, median-centred, then scaled to peak 1 (the paper's, the
 * default) or to unit ℓ2 norm ({@code normalise: unit-l2}).
 */
public final class LogGaborPlugin extends TypedPlugin<KernelGenerator, LogGaborSettings> {

  /** Creates the plugin (ServiceLoader). */
  public LogGaborPlugin() {
    super("log-gabor", KernelGenerator.class, LogGaborSettings.class,
        "log-Gabor kernels (LogGabor/SLIP formulas; presets thin, full of Ladret et al. 2024), "
            + "median-centred, peak 1 or unit-l2");
  }

  /**
   * Checks that every kernel has energy on the size's frequency grid (cheap: the kernels themselves are
   * computed when the generator runs) and returns the generator.
   *
   * @throws ConfigException naming {@code sf0} or {@code bThetas} when a kernel would be all zeros
   */
  @Override
  protected KernelGenerator build(LogGaborSettings settings, PluginContext context) {
    LogGaborKernels.ofSize(settings.size()).checkEnergy(settings.sf0(), settings.bsf(), settings.thetaValues(),
        settings.bThetaValues());
    return generator(settings);
  }

  /**
   * The generator for resolved settings.
   *
   * @param s the settings
   * @return a generator of the {@code θ × B_θ × phase} dictionary
   */
  public static KernelGenerator generator(LogGaborSettings s) {
    return () -> LogGaborKernels.ofSize(s.size()).dictionary(s.sf0(), s.bsf(), s.thetaValues(), s.bThetaValues(),
        s.phaseValues(), s.normalisation());
  }
}
