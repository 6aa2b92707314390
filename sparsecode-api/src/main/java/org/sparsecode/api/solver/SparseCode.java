package org.sparsecode.api.solver;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.sparsecode.api.kernel.Dictionary;

/**
 * A convolutional sparse code: {@code count} coefficient maps of {@code height × width}, stored sparsely as
 * sorted flat indices {@code (k * height + y) * width + x} and their non-zero values.
 *
 * <p>Coefficient {@code (k, y, x)} places kernel {@code d_k} with its {@code [0, 0]} element at pixel
 * {@code (y, x)}, wrapping circularly (SPORCO's convention), so {@link #reconstruct(Dictionary)} is
 * {@code Σ_k d_k * x_k}.
 *
 * <p>The arrays are not copied: treat them as read-only.
 *
 * @param count number of maps K
 * @param height rows of each map
 * @param width columns of each map
 * @param indices strictly increasing flat indices of the non-zero coefficients
 * @param values the coefficients, same length as {@code indices}, none exactly zero
 */
public record SparseCode(int count, int height, int width, int[] indices, double[] values) {

  /**
   * Validates the shape.
   *
   * @throws IllegalArgumentException if the arrays do not match or an index is out of range
   */
  public SparseCode {
    Objects.requireNonNull(indices, "indices");
    Objects.requireNonNull(values, "values");
    if (count < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException("sparse code: bad shape " + count + "x" + height + "x" + width);
    }
    if (indices.length != values.length) {
      throw new IllegalArgumentException("sparse code: " + indices.length + " indices, " + values.length + " values");
    }
    long size = (long) count * height * width;
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= size || (i > 0 && indices[i] <= indices[i - 1])) {
        throw new IllegalArgumentException("sparse code: index " + indices[i] + " at position " + i
            + " is out of range or not increasing");
      }
    }
  }

  /**
   * Keeps the non-zero entries of a dense code.
   *
   * @param count number of maps
   * @param height rows
   * @param width columns
   * @param dense {@code count * height * width} values, layout {@code (k * height + y) * width + x}
   * @return the sparse code
   */
  public static SparseCode fromDense(int count, int height, int width, double[] dense) {
    return keepNonZeros(count, height, width, dense.length, i -> dense[i]);
  }

  /**
   * Keeps the non-zero entries of a dense single-precision code.
   *
   * @param count number of maps
   * @param height rows
   * @param width columns
   * @param dense {@code count * height * width} values, layout {@code (k * height + y) * width + x}
   * @return the sparse code
   */
  public static SparseCode fromDense(int count, int height, int width, float[] dense) {
    return keepNonZeros(count, height, width, dense.length, i -> dense[i]);
  }

  /**
   * The non-zero entries of a dense code read through an accessor (the two {@code fromDense} precisions).
   *
   * @param count number of maps
   * @param height rows
   * @param width columns
   * @param length number of dense values
   * @param dense the value at a flat index, layout {@code (k * height + y) * width + x}
   * @return the sparse code
   */
  private static SparseCode keepNonZeros(int count, int height, int width, int length, IntToDoubleFunction dense) {
    int nnz = 0;
    for (int i = 0; i < length; i++) {
      if (dense.applyAsDouble(i) != 0) {
        nnz++;
      }
    }
    int[] idx = new int[nnz];
    double[] val = new double[nnz];
    int j = 0;
    for (int i = 0; i < length; i++) {
      double v = dense.applyAsDouble(i);
      if (v != 0) {
        idx[j] = i;
        val[j++] = v;
      }
    }
    return new SparseCode(count, height, width, idx, val);
  }

  /**
   * The dense maps.
   *
   * @return {@code count * height * width} values, layout {@code (k * height + y) * width + x}
   */
  public double[] toDense() {
    double[] dense = new double[size()];
    for (int i = 0; i < indices.length; i++) {
      dense[indices[i]] = values[i];
    }
    return dense;
  }

  /**
   * Total number of coefficients.
   *
   * @return {@code count * height * width}
   */
  public int size() {
    return count * height * width;
  }

  /**
   * Number of non-zero coefficients (ℓ0).
   *
   * @return the count of stored values
   */
  public int nonZeros() {
    return indices.length;
  }

  /**
   * The paper's sparseness, {@code 1 − nnz / size}.
   *
   * @return a value in [0, 1]; 1 for the zero code
   */
  public double sparseness() {
    return 1.0 - (double) nonZeros() / size();
  }

  /**
   * The ℓ1 norm {@code Σ |x|}.
   *
   * @return the sum of absolute values
   */
  public double l1() {
    double s = 0;
    for (double v : values) {
      s += Math.abs(v);
    }
    return s;
  }

  /**
   * The code with every coefficient of magnitude below {@code cutoff} set to zero (no re-optimisation),
   * as the paper's resilience analysis does.
   *
   * @param cutoff the magnitude below which coefficients are dropped
   * @return a new code
   */
  public SparseCode threshold(double cutoff) {
    int n = 0;
    for (double v : values) {
      if (Math.abs(v) >= cutoff) {
        n++;
      }
    }
    int[] idx = new int[n];
    double[] val = new double[n];
    int j = 0;
    for (int i = 0; i < values.length; i++) {
      if (Math.abs(values[i]) >= cutoff) {
        idx[j] = indices[i];
        val[j++] = values[i];
      }
    }
    return new SparseCode(count, height, width, idx, val);
  }

  /**
   * The image {@code Σ_k d_k * x_k} (circular, SPORCO's top-left convention), computed directly from the
   * non-zeros: {@code O(nnz · k²)}, fast for sparse codes.
   *
   * @param dictionary a dictionary with {@code count} kernels
   * @return {@code height * width} values, row-major
   * @throws IllegalArgumentException if the dictionary has another number of kernels
   */
  public double[] reconstruct(Dictionary dictionary) {
    if (dictionary.count() != count) {
      throw new IllegalArgumentException("sparse code has " + count + " maps, dictionary " + dictionary.count()
          + " kernels");
    }
    int k = dictionary.size();
    double[] d = dictionary.kernels();
    double[] out = new double[height * width];
    int plane = height * width;
    for (int n = 0; n < indices.length; n++) {
      int kernel = indices[n] / plane;
      int rem = indices[n] - kernel * plane;
      int y = rem / width;
      int x = rem - y * width;
      double v = values[n];
      int base = kernel * k * k;
      for (int i = 0; i < k; i++) {
        int row = ((y + i) % height) * width;
        for (int j = 0; j < k; j++) {
          out[row + (x + j) % width] += v * d[base + i * k + j];
        }
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseCode c && c.count == count && c.height == height && c.width == width
        && Arrays.equals(c.indices, indices) && Arrays.equals(c.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(count, height, width, Arrays.hashCode(indices), Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return "SparseCode[" + count + "x" + height + "x" + width + ", nnz=" + nonZeros() + "]";
  }
}
