package org.sparsecode.core.kernel;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code gabor} kernel generator: a spatial Gabor bank ({@link GaborKernels}, {@link GaborSettings}). */
public final class GaborPlugin extends TypedPlugin<KernelGenerator, GaborSettings> {

  /** Creates the plugin (ServiceLoader). */
  public GaborPlugin() {
    super("gabor", KernelGenerator.class, GaborSettings.class,
        "spatial Gabor bank (Gaussian times cosine carrier), median-centred, peak 1 like log-gabor");
  }

  @Override
  protected KernelGenerator build(GaborSettings s, PluginContext context) {
    return () -> GaborKernels.dictionary(s);
  }
}
