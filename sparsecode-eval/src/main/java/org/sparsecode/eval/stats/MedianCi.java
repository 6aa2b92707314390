package org.sparsecode.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The median of one sample with a percentile-bootstrap confidence interval: resample the values with
 * replacement {@code resamples} times ({@link SplittableRandom} seeded by {@code seed}), take each
 * resample's median, and report the {@code (1 − level)/2} and {@code (1 + level)/2} quantiles of those
 * medians (linear interpolation, numpy's default).
 *
 * @param n the sample size
 * @param median the sample's median (mean of the two middle values for even n)
 * @param lo lower end of the interval
 * @param hi upper end of the interval
 * @param level the confidence level, e.g. 0.95
 * @param resamples number of bootstrap resamples
 * @param seed the random seed
 */
public record MedianCi(int n, double median, double lo, double hi, double level, int resamples, long seed) {

  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 10_000;

  /** Default confidence level. */
  public static final double DEFAULT_LEVEL = 0.95;

  /**
   * The median and its 95 % CI from {@value #DEFAULT_RESAMPLES} resamples.
   *
   * @param values at least two finite values
   * @param seed the random seed
   * @return the median and interval
   */
  public static MedianCi of(double[] values, long seed) {
    return of(values, DEFAULT_RESAMPLES, DEFAULT_LEVEL, seed);
  }

  /**
   * The median and its bootstrap CI.
   *
   * @param values at least two finite values
   * @param resamples number of resamples, at least 1
   * @param level confidence level in (0, 1)
   * @param seed the random seed
   * @return the median and interval
   * @throws IllegalArgumentException on invalid input
   */
  public static MedianCi of(double[] values, int resamples, double level, long seed) {
    Samples.check("median", values);
    Samples.checkBootstrap(resamples, level);
    double[] ci = Samples.bootstrap(values, resamples, level, seed, resample -> {
      Arrays.sort(resample);
      return Samples.sortedMedian(resample, resample.length);
    });
    return new MedianCi(values.length, Samples.median(values), ci[0], ci[1], level, resamples, seed);
  }

  /**
   * The interval as {@code [lo, hi]} (the {@code ci95} form of comparison.json).
   *
   * @return a new two-element array
   */
  public double[] interval() {
    return new double[] {lo, hi};
  }
}
