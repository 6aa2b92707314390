package org.sparsecode.eval.stats;

import java.util.Arrays;

/**
 * The median and quantiles as numpy computes them, for the statistics, plots and reports that summarise per-image
 * values.
 */
public final class Medians {
  private Medians() {}

  /**
   * The median of a sample: the middle value, or the mean of the two middle values for an even count (numpy's
   * {@code median}).
   *
   * @param values the sample, not modified; callers drop the values they do not want counted (NaN, say)
   * @return the median; NaN for an empty sample
   */
  public static double of(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    return Samples.sortedMedian(s, s.length);
  }

  /**
   * The median of the finite values of a sample.
   *
   * @param values the sample, not modified
   * @return the median of its finite values; NaN when there are none
   */
  public static double ofFinite(double[] values) {
    return of(Arrays.stream(values).filter(Double::isFinite).toArray());
  }

  /**
   * The {@code p}-quantile of sorted values with linear interpolation between order statistics, numpy's default
   * ({@code h = (n − 1) p}, Hyndman–Fan type 7).
   *
   * @param sorted sorted values, at least one
   * @param p the probability in [0, 1]
   * @return the quantile
   */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
