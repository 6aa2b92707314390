package org.sparsecode.core.solver.admm;

/** The ℓ1 weight of each kernel, {@code w_k ≥ 0}, resolved from the {@code l1Weight} setting. */
final class L1Weights {
  private final double[] weights;

  L1Weights(double[] weights) {
    this.weights = weights.clone();
  }

  double get(int k) {
    return weights[k];
  }
}
