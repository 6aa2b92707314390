package org.sparsecode.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The memory a measurement used at its peak: the heap's high-water mark (summed over the heap's pools, as the
 * JVM keeps one per pool) and the process's resident set at its highest ({@code VmHWM} of Linux's {@code
 * /proc/self/status}), which also counts native memory outside the heap.
 */
final class PeakMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private final boolean rssReset;

  private PeakMemory(boolean rssReset) {
    this.rssReset = rssReset;
  }

  /**
   * Resets the high-water marks and starts a measurement.
   *
   * @return the measurement; read it with {@link #heapBytes()} and {@link #residentBytes()}
   */
  static PeakMemory start() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
    boolean reset;
    try {
      // "5" resets the peak resident set size (Linux 4.0 and later)
      Files.writeString(CLEAR_REFS, "5");
      reset = true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      reset = false;
    }
    return new PeakMemory(reset);
  }

  /**
   * The heap's peak since {@link #start()}.
   *
   * @return bytes
   */
  long heapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid() && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The process's peak resident set since {@link #start()} (since the process started where the kernel
   * refused the reset), or -1 where {@code /proc} is not there.
   *
   * @return bytes, or -1
   */
  long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String[] f = line.substring(6).trim().split("\\s+");
          return Long.parseLong(f[0]) * 1024L;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Whether {@link #residentBytes()} is this measurement's own peak rather than the process's.
   *
   * @return true where the kernel reset the mark
   */
  boolean residentIsOwn() {
    return rssReset;
  }
}
