package org.sparsecode.gpu;

import org.sparsecode.api.ConfigException;

/** What the three plugins check when they create a solver: the backend starts, and it computes in the type. */
final class Nd4jPlugins {
  private Nd4jPlugins() {}

  /**
   * Starts the backend and checks the type.
   *
   * @param solver the plugin's name
   * @param core the core solver to suggest instead
   * @param dtype the settings' {@code dtype}
   * @return the running backend
   * @throws ConfigException ({@code type}) when the backend does not start, ({@code dtype}) when it does not
   *     compute in that type
   */
  static Nd4jRuntime runtime(String solver, String core, String dtype) {
    Nd4jRuntime runtime = Nd4jRuntime.require(solver, core);
    Dtype d = Dtype.parse(dtype);
    if (!runtime.supports(d)) {
      throw new ConfigException("dtype", d.yamlName() + " needs ND4J's CUDA backend (sparsecode-gpu built with"
          + " -Pcuda): the CPU backend's BLAS multiplies float32 and float64 only, and ND4J's 16-bit loops there are"
          + " far slower than float32; use dtype: float32 (the default)");
    }
    return runtime;
  }
}
