package org.sparsecode.eval.coefficients.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.eval.coefficients.OrientationActivity;
import org.sparsecode.eval.coefficients.VonMisesFit;

/**
 * One image's activity over orientation per B_θ as a metric ({@link OrientationActivity}).
 *
 * <p>The curve has one point per B_θ group of the dictionary, keyed by B_θ in radians as
 * {@link Double#toString(double)} writes it, in increasing B_θ; each holds the two-peak von Mises fit of the
 * group's normalised activity over θ ({@code mu1}, {@code kappa1}, {@code mu2}, {@code kappa2}: centres in
 * radians in [0, π), concentrations; peak 1 the larger; {@code r2}) and {@code energy}, the group's share of
 * the code's Σx² (the shares sum to 1 over the groups). A group with activity at fewer than two orientations
 * (a single spike leaves the second peak and the widths undetermined), or with fewer than 8 orientations
 * (the fit has 7 parameters), has NaN fit quantities ({@link #fit}).
 *
 * <p>A dictionary whose kernels do not all carry a known θ and B_θ (learned, random or Gabor kernels) has no
 * groups: the curve is then empty and the scalar NaN (the run says so in its log). The scalar
 * {@link #evaluate} is the energy share of the narrowest B_θ group.
 */
public final class OrientationActivityMetric implements CurveMetric {
  private final OrientationActivitySettings settings;

  /**
   * Creates the metric.
   *
   * @param settings the activity measure
   */
  public OrientationActivityMetric(OrientationActivitySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public OrientationActivitySettings settings() {
    return settings;
  }

  /**
   * Whether every kernel of a dictionary carries a known θ and B_θ, the condition for this analysis.
   *
   * @param dictionary the dictionary
   * @return {@code true} when all {@link KernelInfo#isKnown()}
   */
  public static boolean applies(Dictionary dictionary) {
    for (KernelInfo info : dictionary.info()) {
      if (!info.isKnown()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Map<String, Map<String, Double>> curve(Evaluation e) {
    if (!applies(e.dictionary())) {
      return Map.of();
    }
    OrientationActivity a = OrientationActivity.of(e.dictionary(), e.code(), settings.asMeasure());
    double[] energy = a.energyFractions();
    List<OrientationActivity.Group> groups = a.groups();
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      out.put(Double.toString(groups.get(g).bTheta()), point(fit(groups.get(g)), energy[g]));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The two-peak von Mises fit of a group, or {@link VonMisesFit#EMPTY} when its activity is non-zero at fewer
   * than two orientations: seven parameters fitted to one spike give R² = 1 and a meaningless second peak.
   *
   * @param group the group
   * @return its fit
   */
  public static VonMisesFit fit(OrientationActivity.Group group) {
    int active = 0;
    for (double v : group.activity()) {
      if (v != 0) {
        active++;
      }
    }
    return active < 2 ? VonMisesFit.EMPTY : group.fit();
  }

  /**
   * The quantities of one group, in the documented order.
   *
   * @param fit the group's von Mises fit
   * @param energy the group's energy share
   * @return {@code mu1, kappa1, mu2, kappa2, r2, energy}
   */
  public static Map<String, Double> point(VonMisesFit fit, double energy) {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("mu1", fit.mu1());
    p.put("kappa1", fit.kappa1());
    p.put("mu2", fit.mu2());
    p.put("kappa2", fit.kappa2());
    p.put("r2", fit.rSquared());
    p.put("energy", energy);
    return Collections.unmodifiableMap(p);
  }

  @Override
  public double evaluate(Evaluation e) {
    if (!applies(e.dictionary())) {
      return Double.NaN;
    }
    double[] energy = OrientationActivity.of(e.dictionary(), e.code(), settings.asMeasure()).energyFractions();
    return energy.length == 0 ? Double.NaN : energy[0];
  }
}
