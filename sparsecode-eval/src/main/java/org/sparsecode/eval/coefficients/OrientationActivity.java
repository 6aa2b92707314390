package org.sparsecode.eval.coefficients;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.solver.SparseCode;

/**
 * Coefficient activity over orientation θ, per orientation bandwidth B_θ, and the coefficient energy per
 * B_θ, for a dictionary whose kernels carry {@link KernelInfo} (log-Gabor dictionaries do), as the
 * paper's {@code ori_coeffs}.
 *
 * <p>Kernels are grouped by their B_θ (groups in increasing B_θ; values closer than 1e-9 rad are one
 * group), and within a group by θ (increasing); kernels that differ only in phase are summed, as the
 * paper sums over phases. Two measures of activity ({@link Measure}): the paper's "histogram of
 * coefficient activity over the θ index" is a histogram, so {@link Measure#COUNT} (the number of non-zero
 * coefficients) is the paper's; {@link Measure#ABS_SUM} (Σ|x|) is offered beside it. (The paper's
 * {@code coeff_analysis.py} survives only as bytecode; "count" is our reading of that bytecode, not a checked
 * fact.)
 *
 * <p>Each group's activity is also given normalised to sum 1 (the paper's rows sum to 1), and the
 * two-peak von Mises fit ({@link VonMisesFit}, period π) is made to θ and the normalised activity. A group
 * with no activity has normalised activity all 0 and the fit {@link VonMisesFit#EMPTY} (the paper gets
 * NaN rows there).
 *
 * <p>Energy: {@link Group#energy()} is Σx² over the coefficients of the group's kernels; the energies of
 * all groups add up to {@link #totalEnergy()}, Σx² over the whole code(s).
 */
public final class OrientationActivity {

  /** What is summed per kernel. */
  public enum Measure {
    /** The number of non-zero coefficients (the paper's histogram). */
    COUNT,
    /** The sum of |x|. */
    ABS_SUM
  }

  /** B_θ values closer than this (radians) form one group. */
  private static final double SAME_ANGLE = 1e-9;

  /**
   * The activity of the kernels with one B_θ.
   *
   * @param bTheta the orientation bandwidth, radians
   * @param thetas the distinct orientations of the group, increasing, radians
   * @param activity the activity at each orientation (phases summed)
   * @param energy Σx² over the group's coefficients
   */
  public record Group(double bTheta, double[] thetas, double[] activity, double energy) {

    /**
     * The activity normalised to sum 1.
     *
     * @return the normalised activity, all 0 when the group has no activity
     */
    public double[] normalised() {
      double sum = 0;
      for (double v : activity) {
        sum += v;
      }
      double[] p = new double[activity.length];
      if (sum > 0) {
        for (int i = 0; i < p.length; i++) {
          p[i] = activity[i] / sum;
        }
      }
      return p;
    }

    /**
     * The two-peak von Mises fit to the normalised activity.
     *
     * @return the fit; {@link VonMisesFit#EMPTY} when the group has no activity or too few orientations
     */
    public VonMisesFit fit() {
      double[] p = normalised();
      double sum = 0;
      for (double v : p) {
        sum += v;
      }
      return sum > 0 ? VonMisesFit.fit(thetas, p) : VonMisesFit.EMPTY;
    }
  }

  private final List<Group> groups;
  private final double totalEnergy;
  private final Measure measure;

  private OrientationActivity(List<Group> groups, double totalEnergy, Measure measure) {
    this.groups = List.copyOf(groups);
    this.totalEnergy = totalEnergy;
    this.measure = measure;
  }

  /**
   * The activity of one code.
   *
   * @param dictionary the dictionary the code was computed with; every kernel's θ and B_θ known
   * @param code the code
   * @param measure what to sum
   * @return the activity per B_θ
   */
  public static OrientationActivity of(Dictionary dictionary, SparseCode code, Measure measure) {
    return pooled(dictionary, List.of(code), measure);
  }

  /**
   * The activity of several codes (for example one per image) of the same dictionary, added.
   *
   * @param dictionary the dictionary; every kernel's θ and B_θ known
   * @param codes the codes, each with as many maps as the dictionary has kernels; may be empty
   * @param measure what to sum
   * @return the activity per B_θ
   * @throws IllegalArgumentException if a kernel's θ or B_θ is unknown or a code has another kernel count
   */
  public static OrientationActivity pooled(Dictionary dictionary, Collection<SparseCode> codes, Measure measure) {
    int kernels = dictionary.count();
    // per-kernel sums first, then grouped
    double[] perKernel = new double[kernels];
    double[] energyPerKernel = new double[kernels];
    double total = 0;
    for (SparseCode code : codes) {
      if (code.count() != kernels) {
        throw new IllegalArgumentException("orientation activity: code has " + code.count() + " maps, dictionary "
            + kernels + " kernels");
      }
      int plane = code.height() * code.width();
      int[] idx = code.indices();
      double[] val = code.values();
      for (int i = 0; i < idx.length; i++) {
        int k = idx[i] / plane;
        double v = val[i];
        perKernel[k] += measure == Measure.COUNT ? 1 : Math.abs(v);
        energyPerKernel[k] += v * v;
        total += v * v;
      }
    }
    // B_θ → (θ → activity), with near-equal angles merged
    TreeMap<Double, TreeMap<Double, Double>> byBandwidth = new TreeMap<>();
    TreeMap<Double, Double> energyByBandwidth = new TreeMap<>();
    for (int k = 0; k < kernels; k++) {
      KernelInfo info = dictionary.info().get(k);
      if (!info.isKnown()) {
        throw new IllegalArgumentException("orientation activity: kernel " + k + " has no known θ and B_θ");
      }
      double b = key(byBandwidth, info.bTheta());
      TreeMap<Double, Double> byTheta = byBandwidth.computeIfAbsent(b, x -> new TreeMap<>());
      double t = key(byTheta, VonMisesFit.wrap(info.theta()));
      byTheta.merge(t, perKernel[k], Double::sum);
      energyByBandwidth.merge(b, energyPerKernel[k], Double::sum);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<Double, TreeMap<Double, Double>> e : byBandwidth.entrySet()) {
      TreeMap<Double, Double> byTheta = e.getValue();
      double[] thetas = new double[byTheta.size()];
      double[] activity = new double[byTheta.size()];
      int i = 0;
      for (Map.Entry<Double, Double> t : byTheta.entrySet()) {
        thetas[i] = t.getKey();
        activity[i++] = t.getValue();
      }
      groups.add(new Group(e.getKey(), thetas, activity, energyByBandwidth.get(e.getKey())));
    }
    return new OrientationActivity(groups, total, measure);
  }

  /** The existing key within {@link #SAME_ANGLE} of {@code angle}, or {@code angle} itself. */
  private static double key(TreeMap<Double, ?> map, double angle) {
    Double lower = map.floorKey(angle);
    if (lower != null && angle - lower < SAME_ANGLE) {
      return lower;
    }
    Double higher = map.ceilingKey(angle);
    if (higher != null && higher - angle < SAME_ANGLE) {
      return higher;
    }
    return angle;
  }

  /**
   * The groups, one per distinct B_θ, in increasing B_θ.
   *
   * @return the groups
   */
  public List<Group> groups() {
    return groups;
  }

  /**
   * What was summed.
   *
   * @return the measure
   */
  public Measure measure() {
    return measure;
  }

  /**
   * Σx² over all coefficients.
   *
   * @return the total energy, the sum of the groups' energies
   */
  public double totalEnergy() {
    return totalEnergy;
  }

  /**
   * The distribution of coefficient energy over B_θ.
   *
   * @return each group's share of the total energy, in group order; all 0 for a zero code
   */
  public double[] energyFractions() {
    double[] f = new double[groups.size()];
    if (totalEnergy > 0) {
      for (int i = 0; i < f.length; i++) {
        f[i] = groups.get(i).energy() / totalEnergy;
      }
    }
    return f;
  }
}
