package org.sparsecode.core.io;

/**
 * The header of a {@code .npy} file: what the data that follows it is.
 *
 * @param dtype the NumPy dtype string ({@code <f8}, {@code <f4}, {@code |u1}, ...), one that {@link Npy} reads
 * @param fortranOrder whether the data is stored in Fortran (column-major) order
 * @param shape the dimensions, outermost first
 * @param itemSize bytes per element
 * @param dataOffset the byte offset of the data from the start of the file
 */
public record NpyHeader(String dtype, boolean fortranOrder, int[] shape, int itemSize, int dataOffset) {

  /** Copies the shape. */
  public NpyHeader {
    shape = shape.clone();
  }

  @Override
  public int[] shape() {
    return shape.clone();
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
   * Number of elements (the product of the shape; 1 for a scalar).
   *
   * @return the count, at most {@link Integer#MAX_VALUE}
   */
  public long count() {
    long n = 1;
    for (int d : shape) {
      n *= d;
    }
    return n;
  }

  /**
   * Bytes of data after the header.
   *
   * @return {@code count() * itemSize()}
   */
  public long dataBytes() {
    return count() * itemSize;
  }

  /**
   * The array in words, for messages.
   *
   * @return e.g. {@code a <f8 array of shape (12, 12, 144)}
   */
  public String describe() {
    return "a " + dtype + " array of shape " + Npy.shapeText(shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NpyHeader h && h.dtype.equals(dtype) && h.fortranOrder == fortranOrder
        && java.util.Arrays.equals(h.shape, shape) && h.itemSize == itemSize && h.dataOffset == dataOffset;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(dtype, fortranOrder, java.util.Arrays.hashCode(shape), itemSize, dataOffset);
  }

  @Override
  public String toString() {
    return "NpyHeader[" + describe() + (fortranOrder ? ", Fortran order" : "") + "]";
  }
}
