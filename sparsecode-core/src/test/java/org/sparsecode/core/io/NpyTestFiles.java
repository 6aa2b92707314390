package org.sparsecode.core.io;

/** Hand-made {@code .npy} bytes for the tests of other packages. */
public final class NpyTestFiles {
  private NpyTestFiles() {}

  /**
   * A {@code .npy} file, format 1.0, with the given header dict and raw data bytes.
   *
   * @param dict the header dict, e.g. {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2,), }}
   * @param data the data bytes
   * @return the file's bytes
   */
  public static byte[] npy(String dict, byte[] data) {
    return NpyTest.npyBytes(dict, data);
  }
}
