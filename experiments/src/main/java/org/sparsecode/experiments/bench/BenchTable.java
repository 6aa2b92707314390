package org.sparsecode.experiments.bench;

import java.util.List;
import java.util.Locale;

/** The bench's results as a table for the terminal and as CSV. */
public final class BenchTable {
  private static final String[] HEADER = {"solver", "precision", "fft", "threads", "batch", "ms/iteration",
      "setup ms", "images/s", "iterations/image", "peak heap MiB", "peak RSS MiB"};

  private BenchTable() {}

  /**
   * The results aligned in columns, one row per measurement.
   *
   * @param results the measurements
   * @return the table, with a header line
   */
  public static String text(List<BenchResult> results) {
    List<String[]> rows = new java.util.ArrayList<>();
    rows.add(HEADER);
    results.forEach(r -> rows.add(cells(r)));
    int[] width = new int[HEADER.length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        // names left-aligned, numbers right-aligned
        String f = i < 3 ? "%-" + width[i] + "s" : "%" + width[i] + "s";
        out.append(String.format(Locale.ROOT, f, row[i])).append(i + 1 < row.length ? "  " : "\n");
      }
    }
    return out.toString();
  }

  /**
   * The results as CSV (the same columns, plain numbers).
   *
   * @param results the measurements
   * @return CSV text with a header line
   */
  public static String csv(List<BenchResult> results) {
    StringBuilder out = new StringBuilder(
        "solver,precision,fft,threads,batch,ms_per_iteration,setup_ms,images_per_second,iterations_per_image,"
            + "peak_heap_bytes,peak_rss_bytes\n");
    for (BenchResult r : results) {
      out.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.4f,%.3f,%.4f,%d,%d,%d%n", r.solver(), r.precision(),
          r.fft(), r.threads(), r.batch(), r.msPerIteration(), r.setupMs(), r.imagesPerSecond(),
          r.iterationsPerImage(), r.peakHeapBytes(), r.peakResidentBytes()));
    }
    return out.toString();
  }

  private static String[] cells(BenchResult r) {
    return new String[] {r.solver(), r.precision(), r.fft(), Integer.toString(r.threads()),
        Integer.toString(r.batch()), String.format(Locale.ROOT, "%.2f", r.msPerIteration()),
        String.format(Locale.ROOT, "%.1f", r.setupMs()), String.format(Locale.ROOT, "%.2f", r.imagesPerSecond()),
        Integer.toString(r.iterationsPerImage()), mib(r.peakHeapBytes()), mib(r.peakResidentBytes())};
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "?" : String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
  }
}
