package org.sparsecode.eval.coefficients.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.kernel.LogGaborPlugin;
import org.sparsecode.core.kernel.LogGaborSettings;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;

class OrientationActivityMetricTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);
  private static final double DEGREE = Math.PI / 180;
  private static final int SIDE = 12;

  /** The paper's 'full' dictionary: 12 θ × 6 B_θ × 2 phases. */
  private static Dictionary full;

  @BeforeAll
  static void generateFullDictionary() {
    full = LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate();
  }

  private static CurveMetric metric(Map<String, Object> yaml) {
    var plugin = PluginRegistry.load().find(Metric.class, "orientation-activity");
    return (CurveMetric) plugin.create(SettingsBinder.bind(plugin.settings(), yaml), CONTEXT);
  }

  /** The narrowest B_θ of the full dictionary. */
  private static double narrowest() {
    double b = Double.POSITIVE_INFINITY;
    for (KernelInfo info : full.info()) {
      b = Math.min(b, info.bTheta());
    }
    return b;
  }

  /**
   * A code of the full dictionary active only at the narrowest B_θ and at two orientations: {@code n1}
   * coefficients of value 1 at each kernel with θ = θ1, {@code n2} at θ = θ2 (both phases).
   */
  private static Evaluation twoOrientations(double theta1, int n1, double theta2, int n2) {
    double b = narrowest();
    int plane = SIDE * SIDE;
    double[] dense = new double[full.count() * plane];
    for (int k = 0; k < full.count(); k++) {
      KernelInfo info = full.info().get(k);
      if (Math.abs(info.bTheta() - b) > 1e-9) {
        continue;
      }
      int n = Math.abs(info.theta() - theta1) < 1e-9 ? n1 : Math.abs(info.theta() - theta2) < 1e-9 ? n2 : 0;
      for (int j = 0; j < n; j++) {
        dense[k * plane + j] = 1;
      }
    }
    return Evaluation.of(Image.grey("two", SIDE, SIDE, new double[plane]), full,
        SparseCode.fromDense(full.count(), SIDE, SIDE, dense), 0.1);
  }

  /** The full dictionary's orientations, increasing. */
  private static List<Double> thetas() {
    List<Double> t = new ArrayList<>();
    for (KernelInfo info : full.info()) {
      if (t.stream().noneMatch(v -> Math.abs(v - info.theta()) < 1e-9)) {
        t.add(info.theta());
      }
    }
    t.sort(Double::compare);
    return t;
  }

  @Test
  void defaultMeasureIsTheCountOfNonZeros() {
    assertThat(OrientationActivitySettings.defaults().measure()).isEqualTo("count");
    assertThat(OrientationActivitySettings.defaults().asMeasure()).isEqualTo(Measure.COUNT);
    assertThat(new OrientationActivitySettings("ABS").asMeasure()).isEqualTo(Measure.ABS_SUM);
  }

  @Test
  void unknownMeasureNamesTheKey() {
    assertThatThrownBy(() -> new OrientationActivitySettings("energy")).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("measure:");
  }

  @Test
  void curveIsKeyedByEachBandwidthAsJavaWritesIt() {
    Map<String, Map<String, Double>> curve = metric(Map.of()).curve(twoOrientations(thetas().get(2), 8,
        thetas().get(8), 4));
    assertThat(curve).hasSize(6);
    // LogGaborSettings' full preset: B_θ = kπ/36, k = 1..6
    assertThat(curve.keySet().iterator().next()).isEqualTo(Double.toString(narrowest()));
    assertThat(curve.get(Double.toString(narrowest())).keySet())
        .containsExactly("mu1", "kappa1", "mu2", "kappa2", "r2", "energy");
  }

  @Test
  void activityAtTwoOrientationsPutsTheVonMisesPeaksThere() {
    double t1 = thetas().get(2);
    double t2 = thetas().get(8);
    Map<String, Double> g = metric(Map.of()).curve(twoOrientations(t1, 8, t2, 4)).get(Double.toString(narrowest()));
    // the larger peak (8 per phase) at θ1, the smaller (4) at θ2; 12 orientations 15° apart, so within 2°
    assertThat(g.get("mu1")).isCloseTo(t1, within(2 * DEGREE));
    assertThat(g.get("mu2")).isCloseTo(t2, within(2 * DEGREE));
    assertThat(g.get("r2")).isGreaterThan(0.99);
  }

  @Test
  void energyIsAllInTheOneActiveBandwidth() {
    Map<String, Map<String, Double>> curve = metric(Map.of()).curve(twoOrientations(thetas().get(2), 8,
        thetas().get(8), 4));
    double sum = 0;
    for (Map<String, Double> point : curve.values()) {
      sum += point.get("energy");
    }
    assertThat(curve.get(Double.toString(narrowest())).get("energy")).isEqualTo(1.0);
    assertThat(sum).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void silentBandwidthsHaveNoFit() {
    Map<String, Map<String, Double>> curve = metric(Map.of()).curve(twoOrientations(thetas().get(2), 8,
        thetas().get(8), 4));
    Map<String, Double> widest = new ArrayList<>(curve.values()).get(5);
    assertThat(widest.get("mu1")).isNaN();
    assertThat(widest.get("energy")).isZero();
  }

  @Test
  void activityAtASingleOrientationIsNotFitted() {
    // seven parameters on one spike would report R² = 1 with an arbitrary second peak
    Map<String, Double> g = metric(Map.of()).curve(twoOrientations(thetas().get(2), 8, thetas().get(8), 0))
        .get(Double.toString(narrowest()));
    assertThat(g.get("mu1")).isNaN();
    assertThat(g.get("r2")).isNaN();
    assertThat(g.get("energy")).isEqualTo(1.0);
  }

  @Test
  void scalarIsTheEnergyShareOfTheNarrowestBandwidth() {
    assertThat(metric(Map.of("measure", "abs")).evaluate(twoOrientations(thetas().get(2), 8, thetas().get(8), 4)))
        .isEqualTo(1.0);
  }

  @Test
  void dictionaryWithoutOrientationsGivesAnEmptyCurveAndNaN() {
    Evaluation learned = Evaluation.of(Image.grey("x", 2, 2, new double[4]), Dictionary.of(1, 1, new double[] {1}),
        SparseCode.fromDense(1, 2, 2, new double[] {0.5, 0, 0, 0.2}), 0.1);
    assertThat(metric(Map.of()).curve(learned)).isEmpty();
    assertThat(metric(Map.of()).evaluate(learned)).isNaN();
    assertThat(OrientationActivityMetric.applies(full)).isTrue();
  }
}
