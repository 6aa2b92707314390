package org.sparsecode.core.kernel;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;

/**
 * The {@code random} kernel generator: seeded Gaussian kernels ({@link RandomKernels},
 * {@link RandomKernelSettings}); without a {@code seed} setting the run's seed is used.
 */
public final class RandomKernelPlugin implements Plugin<KernelGenerator> {

  /** Creates the plugin (ServiceLoader). */
  public RandomKernelPlugin() {
    // stateless
  }

  @Override
  public String name() {
    return "random";
  }

  @Override
  public Class<KernelGenerator> role() {
    return KernelGenerator.class;
  }

  @Override
  public Class<RandomKernelSettings> settings() {
    return RandomKernelSettings.class;
  }

  @Override
  public KernelGenerator create(Record settings, PluginContext context) {
    RandomKernelSettings s = Kernels.cast(settings, RandomKernelSettings.class, name());
    long seed = s.seed() != null ? s.seed() : context.seed();
    return () -> RandomKernels.dictionary(s, seed);
  }

  @Override
  public String description() {
    return "seeded Gaussian noise kernels (unit-l2, peak or no normalisation), e.g. to learn from scratch";
  }
}
