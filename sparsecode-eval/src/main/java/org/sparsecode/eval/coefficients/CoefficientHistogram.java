package org.sparsecode.eval.coefficients;

import java.util.Collection;
import java.util.List;
import org.sparsecode.api.solver.SparseCode;

/**
 * The histogram of coefficient values of one or more sparse codes and its exponential fit, as the
 * paper's {@code histo_coeffs}.
 *
 * <p><b>Which values.</b> The paper calls {@code np.histogram(X, bins=linspace(0.01, max_val=1, 66))} on
 * the raw, signed coefficients, so only values in [0.01, 1] are counted: negative coefficients, values
 * below 0.01 (and the zeros) and values above 1 fall outside the range and are dropped. We do the same:
 * the signed value {@code x} is binned, not {@code |x|}; negative coefficients are counted in
 * {@link #belowRange()}. The last bin is closed on the right (numpy's rule), the others half-open.
 *
 * <p><b>Normalisation.</b> {@link #probabilities()} are the counts divided by their sum (the paper's
 * normalisation to sum 1, which is what it fits); {@link #densities()} divide those by the bin width, so
 * they integrate to 1 over [0.01, 1]. The exponential fit ({@link ExponentialFit}: log-space start,
 * Levenberg–Marquardt refinement reported) is made to the bin centres and {@link #probabilities()}, as
 * the paper's; its rate {@code b} is the same for either normalisation.
 *
 * <p><b>Several images.</b> {@link #pooled(Collection)} adds the counts of all codes and then normalises
 * (each coefficient weighs the same). The paper fits each image separately; use {@link #of(SparseCode)}
 * per image for that.
 *
 * <p><b>Empty input.</b> With no coefficient in range the counts are all 0, the probabilities and
 * densities all 0 (not NaN), and the fit is {@link ExponentialFit#EMPTY} (a, b and R² NaN).
 */
public final class CoefficientHistogram {

  /** Number of bins (the paper's 65). */
  public static final int BINS = 65;
  /** Lower edge of the first bin. */
  public static final double LOW = 0.01;
  /** Upper edge of the last bin (the paper's {@code max_val}). */
  public static final double HIGH = 1.0;

  private final double[] edges;
  private final long[] counts;
  private final long total;
  private final long below;
  private final long above;

  private CoefficientHistogram(double[] edges, long[] counts, long below, long above) {
    this.edges = edges;
    this.counts = counts;
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    this.total = t;
    this.below = below;
    this.above = above;
  }

  /**
   * The histogram of one code.
   *
   * @param code the sparse code
   * @return its histogram
   */
  public static CoefficientHistogram of(SparseCode code) {
    return pooled(List.of(code));
  }

  /**
   * A histogram of counts already made (for example the counts of several histograms added).
   *
   * @param counts the {@value #BINS} counts, copied
   * @param below the count left out below the range
   * @param above the count left out above the range
   * @return the histogram
   */
  static CoefficientHistogram ofCounts(long[] counts, long below, long above) {
    if (counts.length != BINS) {
      throw new IllegalArgumentException("coefficient histogram: " + counts.length + " counts, expected " + BINS);
    }
    return new CoefficientHistogram(edges(), counts.clone(), below, above);
  }

  /**
   * The histogram of several codes, counts added.
   *
   * @param codes the codes (for example one per image); may be empty
   * @return the pooled histogram
   */
  public static CoefficientHistogram pooled(Collection<SparseCode> codes) {
    double[] edges = edges();
    long[] counts = new long[BINS];
    long below = 0;
    long above = 0;
    double width = (HIGH - LOW) / BINS;
    for (SparseCode code : codes) {
      for (double v : code.values()) {
        if (v < LOW || Double.isNaN(v)) {
          below++;
        } else if (v > HIGH) {
          above++;
        } else {
          int b = Math.min(BINS - 1, (int) ((v - LOW) / width));
          // correct the rounding of the division against the exact edges (numpy compares with the edges)
          while (b > 0 && v < edges[b]) {
            b--;
          }
          while (b < BINS - 1 && v >= edges[b + 1]) {
            b++;
          }
          counts[b]++;
        }
      }
    }
    return new CoefficientHistogram(edges, counts, below, above);
  }

  /**
   * The bin edges, {@code linspace(0.01, 1, 66)}.
   *
   * @return 66 increasing values
   */
  public static double[] edges() {
    double[] e = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      e[i] = LOW + (HIGH - LOW) * i / BINS;
    }
    return e;
  }

  /**
   * The bin centres.
   *
   * @return 65 values, the midpoints of the edges
   */
  public double[] centres() {
    double[] c = new double[BINS];
    for (int i = 0; i < BINS; i++) {
      c[i] = 0.5 * (edges[i] + edges[i + 1]);
    }
    return c;
  }

  /**
   * The counts per bin.
   *
   * @return a copy of the 65 counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Number of coefficients counted (in [0.01, 1]).
   *
   * @return the sum of the counts
   */
  public long total() {
    return total;
  }

  /**
   * Number of non-zero coefficients below the range: negative ones and those in (0, 0.01).
   *
   * @return the count left out below
   */
  public long belowRange() {
    return below;
  }

  /**
   * Number of coefficients above 1.
   *
   * @return the count left out above
   */
  public long aboveRange() {
    return above;
  }

  /**
   * The counts normalised to sum 1 (the paper's normalisation and fit target).
   *
   * @return 65 values summing to 1, or all 0 when nothing was counted
   */
  public double[] probabilities() {
    double[] p = new double[BINS];
    if (total > 0) {
      for (int i = 0; i < BINS; i++) {
        p[i] = (double) counts[i] / total;
      }
    }
    return p;
  }

  /**
   * The probability densities: {@link #probabilities()} divided by the bin width.
   *
   * @return 65 values integrating to 1 over [0.01, 1], or all 0 when nothing was counted
   */
  public double[] densities() {
    double[] p = probabilities();
    double width = (HIGH - LOW) / BINS;
    for (int i = 0; i < BINS; i++) {
      p[i] /= width;
    }
    return p;
  }

  /**
   * The exponential fit {@code a·e^(−b·x)} to the bin centres and {@link #probabilities()}.
   *
   * @return the fit; {@link ExponentialFit#EMPTY} when nothing was counted
   */
  public ExponentialFit fit() {
    if (total == 0) {
      return ExponentialFit.EMPTY;
    }
    return ExponentialFit.fit(centres(), probabilities());
  }
}
