package org.sparsecode.core.kernel;

import java.util.Locale;
import java.util.Optional;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;

/**
 * The checks every dictionary passes when it is loaded or generated, before any solver sees it: each kernel
 * finite and not all zeros. A zero kernel codes nothing and leaves the solvers' step sizes (which divide by
 * kernel energies) undefined; a NaN or infinite value spreads into every code. Both are reported where the
 * dictionary comes from (the file, the generator's settings) rather than at a solver's first iteration.
 */
public final class DictionaryChecks {
  private DictionaryChecks() {}

  /**
   * The first bad kernel of a dictionary.
   *
   * @param kernel the kernel's index (0-based)
   * @param row the row of the first non-finite value, or −1 for an all-zero kernel
   * @param col the column of the first non-finite value, or −1 for an all-zero kernel
   * @param value the non-finite value, or 0 for an all-zero kernel
   */
  public record Problem(int kernel, int row, int col, double value) {

    /**
     * Whether the kernel is all zeros (rather than holding a non-finite value).
     *
     * @return {@code row < 0}
     */
    public boolean allZero() {
      return row < 0;
    }

    /**
     * The problem in words.
     *
     * @return e.g. {@code kernel 3 holds NaN at row 1, column 2} or {@code kernel 3 is all zeros}
     */
    public String describe() {
      return allZero() ? "kernel " + kernel + " is all zeros"
          : "kernel " + kernel + " holds " + value + " at row " + row + ", column " + col;
    }
  }

  /**
   * Finds the first kernel that is all zeros or holds a NaN or infinite value.
   *
   * @param d the dictionary
   * @return the first problem in kernel order, or empty when every kernel is usable
   */
  public static Optional<Problem> find(Dictionary d) {
    int k = d.size();
    double[] v = d.kernels();
    for (int j = 0; j < d.count(); j++) {
      boolean zero = true;
      int base = j * k * k;
      for (int i = 0; i < k * k; i++) {
        double x = v[base + i];
        if (!Double.isFinite(x)) {
          return Optional.of(new Problem(j, i / k, i % k, x));
        }
        zero &= x == 0.0;
      }
      if (zero) {
        return Optional.of(new Problem(j, -1, -1, 0.0));
      }
    }
    return Optional.empty();
  }

  /**
   * A kernel's known parameters in words, for messages about generated kernels.
   *
   * @param info the kernel's parameters
   * @return e.g. {@code θ 0.2618, B_θ 0.2094, phase 0, sf0 0.4, B_sf 0.4}; unknown ones are left out
   */
  public static String parameters(KernelInfo info) {
    StringBuilder sb = new StringBuilder();
    append(sb, "θ", info.theta());
    append(sb, "B_θ", info.bTheta());
    append(sb, "phase", info.phase());
    append(sb, "sf0", info.sf0());
    append(sb, "B_sf", info.bsf());
    return sb.toString();
  }

  private static void append(StringBuilder sb, String name, double value) {
    if (!Double.isNaN(value)) {
      sb.append(sb.length() > 0 ? ", " : "").append(name).append(' ')
          .append(String.format(Locale.ROOT, "%.4g", value));
    }
  }
}
