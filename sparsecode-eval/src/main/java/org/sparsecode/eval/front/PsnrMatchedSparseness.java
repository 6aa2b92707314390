package org.sparsecode.eval.front;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparsecode.eval.stats.MeanCi;

/**
 * Dictionaries compared at matched PSNR: each image's {@link SparsenessFront} under each dictionary gives its
 * sparseness at common PSNR levels, and two dictionaries' per-image differences at each level are averaged
 * over the images, with a percentile-bootstrap CI. This compares dictionaries whose λ curves reach different
 * PSNRs without choosing one λ for both: at one λ a dictionary can look sparser only because it reconstructs
 * worse.
 *
 * <p><b>Images.</b> Every list of fronts holds one front per image, the same images in the same order for every
 * dictionary ({@link SparsenessFront#empty()} for an image a dictionary has no point for).
 *
 * <p><b>Common levels</b> ({@link #levels}). For each image, the PSNR range that every dictionary's front
 * covers is the intersection of their ranges. A PSNR is <em>covered</em> when more than {@code coverage × n}
 * images' intersections contain it (default {@value #DEFAULT_COVERAGE}: a majority of the n images). The levels
 * are {@code count} values evenly spaced (ends included, as {@code numpy.linspace}) from the lowest to the
 * highest covered PSNR; one level when those are equal; none when no PSNR is covered. Images whose intersection
 * does not contain a level are left out at that level (see {@link MatchedDifference#n()}).
 *
 * <p><b>Differences</b> ({@link #compare}). At each level, the images where both fronts have a value; their
 * differences {@code a_i − b_i}; the mean and a percentile-bootstrap CI of the mean ({@link MeanCi}: whole images
 * resampled, {@code resamples} times, each level's bootstrap from a {@link java.util.SplittableRandom} seeded
 * with {@code seed}). With fewer than two images the CI is NaN.
 */
public final class PsnrMatchedSparseness {
  /** Default number of common PSNR levels. */
  public static final int DEFAULT_LEVELS = 5;
  /** Default coverage: a level needs more than this fraction of the images (a majority). */
  public static final double DEFAULT_COVERAGE = 0.5;
  /** Default number of bootstrap resamples. */
  public static final int DEFAULT_RESAMPLES = 2000;
  /** Default confidence level. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  private PsnrMatchedSparseness() {}

  /**
   * The sparseness of every image at one PSNR.
   *
   * @param fronts one front per image
   * @param level the PSNR, dB
   * @return one value per image; NaN where the front does not reach the level
   */
  public static double[] at(List<SparsenessFront> fronts, double level) {
    double[] out = new double[fronts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = fronts.get(i).at(level);
    }
    return out;
  }

  /**
   * {@value #DEFAULT_LEVELS} common levels covered by a majority of the images.
   *
   * @param dictionaries per dictionary, one front per image
   * @return the levels, increasing; empty when no PSNR is covered
   */
  public static double[] levels(List<List<SparsenessFront>> dictionaries) {
    return levels(dictionaries, DEFAULT_LEVELS, DEFAULT_COVERAGE);
  }

  /**
   * Common PSNR levels (see the class comment).
   *
   * @param dictionaries per dictionary, one front per image; at least one dictionary, each with the same number
   *     of images
   * @param count the number of levels, at least 1
   * @param coverage a level needs more than {@code coverage × n} images, in [0, 1)
   * @return the levels, increasing; empty when no PSNR is covered
   * @throws IllegalArgumentException on invalid input
   */
  public static double[] levels(List<List<SparsenessFront>> dictionaries, int count, double coverage) {
    if (dictionaries.isEmpty()) {
      throw new IllegalArgumentException("levels: need at least one dictionary");
    }
    if (count < 1) {
      throw new IllegalArgumentException("levels: count must be at least 1, got " + count);
    }
    if (!(coverage >= 0 && coverage < 1)) {
      throw new IllegalArgumentException("levels: coverage must be in [0, 1), got " + coverage);
    }
    int n = dictionaries.get(0).size();
    for (List<SparsenessFront> d : dictionaries) {
      if (d.size() != n) {
        throw new IllegalArgumentException("levels: every dictionary needs one front per image; got " + n
            + " and " + d.size() + " images");
      }
    }
    double[] lo = new double[n];
    double[] hi = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = Double.NEGATIVE_INFINITY;
      hi[i] = Double.POSITIVE_INFINITY;
      for (List<SparsenessFront> d : dictionaries) {
        // an empty front's bounds are NaN, which Math.max and Math.min keep: the image's range is then empty
        lo[i] = Math.max(lo[i], d.get(i).minPsnr());
        hi[i] = Math.min(hi[i], d.get(i).maxPsnr());
      }
    }
    int needed = (int) Math.floor(coverage * n) + 1;
    double lowest = Double.POSITIVE_INFINITY;
    double highest = Double.NEGATIVE_INFINITY;
    // the covered set's lowest point is some image's lower end, its highest some image's upper end
    for (int i = 0; i < n; i++) {
      if (lo[i] <= hi[i]) {
        if (lo[i] < lowest && covering(lo, hi, lo[i]) >= needed) {
          lowest = lo[i];
        }
        if (hi[i] > highest && covering(lo, hi, hi[i]) >= needed) {
          highest = hi[i];
        }
      }
    }
    if (!(lowest <= highest)) {
      return new double[0];
    }
    if (lowest == highest || count == 1) {
      return new double[] {count == 1 ? 0.5 * (lowest + highest) : lowest};
    }
    double[] out = new double[count];
    double step = (highest - lowest) / (count - 1);
    for (int k = 0; k < count; k++) {
      out[k] = k == count - 1 ? highest : lowest + k * step;
    }
    return out;
  }

  /** The number of images whose range [lo, hi] contains x. */
  private static int covering(double[] lo, double[] hi, double x) {
    int c = 0;
    for (int i = 0; i < lo.length; i++) {
      if (lo[i] <= x && x <= hi[i]) {
        c++;
      }
    }
    return c;
  }

  /**
   * Dictionary a against dictionary b at each level, with {@value #DEFAULT_RESAMPLES} resamples and a 95 % CI.
   *
   * @param a dictionary a, one front per image
   * @param b dictionary b, one front per image, the same images in the same order
   * @param levels the PSNR levels, dB
   * @param seed the bootstrap seed
   * @return one difference per level, in the levels' order
   */
  public static List<MatchedDifference> compare(List<SparsenessFront> a, List<SparsenessFront> b, double[] levels,
      long seed) {
    return compare(a, b, levels, DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, seed);
  }

  /**
   * Dictionary a against dictionary b at each level (see the class comment).
   *
   * @param a dictionary a, one front per image
   * @param b dictionary b, one front per image, the same images in the same order
   * @param levels the PSNR levels, dB
   * @param resamples bootstrap resamples, at least 1
   * @param confidence the CI's level, in (0, 1)
   * @param seed the bootstrap seed
   * @return one difference per level, in the levels' order
   * @throws IllegalArgumentException when a and b hold different numbers of images, or on bad bootstrap settings
   */
  public static List<MatchedDifference> compare(List<SparsenessFront> a, List<SparsenessFront> b, double[] levels,
      int resamples, double confidence, long seed) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("compare: the dictionaries have " + a.size() + " and " + b.size()
          + " images; give one front per image, the same images in the same order");
    }
    if (resamples < 1) {
      throw new IllegalArgumentException("compare: resamples must be at least 1, got " + resamples);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("compare: confidence level must be in (0, 1), got " + confidence);
    }
    List<MatchedDifference> out = new ArrayList<>();
    for (double level : levels) {
      out.add(compare(at(a, level), at(b, level), level, resamples, confidence, seed));
    }
    return out;
  }

  private static MatchedDifference compare(double[] sa, double[] sb, double level, int resamples, double confidence,
      long seed) {
    int n = 0;
    double[] da = new double[sa.length];
    double[] db = new double[sa.length];
    double[] d = new double[sa.length];
    for (int i = 0; i < sa.length; i++) {
      if (Double.isFinite(sa[i]) && Double.isFinite(sb[i])) {
        da[n] = sa[i];
        db[n] = sb[i];
        d[n] = sa[i] - sb[i];
        n++;
      }
    }
    double[] diffs = Arrays.copyOf(d, n);
    double meanA = MeanCi.mean(Arrays.copyOf(da, n));
    double meanB = MeanCi.mean(Arrays.copyOf(db, n));
    if (n < 2) {
      return new MatchedDifference(level, n, meanA, meanB, MeanCi.mean(diffs), Double.NaN, Double.NaN, confidence,
          resamples, seed);
    }
    MeanCi ci = MeanCi.of(diffs, resamples, confidence, seed);
    return new MatchedDifference(level, n, meanA, meanB, ci.mean(), ci.lo(), ci.hi(), confidence, resamples, seed);
  }
}
