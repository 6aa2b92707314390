package org.sparsecode.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.DictionaryChecks;

/**
 * Dictionaries on disk as SPORCO stores them: a float64 {@code (k, k, K)} array, kernel index last.
 * In memory a {@link Dictionary} is kernel-major; these methods transpose.
 */
public final class DictionaryFiles {
  private DictionaryFiles() {}

  /**
   * Converts a {@code (k, k, K)} array to a dictionary, checking it as a loaded dictionary must be: rank 3,
   * square non-empty kernels, every value finite, no kernel all zeros.
   *
   * @param array the array
   * @param name the file name used in error messages
   * @return the dictionary, with unknown kernel parameters
   * @throws SparsecodeException naming {@code name} and the problem: the shape found against the
   *     {@code (k, k, K)} expected, or the index {@code [:, :, j]} of the first all-zero or non-finite kernel
   */
  public static Dictionary fromArray(NpyArray array, String name) {
    int[] s = array.shape();
    if (s.length == 2) {
      throw new SparsecodeException(name + ": a dictionary must be a (k, k, K) array (kernel index last), got"
          + " a 2-D array of rank 2, shape " + Npy.shapeText(s) + "; for a single kernel add a third axis of"
          + " length 1 (numpy: numpy.save(file, a[:, :, None]))");
    }
    if (s.length != 3) {
      throw new SparsecodeException(name + ": a dictionary must be a (k, k, K) array (kernel index last), got"
          + " rank " + s.length + ", shape " + Npy.shapeText(s));
    }
    if (s[0] != s[1]) {
      throw new SparsecodeException(name + ": kernels must be square, got shape " + Npy.shapeText(s) + " ("
          + s[0] + "x" + s[1] + " kernels); the layout is (k, k, K) with the kernel index last");
    }
    int k = s[0];
    int count = s[2];
    if (k < 1 || count < 1) {
      throw new SparsecodeException(name + ": empty dictionary, shape " + Npy.shapeText(s)
          + " (a (k, k, K) array needs k >= 1 and K >= 1)");
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
    Dictionary d = Dictionary.of(k, count, out);
    DictionaryChecks.find(d).ifPresent(p -> {
      String at = "kernel " + p.kernel() + " of " + count + " (the array's [:, :, " + p.kernel() + "])";
      throw new SparsecodeException(name + ": " + (p.allZero()
          ? at + " is all zeros: a zero kernel codes nothing and leaves the solvers' step undefined; remove it"
              + " or replace it"
          : at + " holds " + p.value() + " at [" + p.row() + ", " + p.col() + ", " + p.kernel() + "]: every"
              + " value of a dictionary must be finite"));
    });
    return d;
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
   * @throws SparsecodeException naming the file as {@link Npy#read(Path)} and {@link #fromArray} do
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

  /**
   * The kernels' parameters as a {@code (K, 5)} array: per kernel θ, B_θ, phase, f₀ and B_f, NaN where unknown
   * (a {@code (k, k, K)} dictionary file leaves them out; the orientation statistics need them).
   *
   * @param d the dictionary
   * @return the float64 array
   */
  public static NpyArray infoArray(Dictionary d) {
    double[] info = new double[5 * d.count()];
    for (int k = 0; k < d.count(); k++) {
      KernelInfo i = d.info().get(k);
      info[5 * k] = i.theta();
      info[5 * k + 1] = i.bTheta();
      info[5 * k + 2] = i.phase();
      info[5 * k + 3] = i.sf0();
      info[5 * k + 4] = i.bsf();
    }
    return NpyArray.of(info, d.count(), 5);
  }

  /**
   * The dictionary with the kernels' parameters of an {@link #infoArray} array.
   *
   * @param d the dictionary (its own parameters are replaced)
   * @param info the {@code (K, 5)} array
   * @return the dictionary with the parameters
   * @throws IllegalArgumentException if the array does not hold 5 values per kernel
   */
  public static Dictionary withInfo(Dictionary d, double[] info) {
    if (info.length != 5 * d.count()) {
      throw new IllegalArgumentException("kernel parameters: " + info.length + " values for " + d.count()
          + " kernels, expected 5 per kernel");
    }
    List<KernelInfo> list = new ArrayList<>(d.count());
    for (int k = 0; k < d.count(); k++) {
      list.add(new KernelInfo(info[5 * k], info[5 * k + 1], info[5 * k + 2], info[5 * k + 3], info[5 * k + 4]));
    }
    return new Dictionary(d.size(), d.count(), d.kernels(), list);
  }
}
