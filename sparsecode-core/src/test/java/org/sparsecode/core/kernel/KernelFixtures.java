package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparison helpers for the kernel tests against the reference fixtures (read through TestFixtures). */
final class KernelFixtures {
  private KernelFixtures() {}

  /** The largest absolute elementwise difference; the arrays must have the same length. */
  static double maxAbsDiff(double[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i] - expected[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      max = Math.max(max, d);
    }
    return max;
  }
}
