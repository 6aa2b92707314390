package org.sparsecode.core.solver;

import java.util.Locale;
import java.util.Objects;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;

/**
 * The checks every solver of this package's sub-packages makes before allocating anything: a worker count of
 * at least one, a grey image at least as large as the kernels, an initial code of the problem's shape, and
 * buffers that fit in the maximum heap. The messages name the solver (its plugin name) and say how to fix the
 * input, so that they read the same whichever solver a run uses.
 */
public final class SolverInputs {
  private SolverInputs() {}

  /**
   * Checks a worker count.
   *
   * @param threads worker threads per solve
   * @return {@code threads}
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public static int threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    return threads;
  }

  /**
   * Checks that the image is grey and at least as large as the kernels.
   *
   * @param name the solver's name, for the messages
   * @param dictionary the kernels
   * @param image the image to code
   * @throws NullPointerException if the dictionary or the image is null
   * @throws IllegalArgumentException if the image is not grey or is smaller than the kernels
   */
  public static void checkImage(String name, Dictionary dictionary, Image image) {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(image, "image");
    if (!image.isGrey()) {
      throw new IllegalArgumentException(name + " codes grey images; image " + image.id() + " has "
          + image.channels() + " channels (add a grey preprocessing step)");
    }
    int k = dictionary.size();
    if (k > image.height() || k > image.width()) {
      throw new IllegalArgumentException("kernels of " + k + "x" + k + " are larger than image " + image.id()
          + " (" + image.height() + "x" + image.width() + "): use an image at least as large as the kernels");
    }
  }

  /**
   * Checks the inputs of a solve in the DFT domain: {@link #checkImage} and, when there is one, the shape of
   * the initial code ({@code K × H × W}).
   *
   * @param name the solver's name, for the messages
   * @param dictionary the kernels
   * @param image the image to code
   * @param initial the starting code, or null
   * @throws NullPointerException if the dictionary or the image is null
   * @throws IllegalArgumentException if the image is not grey, is smaller than the kernels, or the initial
   *     code's shape does not match
   */
  public static void check(String name, Dictionary dictionary, Image image, SparseCode initial) {
    checkImage(name, dictionary, image);
    if (initial != null && (initial.count() != dictionary.count() || initial.height() != image.height()
        || initial.width() != image.width())) {
      throw new IllegalArgumentException("initial code is " + initial.count() + "x" + initial.height() + "x"
          + initial.width() + " but the dictionary has " + dictionary.count() + " kernels and image "
          + image.id() + " is " + image.height() + "x" + image.width());
    }
  }

  /**
   * Fails clearly, before allocating, if a solve's arrays cannot fit in the maximum heap.
   *
   * @param name the solver's name, for the message
   * @param elements the number of array elements the solve allocates
   * @param precision the storage precision (4 bytes an element in float32, 8 in float64)
   * @param kernels K, for the message
   * @param image the image to code, for the message
   * @throws SolverException (iteration −1) if the arrays need more than {@link Runtime#maxMemory()}
   */
  public static void checkHeap(String name, long elements, Precision precision, int kernels, Image image) {
    long bytes = elements * (precision == Precision.FLOAT32 ? Float.BYTES : Double.BYTES);
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > max) {
      throw new SolverException(-1, String.format(Locale.ROOT,
          "%s needs about %d MiB for %d kernels on a %dx%d image in %s but the heap is limited to %d MiB:"
              + " raise -Xmx, or use precision float32", name, bytes >> 20, kernels, image.height(),
          image.width(), precision.yamlName(), max >> 20));
    }
  }
}
