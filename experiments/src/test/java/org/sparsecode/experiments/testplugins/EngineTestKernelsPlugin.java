package org.sparsecode.experiments.testplugins;

import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;

/**
 * Test kernels for the run engine ({@code type: engine-test-kernels}): two {@code size × size} kernels, a
 * delta at the top-left and a delta one column to the right.
 */
public final class EngineTestKernelsPlugin implements Plugin<KernelGenerator> {

  /**
   * Settings.
   *
   * @param size the kernel side, default 2
   */
  public record Settings(Integer size) {
    /** Defaults and checks. */
    public Settings {
      size = Checks.atLeast("size", size == null ? 2 : size, 2);
    }
  }

  @Override
  public String name() {
    return "engine-test-kernels";
  }

  @Override
  public Class<KernelGenerator> role() {
    return KernelGenerator.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return Settings.class;
  }

  @Override
  public KernelGenerator create(Record settings, PluginContext context) {
    int k = ((Settings) settings).size();
    return () -> {
      double[] d = new double[2 * k * k];
      d[0] = 1;
      d[k * k + 1] = 1;
      return Dictionary.of(k, 2, d);
    };
  }
}
