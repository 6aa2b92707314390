package org.sparsecode.core.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array read from or written to a {@code .npy} file, held as doubles in C order.
 *
 * @param shape the dimensions, outermost first
 * @param data the values in C order (last index fastest)
 * @param dtype the NumPy dtype it was stored as ({@code <f8}, {@code <f4}, {@code |u1}, ...)
 */
public record NpyArray(int[] shape, double[] data, String dtype) {

  /** Validates that the data length matches the shape. */
  public NpyArray {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(data, "data");
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
    }
    shape = shape.clone();
  }

  /**
   * A float64 array.
   *
   * @param data the values in C order
   * @param shape the dimensions
   * @return the array
   */
  public static NpyArray of(double[] data, int... shape) {
    return new NpyArray(shape, data, "<f8");
  }

  /**
   * Number of dimensions.
   *
   * @return the rank
   */
  public int rank() {
    return shape.length;
  }

  /**
   * One dimension.
   *
   * @param axis the axis
   * @return its length
   */
  public int dim(int axis) {
    return shape[axis];
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.data, data)
        && a.dtype.equals(dtype);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(data), dtype);
  }

  @Override
  public String toString() {
    return "NpyArray[" + dtype + " " + Arrays.toString(shape) + "]";
  }
}
