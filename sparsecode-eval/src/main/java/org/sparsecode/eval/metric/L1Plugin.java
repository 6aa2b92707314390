package org.sparsecode.eval.metric;

/** The {@code l1} metric: {@code Σ |x|} over all maps. */
public final class L1Plugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public L1Plugin() {
    super("l1", "sum of absolute coefficients; lower is sparser", e -> e.code().l1());
  }
}
