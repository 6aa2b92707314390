package org.sparsecode.experiments.run;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.sparsecode.api.Precision;
import org.sparsecode.experiments.config.ConfigError;

/**
 * The heap a run needs to code one image, estimated before anything is allocated, so that a size that cannot
 * fit is refused with the estimate and the {@code -Xmx} to give rather than ending in an {@code
 * OutOfMemoryError} an hour in.
 *
 * <p>The estimate is an upper bound of the largest solver's working set, CBPDN by ADMM: X, Y and U in the
 * pixel domain and two spectra per kernel (about 4K arrays of H×W elements at the run's precision), one
 * pixel-domain and one spectral scratch array per worker, plus the float64 image arrays of reading,
 * preprocessing, reconstruction and the metrics (eight H×W arrays).
 */
public final class HeapEstimate {
  /** Float64 arrays of H×W for the image, its preprocessing, its reconstruction and the metrics. */
  private static final int IMAGE_ARRAYS = 8;

  private HeapEstimate() {}

  /**
   * Bytes needed to code one image.
   *
   * @param height image rows
   * @param width image columns
   * @param kernels K
   * @param precision the solver's precision
   * @param threads worker threads
   * @return the estimate in bytes
   */
  public static long bytes(long height, long width, int kernels, Precision precision, int threads) {
    long area = height * width;
    long element = precision == Precision.FLOAT32 ? Float.BYTES : Double.BYTES;
    return area * (IMAGE_ARRAYS * Double.BYTES + (4L * kernels + 2L * threads + 4) * element);
  }

  /**
   * Fails clearly when coding images of {@code height × width} pixels cannot fit: a side beyond what a Java
   * array can hold, or more heap than the JVM may use.
   *
   * @param what the setting or file that gives the size, for the message ({@code "images.size 100000"})
   * @param height image rows
   * @param width image columns
   * @param kernels K
   * @param precision the solver's precision
   * @param threads worker threads
   * @throws ConfigError with the estimate, the heap limit and what to change
   */
  public static void check(String what, long height, long width, int kernels, Precision precision, int threads) {
    check(what, height, width, kernels, precision, threads, Runtime.getRuntime().maxMemory());
  }

  static void check(String what, long height, long width, int kernels, Precision precision, int threads,
      long maxHeap) {
    long area = height * width;
    if (height > Integer.MAX_VALUE || width > Integer.MAX_VALUE || area > Integer.MAX_VALUE - 8) {
      throw new ConfigError(what + ": images of " + height + "x" + width + " pixels are larger than the largest"
          + " array Java can hold (2^31 elements): use a smaller size");
    }
    long need = bytes(height, width, kernels, precision, threads);
    if (need <= maxHeap) {
      return;
    }
    long physical = physicalMemory();
    String advice;
    long gib = Math.max(1, (long) Math.ceil(need * 1.25 / (1L << 30)));
    if (physical > 0 && gib * (1L << 30) > physical) {
      advice = "that is more than this machine's " + size(physical) + " of memory: use smaller images"
          + (precision == Precision.FLOAT64 ? " or precision float32" : "") + " or fewer kernels";
    } else {
      advice = "give Java more heap (JAVA_OPTS=-Xmx" + gib + "g ./sparsecode ...), or use smaller images"
          + (precision == Precision.FLOAT64 ? " or precision float32" : "");
    }
    throw new ConfigError(String.format(Locale.ROOT, "%s: coding one %dx%d image with %d kernels in %s needs"
        + " about %s of heap, but the heap is limited to %s (-Xmx): %s", what, height, width, kernels,
        precision.yamlName(), size(need), size(maxHeap), advice));
  }

  /**
   * A byte count in the largest binary unit that keeps it at or above 1 ({@code 20.1 GiB}).
   *
   * @param bytes the count
   * @return the text
   */
  public static String size(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  private static long physicalMemory() {
    try {
      if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
        return os.getTotalMemorySize();
      }
    } catch (RuntimeException | LinkageError e) {
      // not a HotSpot-like JVM: no physical memory figure, the advice just says -Xmx
    }
    return -1;
  }
}
