package org.sparsecode.eval.front;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One image's PSNR–sparseness front under one dictionary: the points (PSNR, sparseness) that a solver gave at
 * several values of λ, and the sparseness interpolated at any PSNR between them.
 *
 * <p><b>The front.</b> Points whose PSNR or sparseness is not finite are dropped. So is every <em>dominated</em>
 * point: one for which another point has at least its PSNR and at least its sparseness, and more of one of
 * them. Normally PSNR falls and sparseness rises as λ grows, so no point is dominated and the front is the λ
 * curve itself. When a solver stopped early or diverged at some λ, the curve can fold back (a larger λ giving
 * a lower PSNR <em>and</em> a lower sparseness); the front then keeps, for each PSNR, the sparsest point that
 * reaches it: the upper envelope of what the dictionary achieved. Of several points with the same PSNR, the
 * sparsest is kept; equal points count once. Sorted by PSNR, the front's sparseness strictly decreases.
 *
 * <p><b>Interpolation.</b> {@link #at(double)} interpolates the sparseness linearly in PSNR between the two
 * neighbouring front points. It does not extrapolate: outside [{@link #minPsnr()}, {@link #maxPsnr()}] (both
 * ends included) it returns NaN; a front of one point has a value at that point's PSNR only; an empty front
 * (no finite point) is NaN everywhere. Immutable.
 */
public final class SparsenessFront {
  private final double[] psnr;
  private final double[] sparseness;

  private SparsenessFront(double[] psnr, double[] sparseness) {
    this.psnr = psnr;
    this.sparseness = sparseness;
  }

  /**
   * The front of one image's points, one per λ, in any order.
   *
   * @param psnr the PSNR of each point, dB
   * @param sparseness the sparseness of each point (fraction of zero coefficients)
   * @return the front
   * @throws IllegalArgumentException if the arrays are null or of different lengths
   */
  public static SparsenessFront of(double[] psnr, double[] sparseness) {
    if (psnr == null || sparseness == null) {
      throw new IllegalArgumentException("front: psnr and sparseness must not be null");
    }
    if (psnr.length != sparseness.length) {
      throw new IllegalArgumentException("front: " + psnr.length + " PSNR values but " + sparseness.length
          + " sparseness values; give one of each per λ");
    }
    Integer[] order = new Integer[psnr.length];
    int finite = 0;
    for (int j = 0; j < psnr.length; j++) {
      if (Double.isFinite(psnr[j]) && Double.isFinite(sparseness[j])) {
        order[finite++] = j;
      }
    }
    Integer[] points = Arrays.copyOf(order, finite);
    // highest PSNR first, the sparsest first among equal PSNRs: a point is on the front when it is sparser
    // than every point before it
    Arrays.sort(points, Comparator.<Integer>comparingDouble(j -> -psnr[j]).thenComparingDouble(j -> -sparseness[j]));
    double[] p = new double[finite];
    double[] s = new double[finite];
    int kept = 0;
    double best = Double.NEGATIVE_INFINITY;
    for (int j : points) {
      if (sparseness[j] > best) {
        best = sparseness[j];
        p[kept] = psnr[j];
        s[kept] = sparseness[j];
        kept++;
      }
    }
    double[] fp = new double[kept];
    double[] fs = new double[kept];
    for (int k = 0; k < kept; k++) {
      fp[k] = p[kept - 1 - k];
      fs[k] = s[kept - 1 - k];
    }
    return new SparsenessFront(fp, fs);
  }

  /**
   * The front of an image a dictionary has no point for.
   *
   * @return a front that is NaN everywhere
   */
  public static SparsenessFront empty() {
    return new SparsenessFront(new double[0], new double[0]);
  }

  /**
   * The sparseness at a PSNR, interpolated linearly between the neighbouring front points.
   *
   * @param level the PSNR, dB
   * @return the sparseness; NaN outside the front's PSNR range, for a NaN level, or for an empty front
   */
  public double at(double level) {
    int n = psnr.length;
    if (n == 0 || !(level >= psnr[0] && level <= psnr[n - 1])) {
      return Double.NaN;
    }
    int hi = 0;
    while (psnr[hi] < level) {
      hi++;
    }
    if (psnr[hi] == level) {
      return sparseness[hi];
    }
    double t = (level - psnr[hi - 1]) / (psnr[hi] - psnr[hi - 1]);
    return sparseness[hi - 1] + t * (sparseness[hi] - sparseness[hi - 1]);
  }

  /**
   * The lowest PSNR of the front (that of its sparsest point).
   *
   * @return dB; NaN for an empty front
   */
  public double minPsnr() {
    return psnr.length == 0 ? Double.NaN : psnr[0];
  }

  /**
   * The highest PSNR of the front.
   *
   * @return dB; NaN for an empty front
   */
  public double maxPsnr() {
    return psnr.length == 0 ? Double.NaN : psnr[psnr.length - 1];
  }

  /**
   * The front's points' PSNR, increasing.
   *
   * @return a copy
   */
  public double[] psnr() {
    return psnr.clone();
  }

  /**
   * The front's points' sparseness, in the order of {@link #psnr()} (decreasing).
   *
   * @return a copy
   */
  public double[] sparseness() {
    return sparseness.clone();
  }

  /**
   * Whether the front has no point.
   *
   * @return {@code true} when no point was finite
   */
  public boolean isEmpty() {
    return psnr.length == 0;
  }
}
