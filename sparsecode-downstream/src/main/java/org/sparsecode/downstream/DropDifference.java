package org.sparsecode.downstream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whether one input keeps accuracy under a cutoff better than another: the difference of their drops,
 * {@code Δ = (acc[A, ceil c] − acc[A, none]) − (acc[B, ceil c] − acc[B, none])}, from the four variants'
 * per-image correctness on the same test images, with a paired percentile bootstrap interval over the images and
 * a two-sided bootstrap p-value.
 *
 * <p>Each replicate draws the image indices once and recomputes every variant's accuracy on that draw, so the
 * four accuracies of a difference (and every difference of a file) share their resample: the correlation between
 * the variants, which share the images, is kept. The p-value inverts the percentile interval: twice the smaller
 * share of replicates on either side of 0 (each counted with the observed difference's own replicate, {@code (k +
 * 1) / (B + 1)}), at most 1, so that it falls below 0.05 about when the 95 % interval excludes 0.
 */
public final class DropDifference {
  /** Bootstrap replicates. */
  public static final int RESAMPLES = 10_000;
  /** The interval's level. */
  public static final double LEVEL = 0.95;

  private DropDifference() {}

  /**
   * Which variants a difference compares: indices into the correctness array.
   *
   * @param aNone input A at ceil none
   * @param aCut input A at the cutoff
   * @param bNone input B at ceil none
   * @param bCut input B at the cutoff
   */
  public record Contrast(int aNone, int aCut, int bNone, int bCut) {}

  /**
   * One difference of drops.
   *
   * @param images the test images
   * @param dropA accuracy of A at the cutoff minus at ceil none (a fraction; negative when accuracy falls)
   * @param dropB the same for B
   * @param delta {@code dropA − dropB}: positive when A keeps accuracy better
   * @param low the interval's lower end
   * @param high its upper end
   * @param p the two-sided bootstrap p-value of Δ = 0
   */
  public record Result(int images, double dropA, double dropB, double delta, double low, double high, double p) {}

  /**
   * The mean over runs (seeds) of each image's correctness.
   *
   * @param runs per run, per image, whether the classifier was right (as many images each)
   * @return per image, the share of runs right
   */
  public static double[] meanOverRuns(List<boolean[]> runs) {
    int n = runs.get(0).length;
    double[] m = new double[n];
    for (boolean[] r : runs) {
      if (r.length != n) {
        throw new IllegalArgumentException("runs of " + n + " and " + r.length + " images");
      }
      for (int i = 0; i < n; i++) {
        m[i] += r[i] ? 1.0 / runs.size() : 0;
      }
    }
    return m;
  }

  /**
   * Bootstraps the differences of drops.
   *
   * @param correct per variant, per test image, its correctness (the share of seeds right); the same images, in
   *     the same order, for every variant
   * @param contrasts the differences wanted
   * @param seed the bootstrap's seed
   * @return a result per contrast, in order
   */
  public static List<Result> compare(double[][] correct, List<Contrast> contrasts, long seed) {
    if (contrasts.isEmpty()) {
      return List.of();
    }
    int variants = correct.length;
    int n = correct[0].length;
    for (double[] c : correct) {
      if (c.length != n) {
        throw new IllegalArgumentException("variants of " + n + " and " + c.length + " test images");
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("no test images");
    }
    // only the variants some contrast uses are resampled
    boolean[] used = new boolean[variants];
    for (Contrast c : contrasts) {
      used[c.aNone()] = used[c.aCut()] = used[c.bNone()] = used[c.bCut()] = true;
    }
    int[] active = java.util.stream.IntStream.range(0, variants).filter(v -> used[v]).toArray();
    double[] accuracy = new double[variants];
    for (int v : active) {
      accuracy[v] = Arrays.stream(correct[v]).sum() / n;
    }
    double[][] boot = new double[contrasts.size()][RESAMPLES];
    double[] sums = new double[variants];
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < RESAMPLES; k++) {
      Arrays.fill(sums, 0);
      for (int i = 0; i < n; i++) {
        int image = random.nextInt(n);
        for (int v : active) {
          sums[v] += correct[v][image];
        }
      }
      for (int c = 0; c < contrasts.size(); c++) {
        boot[c][k] = delta(contrasts.get(c), sums) / n;
      }
    }
    double alpha = (1 - LEVEL) / 2;
    List<Result> out = new ArrayList<>();
    for (int c = 0; c < contrasts.size(); c++) {
      Contrast ct = contrasts.get(c);
      double[] b = boot[c];
      int below = 0;
      int above = 0;
      for (double x : b) {
        below += x <= 0 ? 1 : 0;
        above += x >= 0 ? 1 : 0;
      }
      double p = Math.min(1, 2.0 * (Math.min(below, above) + 1) / (RESAMPLES + 1));
      Arrays.sort(b);
      out.add(new Result(n, zeroed(accuracy[ct.aCut()] - accuracy[ct.aNone()]),
          zeroed(accuracy[ct.bCut()] - accuracy[ct.bNone()]),
          delta(ct, accuracy), b[(int) Math.floor(alpha * (RESAMPLES - 1))],
          b[(int) Math.ceil((1 - alpha) * (RESAMPLES - 1))], p));
    }
    return out;
  }

  /** The difference of drops from the variants' accuracies (or sums over the same images). */
  private static double delta(Contrast c, double[] a) {
    return zeroed((a[c.aCut()] - a[c.aNone()]) - (a[c.bCut()] - a[c.bNone()]));
  }

  /**
   * Below this, a difference of accuracies is a rounding error of 0. Accuracies averaged over r runs of n images
   * lie on a grid of 1/(r·n), far coarser for any test set (1e-9 would take 10⁹ image-runs), but the sums of
   * shares such as 1/3 carry errors of about 1e-16: left alone, a Δ that is 0 in every replicate would give an
   * interval of ±1e-15 and a p below 1, every replicate falling on one side of 0 or the other.
   */
  static final double ROUNDING = 1e-9;

  private static double zeroed(double x) {
    return Math.abs(x) < ROUNDING ? 0.0 : x;
  }
}
