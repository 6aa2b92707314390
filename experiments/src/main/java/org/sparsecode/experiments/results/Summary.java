package org.sparsecode.experiments.results;

import java.util.Arrays;

/**
 * Descriptive statistics of one column over the images of a run.
 *
 * @param mean the arithmetic mean
 * @param sd the sample standard deviation (n − 1 in the denominator); NaN for fewer than two values
 * @param median the median (mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 */
public record Summary(double mean, double sd, double median, double min, double max) {

  /** The summary of no values: every field NaN. */
  public static final Summary EMPTY = new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /**
   * Summarises values. Non-finite values propagate as IEEE arithmetic does (a PSNR of +∞ gives a mean of
   * +∞), so that a summary never hides them.
   *
   * @param values the column, not modified
   * @return the summary; {@link #EMPTY} for no values
   */
  public static Summary of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return EMPTY;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double sd = Double.NaN;
    if (n > 1) {
      double ss = 0;
      for (double v : values) {
        ss += (v - mean) * (v - mean);
      }
      sd = Math.sqrt(ss / (n - 1));
    }
    double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    return new Summary(mean, sd, median, sorted[0], sorted[n - 1]);
  }
}
