package org.sparsecode.core.kernel;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;

/**
 * The {@code log-gabor} kernel generator: Perrinet's LogGabor/SLIP kernels ({@link LogGaborKernels}) for
 * every combination of {@link LogGaborSettings}, median-centred with peak 1 (not unit ℓ2).
 */
public final class LogGaborPlugin implements Plugin<KernelGenerator> {

  /** Creates the plugin (ServiceLoader). */
  public LogGaborPlugin() {
    // stateless
  }

  @Override
  public String name() {
    return "log-gabor";
  }

  @Override
  public Class<KernelGenerator> role() {
    return KernelGenerator.class;
  }

  @Override
  public Class<LogGaborSettings> settings() {
    return LogGaborSettings.class;
  }

  @Override
  public KernelGenerator create(Record settings, PluginContext context) {
    return generator(Kernels.cast(settings, LogGaborSettings.class, name()));
  }

  @Override
  public String description() {
    return "log-Gabor kernels (LogGabor/SLIP formulas; presets thin, full of Ladret et al. 2024), "
        + "median-centred, peak 1";
  }

  /**
   * The generator for resolved settings.
   *
   * @param s the settings
   * @return a generator of the {@code θ × B_θ × phase} dictionary
   */
  public static KernelGenerator generator(LogGaborSettings s) {
    return () -> LogGaborKernels.ofSize(s.size()).dictionary(s.sf0(), s.bsf(), s.thetaValues(), s.bThetaValues(),
        s.phaseValues());
  }
}
