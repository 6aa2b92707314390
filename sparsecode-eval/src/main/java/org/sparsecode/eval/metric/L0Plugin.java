package org.sparsecode.eval.metric;

/** The {@code l0} metric: the number of non-zero coefficients of the code. */
public final class L0Plugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public L0Plugin() {
    super("l0", "number of non-zero coefficients; lower is sparser", e -> e.code().nonZeros());
  }
}
