package org.sparsecode.eval.metric;

/** The {@code sparseness} metric: {@code 1 − nnz(x) / size(x)} over all K maps (the paper's measure). */
public final class SparsenessPlugin extends MetricPlugin {

  /** Creates the plugin (used by {@link java.util.ServiceLoader}). */
  public SparsenessPlugin() {
    super("sparseness",
        "1 - nnz(x)/size(x), the paper's sparseness; higher is sparser, 1 for the zero code",
        e -> e.code().sparseness());
  }
}
