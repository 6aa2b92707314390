package org.sparsecode.core.solver.fista;

/**
 * Per-kernel sums written by whichever worker owns the kernel and totalled in kernel order, so that totals
 * do not depend on how kernels were spread over threads. Always float64.
 */
final class KernelSums {
  /** {@code ‖x_k‖₁} of the new iterate. */
  static final int L1 = 0;
  /** {@code ‖x_k − y_k‖²}: the fixed-point residual. */
  static final int RSDL = 1;
  /** {@code Σ_half Re(conj(X̂_k − Ŷ_k) Ĝ_k)}: the linear term of the backtracking model Q_L. */
  static final int LIN = 2;
  /** {@code Σ_half |X̂_k − Ŷ_k|²}: the quadratic term of Q_L. */
  static final int DXY2 = 3;
  static final int FIELDS = 4;

  private final double[] values;

  KernelSums(int count) {
    this.values = new double[count * FIELDS];
  }

  void set(int k, int field, double value) {
    values[k * FIELDS + field] = value;
  }

  double total(int field) {
    double s = 0;
    for (int i = field; i < values.length; i += FIELDS) {
      s += values[i];
    }
    return s;
  }
}
