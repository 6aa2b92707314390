package org.sparsecode.core.kernel;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code gabor} kernel generator: a spatial Gabor bank ({@link GaborKernels}, {@link GaborSettings}). */
public final class GaborPlugin extends TypedPlugin<KernelGenerator, GaborSettings> {

  /** Creates the plugin (ServiceLoader). */
  public GaborPlugin() {
    super("gabor", KernelGenerator.class, GaborSettings.class,
        "spatial Gabor bank (Gaussian times cosine carrier), median-centred, peak 1 like log-gabor");
  }

  /**
   * Computes the bank once (cheap: {@code N²} per kernel) to check it and returns the generator.
   *
   * @throws ConfigException naming {@code sigma} when a kernel is all zeros or not finite
   */
  @Override
  protected KernelGenerator build(GaborSettings s, PluginContext context) {
    Dictionary d = GaborKernels.dictionary(s);
    DictionaryChecks.find(d).ifPresent(p -> {
      throw new ConfigException("sigma", "gabor " + p.describe() + " (" + DictionaryChecks.parameters(
          d.info().get(p.kernel())) + ", sigma " + s.sigma() + ", " + s.size() + "x" + s.size() + "): change"
          + " sigma (the default is size / " + GaborSettings.DEFAULT_SIGMA_DIVISOR + ") or the kernel's phase");
    });
    return () -> GaborKernels.dictionary(s);
  }
}
