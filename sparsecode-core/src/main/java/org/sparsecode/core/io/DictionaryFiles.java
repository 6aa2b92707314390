package org.sparsecode.core.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Dictionaries on disk as SPORCO stores them: a float64 {@code (k, k, K)} array, kernel index last.
 * In memory a {@link Dictionary} is kernel-major; these methods transpose.
 */
public final class DictionaryFiles {
  private DictionaryFiles() {}

  /**
   * Converts a {@code (k, k, K)} array (or {@code (k, k)} for one kernel) to a dictionary.
   *
   * @param array the array
   * @param name the file name used in error messages
   * @return the dictionary, with unknown kernel parameters
   * @throws SparsecodeException if the array is not of rank 2 or 3 with square kernels
   */
  public static Dictionary fromArray(NpyArray array, String name) {
    int[] s = array.shape();
    if (s.length != 3 && s.length != 2) {
      throw new SparsecodeException(name + ": a dictionary must be a (k, k, K) array, got rank " + s.length
          + " shape " + Arrays.toString(s));
    }
    if (s[0] != s[1]) {
      throw new SparsecodeException(name + ": kernels must be square, got shape " + Arrays.toString(s));
    }
    int k = s[0];
    int count = s.length == 3 ? s[2] : 1;
    if (k < 1 || count < 1) {
      throw new SparsecodeException(name + ": empty dictionary, shape " + Arrays.toString(s));
    }
    double[] src = array.data();
    double[] out = new double[k * k * count];
    for (int r = 0; r < k; r++) {
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < count; j++) {
          out[(j * k + r) * k + c] = src[(r * k + c) * count + j];
        }
      }
    }
    return Dictionary.of(k, count, out);
  }

  /**
   * Converts a dictionary to a {@code (k, k, K)} array.
   *
   * @param d the dictionary
   * @return the float64 array, kernel index last
   */
  public static NpyArray toArray(Dictionary d) {
    int k = d.size();
    int count = d.count();
    double[] src = d.kernels();
    double[] out = new double[k * k * count];
    for (int j = 0; j < count; j++) {
      for (int r = 0; r < k; r++) {
        for (int c = 0; c < k; c++) {
          out[(r * k + c) * count + j] = src[(j * k + r) * k + c];
        }
      }
    }
    return NpyArray.of(out, k, k, count);
  }

  /**
   * Reads a dictionary file.
   *
   * @param file a {@code .npy} file holding a {@code (k, k, K)} array
   * @return the dictionary
   */
  public static Dictionary read(Path file) {
    return fromArray(Npy.read(file), file.toString());
  }

  /**
   * Writes a dictionary as a float64 {@code (k, k, K)} {@code .npy} file, atomically.
   *
   * @param file the destination
   * @param d the dictionary
   */
  public static void write(Path file, Dictionary d) {
    Npy.write(file, toArray(d));
  }
}
