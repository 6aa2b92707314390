package org.sparsecode.learning.refit;

import java.util.Arrays;
import java.util.List;

/**
 * The (θ, B_θ) distribution of a dictionary's fitted atoms: counts over θ bins of equal width π/n centred on
 * the orientations {@code i·π/n} (the paper's θ grid for n = 12), bin 0 wrapping around
 * [π − π/2n, π) ∪ [0, π/2n), and B_θ bins {@code [e_i, e_{i+1})} from the settings' edges plus an overflow
 * bin {@code [e_last, ∞)}.
 * Atoms whose R² is below the settings' minimum, or whose B_θ is below the first edge, are not binned and
 * are counted in {@link #excluded()}.
 *
 * @param thetaEdges the θ bin edges in radians, {@code thetaBins + 1} values from 0 to π
 * @param bThetaEdges the B_θ edges in radians; bin {@code j} is {@code [e_j, e_{j+1})}, the last bin is
 *     {@code [e_last, ∞)}, so there are as many B_θ bins as edges
 * @param counts {@code counts[i][j]}: atoms in θ bin i and B_θ bin j
 * @param excluded atoms left out (R² below the minimum or B_θ below the first edge)
 */
public record OrientationHistogram(double[] thetaEdges, double[] bThetaEdges, int[][] counts, int excluded) {

  /**
   * Copies the arrays.
   *
   * @throws IllegalArgumentException if the shapes do not match
   */
  public OrientationHistogram {
    thetaEdges = thetaEdges.clone();
    bThetaEdges = bThetaEdges.clone();
    if (counts.length != thetaEdges.length - 1) {
      throw new IllegalArgumentException("histogram: " + counts.length + " theta rows for "
          + (thetaEdges.length - 1) + " bins");
    }
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != bThetaEdges.length) {
        throw new IllegalArgumentException("histogram: row " + i + " has " + counts[i].length + " B_theta bins, "
            + "expected " + bThetaEdges.length);
      }
      copy[i] = counts[i].clone();
    }
    counts = copy;
  }

  /**
   * Bins fitted atoms.
   *
   * @param atoms the fits
   * @param settings the bins and the minimum R²
   * @return the histogram
   */
  public static OrientationHistogram of(List<AtomFit> atoms, RefitSettings settings) {
    int nt = settings.thetaBins();
    double[] te = new double[nt + 1];
    for (int i = 0; i <= nt; i++) {
      te[i] = (i - 0.5) * Math.PI / nt;
    }
    double[] be = settings.bThetaEdges().stream().mapToDouble(Double::doubleValue).toArray();
    int[][] counts = new int[nt][be.length];
    int excluded = 0;
    for (AtomFit a : atoms) {
      if (!(a.r2() >= settings.minR2()) || a.bTheta() < be[0]) {
        excluded++;
        continue;
      }
      int i = Math.floorMod((int) Math.floor(a.theta() / Math.PI * nt + 0.5), nt);
      int j = be.length - 1;
      while (a.bTheta() < be[j]) {
        j--;
      }
      counts[i][j]++;
    }
    return new OrientationHistogram(te, be, counts, excluded);
  }

  /**
   * A copy of the θ edges.
   *
   * @return {@code thetaBins + 1} values
   */
  @Override
  public double[] thetaEdges() {
    return thetaEdges.clone();
  }

  /**
   * A copy of the B_θ edges.
   *
   * @return the edges
   */
  @Override
  public double[] bThetaEdges() {
    return bThetaEdges.clone();
  }

  /**
   * A copy of the counts.
   *
   * @return {@code counts[θ bin][B_θ bin]}
   */
  @Override
  public int[][] counts() {
    int[][] copy = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      copy[i] = counts[i].clone();
    }
    return copy;
  }

  /**
   * The marginal distribution over B_θ (summed over θ).
   *
   * @return one count per B_θ bin
   */
  public int[] bThetaMarginal() {
    int[] m = new int[bThetaEdges.length];
    for (int[] row : counts) {
      for (int j = 0; j < row.length; j++) {
        m[j] += row[j];
      }
    }
    return m;
  }

  /**
   * The marginal distribution over θ (summed over B_θ).
   *
   * @return one count per θ bin
   */
  public int[] thetaMarginal() {
    int[] m = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      for (int c : counts[i]) {
        m[i] += c;
      }
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OrientationHistogram h && Arrays.equals(h.thetaEdges, thetaEdges)
        && Arrays.equals(h.bThetaEdges, bThetaEdges) && Arrays.deepEquals(h.counts, counts) && h.excluded == excluded;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(new Object[] {thetaEdges, bThetaEdges, counts, excluded});
  }

  @Override
  public String toString() {
    return "OrientationHistogram[" + counts.length + " theta x " + bThetaEdges.length + " B_theta bins, excluded "
        + excluded + "]";
  }
}
