package org.sparsecode.learning.refit;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sparsecode.core.io.AtomicFiles;

/**
 * The log-Gabor re-fit of a dictionary: one {@link AtomFit} per atom, in dictionary order, and the
 * (θ, B_θ) histogram, with the settings that produced them.
 *
 * @param settings the resolved settings
 * @param size the kernel side N
 * @param atoms one fit per atom
 * @param histogram the (θ, B_θ) distribution of the atoms with R² at least {@code settings.minR2()}
 */
public record RefitResult(RefitSettings settings, int size, List<AtomFit> atoms, OrientationHistogram histogram) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a component is null
   */
  public RefitResult {
    atoms = List.copyOf(atoms);
    java.util.Objects.requireNonNull(settings, "settings");
    java.util.Objects.requireNonNull(histogram, "histogram");
  }

  /**
   * Number of atoms fitted with at least a given R².
   *
   * @param r2 the threshold
   * @return the count
   */
  public long countWithR2AtLeast(double r2) {
    return atoms.stream().filter(a -> a.r2() >= r2).count();
  }

  /**
   * The median R² over atoms.
   *
   * @return the median (mean of the two middle values for an even count)
   */
  public double medianR2() {
    double[] r = atoms.stream().mapToDouble(AtomFit::r2).sorted().toArray();
    int n = r.length;
    return n % 2 == 1 ? r[n / 2] : (r[n / 2 - 1] + r[n / 2]) / 2;
  }

  /**
   * The per-atom table as CSV: header {@code index,theta,bTheta,phase,sf0,bsf,amplitude,r2}, angles in
   * radians, numbers as Java's {@code Double.toString} (round-trip exact).
   *
   * @return the CSV text, one line per atom
   */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("index,theta,bTheta,phase,sf0,bsf,amplitude,r2\n");
    for (AtomFit a : atoms) {
      sb.append(a.index()).append(',').append(a.theta()).append(',').append(a.bTheta()).append(',')
          .append(a.phase()).append(',').append(a.sf0()).append(',').append(a.bsf()).append(',')
          .append(a.amplitude()).append(',').append(a.r2()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The whole result as JSON: {@code settings}, {@code size}, {@code atoms} (objects with the CSV's
   * columns), {@code histogram} ({@code thetaEdges}, {@code bThetaEdges}, {@code counts[θ bin][B_θ bin]},
   * {@code bThetaMarginal}, {@code thetaMarginal}, {@code excluded}) and {@code medianR2}. Non-finite
   * numbers are written as {@code null}.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n");
    sb.append("  \"settings\": {\"fitFrequency\": ").append(settings.fitFrequency())
        .append(", \"sf0\": ").append(num(settings.sf0())).append(", \"bsf\": ").append(num(settings.bsf()))
        .append(", \"thetaGrid\": ").append(settings.thetaGrid()).append(", \"bThetaGrid\": ")
        .append(settings.bThetaGrid()).append(", \"thetaBins\": ").append(settings.thetaBins())
        .append(", \"bThetaEdges\": ").append(array(settings.bThetaEdges().stream()
            .mapToDouble(Double::doubleValue).toArray()))
        .append(", \"minR2\": ").append(num(settings.minR2())).append("},\n");
    sb.append("  \"size\": ").append(size).append(",\n");
    sb.append("  \"medianR2\": ").append(atoms.isEmpty() ? "null" : num(medianR2())).append(",\n");
    sb.append("  \"atoms\": [");
    for (int i = 0; i < atoms.size(); i++) {
      AtomFit a = atoms.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    {\"index\": %d, \"theta\": %s, \"bTheta\": %s, \"phase\": %s, \"sf0\": %s, \"bsf\": %s, "
              + "\"amplitude\": %s, \"r2\": %s}", a.index(), num(a.theta()), num(a.bTheta()), num(a.phase()),
          num(a.sf0()), num(a.bsf()), num(a.amplitude()), num(a.r2())));
    }
    sb.append("\n  ],\n");
    sb.append("  \"histogram\": {\"thetaEdges\": ").append(array(histogram.thetaEdges()))
        .append(", \"bThetaEdges\": ").append(array(histogram.bThetaEdges()))
        .append(", \"counts\": [");
    int[][] counts = histogram.counts();
    for (int i = 0; i < counts.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(array(counts[i]));
    }
    sb.append("], \"bThetaMarginal\": ").append(array(histogram.bThetaMarginal()))
        .append(", \"thetaMarginal\": ").append(array(histogram.thetaMarginal()))
        .append(", \"excluded\": ").append(histogram.excluded()).append("}\n}\n");
    return sb.toString();
  }

  /**
   * The (θ, B_θ) histogram as CSV: header {@code thetaLow,thetaHigh,bThetaLow,bThetaHigh,count}, one row per
   * bin (θ outer, B_θ inner), radians; the overflow bin's {@code bThetaHigh} is {@code Infinity}.
   *
   * @return the CSV text
   */
  public String histogramCsv() {
    StringBuilder sb = new StringBuilder("thetaLow,thetaHigh,bThetaLow,bThetaHigh,count\n");
    double[] te = histogram.thetaEdges();
    double[] be = histogram.bThetaEdges();
    int[][] counts = histogram.counts();
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < be.length; j++) {
        double high = j + 1 < be.length ? be[j + 1] : Double.POSITIVE_INFINITY;
        sb.append(te[i]).append(',').append(te[i + 1]).append(',').append(be[j]).append(',').append(high)
            .append(',').append(counts[i][j]).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Writes {@link #histogramCsv()} atomically.
   *
   * @param file the destination
   * @throws org.sparsecode.api.SparsecodeException naming the file when it cannot be written
   */
  public void writeHistogramCsv(Path file) {
    AtomicFiles.writeString(file, histogramCsv());
  }

  /**
   * Writes {@link #toCsv()} atomically.
   *
   * @param file the destination
   * @throws org.sparsecode.api.SparsecodeException naming the file when it cannot be written
   */
  public void writeCsv(Path file) {
    AtomicFiles.writeString(file, toCsv());
  }

  /**
   * Writes {@link #toJson()} atomically.
   *
   * @param file the destination
   * @throws org.sparsecode.api.SparsecodeException naming the file when it cannot be written
   */
  public void writeJson(Path file) {
    AtomicFiles.writeString(file, toJson());
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static String array(double[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(num(values[i]));
    }
    return sb.append(']').toString();
  }

  private static String array(int[] values) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(values[i]);
    }
    return sb.append(']').toString();
  }
}
