package org.sparsecode.eval.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Two samples of per-image values compared (e.g. the PSNR of scenario a and of scenario b over the same
 * images).
 *
 * <p><b>Mann–Whitney U</b> (Commons Math {@link MannWhitneyUTest}): two-sided p from the normal
 * approximation without continuity or tie correction (Commons Math has no exact form); it equals scipy's
 * {@code mannwhitneyu(a, b, method="asymptotic", use_continuity=False)} when there are no ties.
 * {@code U_a = R_a − n_a(n_a + 1)/2} with {@code R_a} the sum of a's mid-ranks in the pooled sample (the
 * number of pairs with a &gt; b, ties counting ½). Effect size: the rank-biserial correlation
 * {@code r = 2 U_a / (n_a n_b) − 1} in [−1, 1], positive when a tends to be larger.
 *
 * <p><b>Wilcoxon signed-rank</b> (paired only; Commons Math {@link WilcoxonSignedRankTest}) on
 * {@code d_i = a_i − b_i}: zero differences are dropped first (Wilcoxon's convention, scipy's default
 * {@code zero_method="wilcox"}; Commons Math would otherwise count them as negative); if every difference is
 * zero, p = 1. The p value is exact (full enumeration of the 2^n sign patterns, Commons Math's exact method,
 * two-sided = twice the upper tail of max(W+, W−), capped at 1) when the n non-zero differences number at
 * most {@value #EXACT_WILCOXON_MAX} and their magnitudes have no ties; otherwise it is the normal approximation
 * with tie and continuity corrections computed here, equal to scipy's
 * {@code wilcoxon(a, b, method="asymptotic", correction=True)} (Commons Math 3.6.1's approximation puts its
 * continuity term on the wrong side). {@link #wilcoxonExact()} says which was used. Effect size: the
 * matched-pairs rank-biserial correlation (Kerby 2014) {@code r = (W+ − W−) / (W+ + W−)} over the non-zero
 * differences ranked by magnitude (mid-ranks), positive when a tends to be larger; 0 when all are zero.
 *
 * <p><b>Median difference</b>: paired, the median of the differences {@code a_i − b_i}; unpaired,
 * {@code median(a) − median(b)}. Its CI is a percentile bootstrap ({@code resamples} resamples,
 * {@link SplittableRandom} seeded by {@code seed}, quantiles with linear interpolation as numpy's default):
 * paired, whole images (pairs) are resampled; unpaired, a and b are resampled independently.
 *
 * @param na size of sample a
 * @param nb size of sample b
 * @param paired whether a and b are paired by index (the same images)
 * @param mannWhitneyU U of sample a
 * @param mannWhitneyP two-sided Mann–Whitney p
 * @param rankBiserial Mann–Whitney rank-biserial correlation
 * @param wilcoxonWPlus W+ (sum of the ranks of positive differences); NaN when unpaired
 * @param wilcoxonP two-sided Wilcoxon p; NaN when unpaired
 * @param wilcoxonExact whether {@code wilcoxonP} is exact (false when unpaired)
 * @param matchedRankBiserial matched-pairs rank-biserial correlation; NaN when unpaired
 * @param medianDifference the median difference (see above)
 * @param lo lower end of the median difference's CI
 * @param hi upper end of the median difference's CI
 * @param level the confidence level
 * @param resamples number of bootstrap resamples
 * @param seed the bootstrap seed
 */
public record ScenarioComparison(int na, int nb, boolean paired, double mannWhitneyU, double mannWhitneyP,
    double rankBiserial, double wilcoxonWPlus, double wilcoxonP, boolean wilcoxonExact,
    double matchedRankBiserial, double medianDifference, double lo, double hi, double level, int resamples,
    long seed) {

  /**
   * The largest number of non-zero differences for which the Wilcoxon p value is computed exactly. Commons
   * Math enumerates all 2^n sign patterns (n · 2^n steps, and it allows n ≤ 30): 20 keeps that under a tenth
   * of a second.
   */
  public static final int EXACT_WILCOXON_MAX = 20;

  /**
   * Paired comparison (same images, same order) with 10 000 resamples and a 95 % CI.
   *
   * @param a per-image values of scenario a
   * @param b per-image values of scenario b, same images in the same order
   * @param seed bootstrap seed
   * @return the comparison
   */
  public static ScenarioComparison paired(double[] a, double[] b, long seed) {
    return compare(a, b, true, MedianCi.DEFAULT_RESAMPLES, MedianCi.DEFAULT_LEVEL, seed);
  }

  /**
   * Unpaired comparison (independent samples) with 10 000 resamples and a 95 % CI.
   *
   * @param a values of scenario a
   * @param b values of scenario b
   * @param seed bootstrap seed
   * @return the comparison
   */
  public static ScenarioComparison unpaired(double[] a, double[] b, long seed) {
    return compare(a, b, false, MedianCi.DEFAULT_RESAMPLES, MedianCi.DEFAULT_LEVEL, seed);
  }

  /**
   * The full comparison.
   *
   * @param a values of scenario a: at least 2, finite
   * @param b values of scenario b: at least 2, finite; as many as a when paired
   * @param paired whether a[i] and b[i] belong to the same image
   * @param resamples bootstrap resamples, at least 1
   * @param level confidence level in (0, 1)
   * @param seed bootstrap seed
   * @return the comparison
   * @throws IllegalArgumentException on invalid input, with a message naming the problem
   */
  public static ScenarioComparison compare(double[] a, double[] b, boolean paired, int resamples, double level,
      long seed) {
    Samples.check("sample a", a);
    Samples.check("sample b", b);
    Samples.checkBootstrap(resamples, level);
    if (paired && a.length != b.length) {
      throw new IllegalArgumentException("paired comparison: samples have " + a.length + " and " + b.length
          + " values, they must be equal (one per image)");
    }
    double u = mannWhitneyU(a, b);
    double mwP = new MannWhitneyUTest().mannWhitneyUTest(a, b);
    double rb = 2 * u / ((double) a.length * b.length) - 1;
    double wPlus = Double.NaN;
    double wP = Double.NaN;
    boolean exact = false;
    double mrb = Double.NaN;
    double[] ci;
    double diff;
    SplittableRandom random = new SplittableRandom(seed);
    if (paired) {
      double[] d = new double[a.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = a[i] - b[i];
      }
      Wilcoxon w = wilcoxon(d);
      wPlus = w.wPlus;
      wP = w.p;
      exact = w.exact;
      mrb = w.total == 0 ? 0 : (w.wPlus - (w.total - w.wPlus)) / w.total;
      diff = Samples.median(d);
      ci = pairedBootstrap(d, resamples, level, random);
    } else {
      diff = Samples.median(a) - Samples.median(b);
      ci = unpairedBootstrap(a, b, resamples, level, random);
    }
    return new ScenarioComparison(a.length, b.length, paired, u, mwP, rb, wPlus, wP, exact, mrb, diff, ci[0],
        ci[1], level, resamples, seed);
  }

  /**
   * The effect size to report: the matched-pairs rank-biserial correlation when paired, else the
   * Mann–Whitney rank-biserial correlation.
   *
   * @return a value in [−1, 1]
   */
  public double effectSize() {
    return paired ? matchedRankBiserial : rankBiserial;
  }

  /**
   * The median difference's CI as {@code [lo, hi]} (the {@code ci95} form of comparison.json).
   *
   * @return a new two-element array
   */
  public double[] interval() {
    return new double[] {lo, hi};
  }

  /** Wilcoxon statistics of non-zero differences: W+, W+ + W−, p, exactness. */
  private record Wilcoxon(double wPlus, double total, double p, boolean exact) {}

  /**
   * Wilcoxon signed-rank test of differences, zeros dropped.
   *
   * @param d the differences a − b
   * @return the statistics
   */
  private static Wilcoxon wilcoxon(double[] d) {
    int n = 0;
    for (double v : d) {
      if (v != 0) {
        n++;
      }
    }
    if (n == 0) {
      return new Wilcoxon(0, 0, 1, true);
    }
    double[] x = new double[n];
    double[] y = new double[n];
    double[] abs = new double[n];
    int j = 0;
    for (double v : d) {
      if (v != 0) {
        // Commons Math ranks y − x: x = d, y = 0 makes its "positive" differences our negative ones, which
        // does not matter for the two-sided p; W+ is computed here
        x[j] = v;
        abs[j++] = Math.abs(v);
      }
    }
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(abs);
    double wPlus = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] > 0) {
        wPlus += ranks[i];
      }
    }
    double total = n * (n + 1) / 2.0;
    boolean exact = n <= EXACT_WILCOXON_MAX && distinct(abs);
    double p;
    if (n == 1) {
      // a single non-zero difference: both sign patterns are equally likely, p = 1
      p = 1;
    } else if (exact) {
      p = Math.min(1, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, true));
    } else {
      p = normalApproximation(wPlus, n, abs);
    }
    return new Wilcoxon(wPlus, total, p, exact);
  }

  /**
   * The two-sided normal approximation of the signed-rank test with tie and continuity corrections, as
   * scipy's {@code wilcoxon(method="asymptotic", correction=True)}: {@code z = (W+ − μ − ½ sign(W+ − μ)) / σ},
   * {@code μ = n(n + 1)/4}, {@code σ² = n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48} over groups of t tied magnitudes.
   * (Commons Math 3.6.1's own approximation applies its ½ in the wrong direction and has no tie
   * correction, so it is not used.)
   *
   * @param wPlus W+
   * @param n number of non-zero differences
   * @param abs their magnitudes
   * @return the two-sided p
   */
  private static double normalApproximation(double wPlus, int n, double[] abs) {
    double mean = n * (n + 1) / 4.0;
    double var = n * (n + 1) * (2.0 * n + 1) / 24.0;
    double[] s = abs.clone();
    Arrays.sort(s);
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j + 1 < s.length && s[j + 1] == s[i]) {
        j++;
      }
      double t = j - i + 1;
      var -= (t * t * t - t) / 48.0;
      i = j + 1;
    }
    if (var <= 0) {
      return 1;
    }
    double d = wPlus - mean;
    double z = (d - 0.5 * Math.signum(d)) / Math.sqrt(var);
    return Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-Math.abs(z)));
  }

  /**
   * Whether all values are distinct.
   *
   * @param values the values
   * @return true if no two are equal
   */
  private static boolean distinct(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    for (int i = 1; i < s.length; i++) {
      if (s[i] == s[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Mann–Whitney U of sample a from mid-ranks in the pooled sample.
   *
   * @param a sample a
   * @param b sample b
   * @return U_a
   */
  private static double mannWhitneyU(double[] a, double[] b) {
    double[] pooled = new double[a.length + b.length];
    System.arraycopy(a, 0, pooled, 0, a.length);
    System.arraycopy(b, 0, pooled, a.length, b.length);
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(pooled);
    double ra = 0;
    for (int i = 0; i < a.length; i++) {
      ra += ranks[i];
    }
    return ra - a.length * (a.length + 1) / 2.0;
  }

  /**
   * Percentile bootstrap of the median of paired differences, resampling images.
   *
   * @param d the differences
   * @param resamples number of resamples
   * @param level confidence level
   * @param random the generator
   * @return {lo, hi}
   */
  private static double[] pairedBootstrap(double[] d, int resamples, double level, SplittableRandom random) {
    int n = d.length;
    double[] medians = new double[resamples];
    double[] resample = new double[n];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < n; i++) {
        resample[i] = d[random.nextInt(n)];
      }
      Arrays.sort(resample);
      medians[r] = Samples.sortedMedian(resample, n);
    }
    return percentiles(medians, level);
  }

  /**
   * Percentile bootstrap of {@code median(a) − median(b)}, resampling a and b independently.
   *
   * @param a sample a
   * @param b sample b
   * @param resamples number of resamples
   * @param level confidence level
   * @param random the generator
   * @return {lo, hi}
   */
  private static double[] unpairedBootstrap(double[] a, double[] b, int resamples, double level,
      SplittableRandom random) {
    double[] diffs = new double[resamples];
    double[] ra = new double[a.length];
    double[] rb = new double[b.length];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < ra.length; i++) {
        ra[i] = a[random.nextInt(ra.length)];
      }
      for (int i = 0; i < rb.length; i++) {
        rb[i] = b[random.nextInt(rb.length)];
      }
      Arrays.sort(ra);
      Arrays.sort(rb);
      diffs[r] = Samples.sortedMedian(ra, ra.length) - Samples.sortedMedian(rb, rb.length);
    }
    return percentiles(diffs, level);
  }

  /**
   * The central {@code level} interval of bootstrap replicates.
   *
   * @param replicates the replicates, sorted in place
   * @param level confidence level
   * @return {lo, hi}
   */
  private static double[] percentiles(double[] replicates, double level) {
    Arrays.sort(replicates);
    return new double[] {Samples.quantile(replicates, (1 - level) / 2), Samples.quantile(replicates,
        (1 + level) / 2)};
  }
}
