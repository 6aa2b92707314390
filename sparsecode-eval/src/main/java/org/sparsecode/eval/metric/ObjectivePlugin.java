package org.sparsecode.eval.metric;

/** The {@code objective} metric: {@link Measures#objective}, NaN for solvers without λ. */
public final class ObjectivePlugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public ObjectivePlugin() {
    super("objective",
        "CBPDN objective 1/2||sum d_k*x_k - s||^2 + lambda||x||_1; NaN without lambda",
        Measures::objective);
  }
}
