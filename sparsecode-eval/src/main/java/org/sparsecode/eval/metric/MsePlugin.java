package org.sparsecode.eval.metric;

/** The {@code mse} metric: {@link Measures#mse}, the mean of (s − Σ d_k * x_k)². */
public final class MsePlugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public MsePlugin() {
    super("mse",
        "mean squared reconstruction error; lower is better",
        e -> Measures.mse(e.image().pixels(), e.reconstruction()));
  }
}
