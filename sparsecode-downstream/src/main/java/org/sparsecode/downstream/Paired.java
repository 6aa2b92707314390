package org.sparsecode.downstream;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * A paired comparison of two classifiers on the same test images, from each image's correctness: the
 * difference of their accuracies with a percentile bootstrap interval over the images, and McNemar's exact test
 * on the discordant images.
 *
 * @param n the images (pairs)
 * @param onlyA images A classified right and B wrong
 * @param onlyB images B classified right and A wrong
 * @param difference accuracy of A minus accuracy of B
 * @param low the interval's lower end
 * @param high the interval's upper end
 * @param p McNemar's exact two-sided p-value: twice the binomial(b + c, 1/2) tail of the smaller count, at most 1
 */
public record Paired(int n, int onlyA, int onlyB, double difference, double low, double high, double p) {
  /** Bootstrap resamples. */
  public static final int RESAMPLES = 2000;
  /** The interval's level. */
  public static final double LEVEL = 0.95;

  /**
   * McNemar's exact two-sided p-value.
   *
   * @param b images only the first got right
   * @param c images only the second got right
   * @return {@code min(1, 2 P(X <= min(b, c)))} for X ~ Binomial(b + c, 1/2); 1 when b + c = 0
   */
  public static double mcnemar(int b, int c) {
    if (b + c == 0) {
      return 1;
    }
    return Math.min(1, 2 * new BinomialDistribution(null, b + c, 0.5).cumulativeProbability(Math.min(b, c)));
  }

  /**
   * Compares two classifiers. With several runs each (seeds), {@code a[r][i]} is run r's correctness on image i:
   * the difference is of the accuracies averaged over runs, resampled by image (the same images for every run),
   * and McNemar's counts are summed over runs (pairs of the same seed), which treats the runs' discordant images
   * as independent.
   *
   * @param a per run, per image, whether A was right
   * @param b the same for B, as many runs and images
   * @param seed the bootstrap's seed
   * @return the comparison
   */
  public static Paired compare(boolean[][] a, boolean[][] b, long seed) {
    int runs = a.length;
    if (runs == 0 || b.length != runs) {
      throw new IllegalArgumentException(a.length + " runs against " + b.length);
    }
    int n = a[0].length;
    double[] d = new double[n];
    int onlyA = 0;
    int onlyB = 0;
    for (int r = 0; r < runs; r++) {
      if (a[r].length != n || b[r].length != n) {
        throw new IllegalArgumentException("run " + r + " has another number of images");
      }
      for (int i = 0; i < n; i++) {
        int x = (a[r][i] ? 1 : 0) - (b[r][i] ? 1 : 0);
        d[i] += x / (double) runs;
        onlyA += x > 0 ? 1 : 0;
        onlyB += x < 0 ? 1 : 0;
      }
    }
    double mean = Arrays.stream(d).sum() / n;
    SplittableRandom random = new SplittableRandom(seed);
    double[] boot = new double[RESAMPLES];
    for (int k = 0; k < RESAMPLES; k++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += d[random.nextInt(n)];
      }
      boot[k] = s / n;
    }
    Arrays.sort(boot);
    double alpha = (1 - LEVEL) / 2;
    return new Paired(n, onlyA, onlyB, mean, boot[(int) Math.floor(alpha * (RESAMPLES - 1))],
        boot[(int) Math.ceil((1 - alpha) * (RESAMPLES - 1))], mcnemar(onlyA, onlyB));
  }
}
