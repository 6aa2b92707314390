package org.sparsecode.eval.stats;

import java.util.SplittableRandom;

/**
 * The mean of one sample with a percentile-bootstrap confidence interval: resample the values with replacement
 * {@code resamples} times ({@link SplittableRandom} seeded by {@code seed}), take each resample's mean, and report
 * the {@code (1 − level)/2} and {@code (1 + level)/2} quantiles of those means (linear interpolation, numpy's
 * default), as {@link MedianCi} does for the median.
 *
 * @param n the sample size
 * @param mean the sample's mean
 * @param lo lower end of the interval
 * @param hi upper end of the interval
 * @param level the confidence level, e.g. 0.95
 * @param resamples number of bootstrap resamples
 * @param seed the random seed
 */
public record MeanCi(int n, double mean, double lo, double hi, double level, int resamples, long seed) {

  /**
   * The mean and its bootstrap CI.
   *
   * @param values at least two finite values
   * @param resamples number of resamples, at least 1
   * @param level confidence level in (0, 1)
   * @param seed the random seed
   * @return the mean and interval
   * @throws IllegalArgumentException on invalid input
   */
  public static MeanCi of(double[] values, int resamples, double level, long seed) {
    Samples.check("mean", values);
    Samples.checkBootstrap(resamples, level);
    double[] ci = Samples.bootstrap(values, resamples, level, seed, MeanCi::mean);
    return new MeanCi(values.length, mean(values), ci[0], ci[1], level, resamples, seed);
  }

  /**
   * The arithmetic mean, summed in index order.
   *
   * @param values the values
   * @return their mean; NaN for none
   */
  public static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }
}
