package org.sparsecode.core.kernel;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;

/** The {@code gabor} kernel generator: a spatial Gabor bank ({@link GaborKernels}, {@link GaborSettings}). */
public final class GaborPlugin implements Plugin<KernelGenerator> {

  /** Creates the plugin (ServiceLoader). */
  public GaborPlugin() {
    // stateless
  }

  @Override
  public String name() {
    return "gabor";
  }

  @Override
  public Class<KernelGenerator> role() {
    return KernelGenerator.class;
  }

  @Override
  public Class<GaborSettings> settings() {
    return GaborSettings.class;
  }

  @Override
  public KernelGenerator create(Record settings, PluginContext context) {
    GaborSettings s = Kernels.cast(settings, GaborSettings.class, name());
    return () -> GaborKernels.dictionary(s);
  }

  @Override
  public String description() {
    return "spatial Gabor bank (Gaussian times cosine carrier), median-centred, peak 1 like log-gabor";
  }
}
