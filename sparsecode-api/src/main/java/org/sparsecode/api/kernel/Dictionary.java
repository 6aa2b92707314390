package org.sparsecode.api.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A dictionary of {@code count} square kernels of {@code size × size}, stored kernel-major
 * ({@code kernels[(k * size + row) * size + col]}), in float64.
 *
 * <p>Convention (SPORCO's): kernel {@code k} contributes {@code d_k * x_k}, a circular convolution with
 * {@code d_k} zero-padded at the top-left of an image-size array. On disk dictionaries are
 * {@code (size, size, count)} arrays (kernel index last), as SPORCO stores them.
 *
 * <p>The array is not copied: treat it as read-only.
 *
 * @param size kernel side k, at least 1
 * @param count number of kernels K, at least 1
 * @param kernels {@code count * size * size} values
 * @param info per-kernel parameters, one per kernel
 */
public record Dictionary(int size, int count, double[] kernels, List<KernelInfo> info) {

  /**
   * Validates the shape and copies the info list.
   *
   * @throws IllegalArgumentException if the lengths do not match
   */
  public Dictionary {
    Objects.requireNonNull(kernels, "kernels");
    Objects.requireNonNull(info, "info");
    if (size < 1 || count < 1) {
      throw new IllegalArgumentException("dictionary: size and count must be >= 1, got " + size + ", " + count);
    }
    if (kernels.length != (long) count * size * size) {
      throw new IllegalArgumentException("dictionary: " + kernels.length + " values for " + count
          + " kernels of " + size + "x" + size);
    }
    if (info.size() != count) {
      throw new IllegalArgumentException("dictionary: " + info.size() + " KernelInfo for " + count + " kernels");
    }
    info = List.copyOf(info);
  }

  /**
   * A dictionary with unknown kernel parameters.
   *
   * @param size kernel side
   * @param count number of kernels
   * @param kernels the values, kernel-major
   * @return the dictionary
   */
  public static Dictionary of(int size, int count, double[] kernels) {
    return new Dictionary(size, count, kernels, java.util.Collections.nCopies(count, KernelInfo.UNKNOWN));
  }

  /**
   * One coefficient of a kernel.
   *
   * @param k the kernel
   * @param row the row within the kernel
   * @param col the column within the kernel
   * @return the value
   */
  public double get(int k, int row, int col) {
    return kernels[(k * size + row) * size + col];
  }

  /**
   * A copy of one kernel, row-major.
   *
   * @param k the kernel
   * @return {@code size * size} values
   */
  public double[] kernel(int k) {
    return Arrays.copyOfRange(kernels, k * size * size, (k + 1) * size * size);
  }

  /**
   * The ℓ2 norm of one kernel.
   *
   * @param k the kernel
   * @return its Euclidean norm
   */
  public double norm(int k) {
    double s = 0;
    for (int i = k * size * size; i < (k + 1) * size * size; i++) {
      s += kernels[i] * kernels[i];
    }
    return Math.sqrt(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dictionary d && d.size == size && d.count == count && Arrays.equals(d.kernels, kernels)
        && d.info.equals(info);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, count, Arrays.hashCode(kernels), info);
  }

  @Override
  public String toString() {
    return "Dictionary[" + count + " kernels of " + size + "x" + size + "]";
  }
}
