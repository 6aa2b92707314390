package org.sparsecode.core.solver.lca;

/**
 * A table of float64 partial sums, one row per slot (a kernel, a spectral column) and a few fields per row,
 * written by whichever worker owns the slot and totalled in slot order, so that totals do not depend on how
 * slots were spread over threads.
 */
final class Sums {
  private final int fields;
  private final double[] values;

  Sums(int slots, int fields) {
    this.fields = fields;
    this.values = new double[slots * fields];
  }

  void set(int slot, int field, double value) {
    values[slot * fields + field] = value;
  }

  double get(int slot, int field) {
    return values[slot * fields + field];
  }

  /** The sum over slots, in slot order. */
  double total(int field) {
    double s = 0;
    for (int i = field; i < values.length; i += fields) {
      s += values[i];
    }
    return s;
  }
}
