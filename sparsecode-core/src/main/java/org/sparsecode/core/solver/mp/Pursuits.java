package org.sparsecode.core.solver.mp;

import java.util.Arrays;
import java.util.Locale;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.SolverInputs;

/** Input checks, memory estimates and code assembly shared by the pursuits. */
final class Pursuits {
  private Pursuits() {}

  /**
   * Checks the inputs of a solve.
   *
   * @throws IllegalArgumentException if the image is not grey, smaller than the kernels, the initial code's
   *     shape does not match, or {@code maxAtoms} exceeds the number of coefficients
   */
  static void check(String name, Dictionary dictionary, Image image, SparseCode initial, int maxAtoms) {
    SolverInputs.checkImage(name, dictionary, image);
    long coefficients = (long) dictionary.count() * image.height() * image.width();
    if (coefficients > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + ": " + coefficients + " coefficients (K x H x W) is more than a"
          + " sparse code can index (2^31 - 1): use a smaller image or fewer kernels");
    }
    if (maxAtoms > coefficients) {
      throw new IllegalArgumentException("maxAtoms = " + maxAtoms + " is larger than the number of coefficients"
          + " K x H x W = " + coefficients + " of image " + image.id() + ": lower maxAtoms");
    }
    if (initial != null && (initial.count() != dictionary.count() || initial.height() != image.height()
        || initial.width() != image.width())) {
      throw new IllegalArgumentException("initial code is " + initial.count() + "x" + initial.height() + "x"
          + initial.width() + " but the problem is " + dictionary.count() + "x" + image.height() + "x"
          + image.width());
    }
  }

  /** Fails clearly if the solve's buffers cannot fit in the heap. */
  static void checkHeap(String name, long bytes, Dictionary dictionary, Image image) {
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    if (bytes > available) {
      // Part of the used heap may be garbage (a previous solve's map): collect once before refusing.
      System.gc();
      available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }
    if (bytes > available) {
      throw new SolverException(-1, String.format(Locale.ROOT,
          "%s needs about %d MiB for %d kernels of %dx%d on a %dx%d image (kernel cross-correlations K^2(2k-1)^2"
              + " and the K x H x W correlation map, float64) but only about %d MiB of heap is free: raise -Xmx,"
              + " or code a smaller image", name, bytes >> 20, dictionary.count(), dictionary.size(),
          dictionary.size(), image.height(), image.width(), available >> 20));
    }
  }

  /**
   * The code for the dictionary as given from unit-kernel coefficients: sums repeated indices, divides by
   * the kernel norms, drops zeros.
   */
  static SparseCode code(KernelGram gram, int height, int width, int[] idx, double[] unitValues, int n) {
    int plane = height * width;
    long[] order = new long[n];
    for (int i = 0; i < n; i++) {
      order[i] = ((long) idx[i] << 32) | i;
    }
    Arrays.sort(order);
    int[] outIdx = new int[n];
    double[] outVal = new double[n];
    int m = 0;
    int i = 0;
    while (i < n) {
      int at = (int) (order[i] >>> 32);
      double sum = 0;
      while (i < n && (int) (order[i] >>> 32) == at) {
        sum += unitValues[(int) order[i]];
        i++;
      }
      double v = sum / gram.norm(at / plane);
      if (v != 0) {
        outIdx[m] = at;
        outVal[m++] = v;
      }
    }
    return new SparseCode(gram.count(), height, width, Arrays.copyOf(outIdx, m), Arrays.copyOf(outVal, m));
  }

  /**
   * The statistics row of one atom: objective = data fidelity = ½‖r‖², {@code primalResidual} = ‖r‖, the
   * rest NaN (a greedy pursuit has no λ, ℓ1 term, penalty or stopping thresholds).
   */
  static IterationStats stats(int step, double normSq, long start) {
    double half = 0.5 * normSq;
    return new IterationStats(step, half, half, Double.NaN, Math.sqrt(Math.max(0, normSq)), Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, (System.nanoTime() - start) * 1e-9);
  }
}
