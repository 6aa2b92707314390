package org.sparsecode.core.kernel;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code random} kernel generator: seeded Gaussian kernels ({@link RandomKernels},
 * {@link RandomKernelSettings}); without a {@code seed} setting the run's seed is used.
 */
public final class RandomKernelPlugin extends TypedPlugin<KernelGenerator, RandomKernelSettings> {

  /** Creates the plugin (ServiceLoader). */
  public RandomKernelPlugin() {
    super("random", KernelGenerator.class, RandomKernelSettings.class,
        "seeded Gaussian noise kernels (unit-l2, peak or no normalisation), e.g. to learn from scratch");
  }

  @Override
  protected KernelGenerator build(RandomKernelSettings s, PluginContext context) {
    long seed = s.seed() != null ? s.seed() : context.seed();
    return () -> RandomKernels.dictionary(s, seed);
  }
}
