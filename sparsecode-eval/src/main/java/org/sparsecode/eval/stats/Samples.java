package org.sparsecode.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Input checks, medians and percentiles shared by the statistics of this package. */
final class Samples {
  private Samples() {}

  /**
   * Checks that a sample has at least two values, all finite.
   *
   * @param name the sample's name for the message
   * @param values the sample
   * @throws IllegalArgumentException if it is null, shorter than 2 or holds a NaN or infinity
   */
  static void check(String name, double[] values) {
    if (values == null) {
      throw new IllegalArgumentException(name + ": sample is null");
    }
    if (values.length < 2) {
      throw new IllegalArgumentException(name + ": need at least 2 values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + ": value " + values[i] + " at index " + i + " is not finite");
      }
    }
  }

  /**
   * The median of a sample (the mean of the two middle values for an even count, as numpy's median).
   *
   * @param values the sample, not modified
   * @return the median
   */
  static double median(double[] values) {
    return Medians.of(values);
  }

  /**
   * The median of the first {@code n} values of an already sorted array.
   *
   * @param sorted sorted values
   * @param n how many to use
   * @return the median
   */
  static double sortedMedian(double[] sorted, int n) {
    int h = n / 2;
    return n % 2 == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
  }

  /**
   * The {@code p}-quantile of sorted values with linear interpolation between order statistics, numpy's
   * default ({@code h = (n − 1) p}, Hyndman–Fan type 7).
   *
   * @param sorted sorted values
   * @param p the probability in [0, 1]
   * @return the quantile
   */
  static double quantile(double[] sorted, double p) {
    return Medians.quantile(sorted, p);
  }

  /**
   * Checks the bootstrap parameters.
   *
   * @param resamples number of bootstrap resamples
   * @param level the confidence level
   */
  static void checkBootstrap(int resamples, double level) {
    if (resamples < 1) {
      throw new IllegalArgumentException("bootstrap: resamples must be at least 1, got " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("bootstrap: confidence level must be in (0, 1), got " + level);
    }
  }

  /**
   * A percentile-bootstrap interval of a statistic of one sample: {@code resamples} resamples of the values with
   * replacement ({@link SplittableRandom} seeded by {@code seed}, one draw per value in order), the statistic of
   * each, and the {@code (1 − level)/2} and {@code (1 + level)/2} quantiles of those statistics.
   *
   * @param values the sample, not modified
   * @param resamples number of resamples
   * @param level the confidence level
   * @param seed the random seed
   * @param statistic the statistic of one resample; it may reorder the array it is given
   * @return {@code {lo, hi}}
   */
  static double[] bootstrap(double[] values, int resamples, double level, long seed,
      ToDoubleFunction<double[]> statistic) {
    int n = values.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] statistics = new double[resamples];
    double[] resample = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        resample[i] = values[random.nextInt(n)];
      }
      statistics[r] = statistic.applyAsDouble(resample);
    }
    Arrays.sort(statistics);
    return new double[] {quantile(statistics, (1 - level) / 2), quantile(statistics, (1 + level) / 2)};
  }
}
