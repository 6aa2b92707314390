package org.sparsecode.eval.coefficients.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.eval.coefficients.CoefficientHistogram;

class CoefficientHistogramMetricTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  /** The registry's {@code coefficient-histogram} metric with no settings. */
  private static CurveMetric metric() {
    var plugin = PluginRegistry.load().find(Metric.class, "coefficient-histogram");
    return (CurveMetric) plugin.create(SettingsBinder.bind(plugin.settings(), Map.of()), CONTEXT);
  }

  /** A one-kernel (1×1 kernel of value 1) evaluation of a code holding exactly the given values. */
  private static Evaluation evaluation(double[] values) {
    int n = values.length;
    return Evaluation.of(Image.grey("planted", 1, n, new double[n]), Dictionary.of(1, 1, new double[] {1}),
        SparseCode.fromDense(1, 1, n, values), 0.1);
  }

  /**
   * A code whose histogram is exactly round(2000·e^(−5x)) coefficients at each bin centre: the planted
   * exponential with rate 5.
   */
  private static double[] plantedExponential() {
    double[] edges = CoefficientHistogram.edges();
    int total = 0;
    int[] perBin = new int[CoefficientHistogram.BINS];
    for (int i = 0; i < perBin.length; i++) {
      perBin[i] = (int) Math.round(2000 * Math.exp(-5 * 0.5 * (edges[i] + edges[i + 1])));
      total += perBin[i];
    }
    double[] values = new double[total];
    int at = 0;
    for (int i = 0; i < perBin.length; i++) {
      for (int j = 0; j < perBin[i]; j++) {
        values[at++] = 0.5 * (edges[i] + edges[i + 1]);
      }
    }
    return values;
  }

  @Test
  void curveHasOneFitPointWithABR2AndTheCount() {
    Map<String, Map<String, Double>> curve = metric().curve(evaluation(plantedExponential()));
    assertThat(curve).containsOnlyKeys(CoefficientHistogramMetric.POINT);
    assertThat(curve.get("fit").keySet()).containsExactly("a", "b", "r2", "counted");
  }

  @Test
  void plantedExponentialHistogramGivesItsRateWithinOnePercent() {
    double[] values = plantedExponential();
    Map<String, Double> fit = metric().curve(evaluation(values)).get("fit");
    // counts rounded to integers: b within 1 % of the planted 5, a ≈ 2000/total, R² ≈ 1
    assertThat(fit.get("b")).isCloseTo(5.0, within(0.05));
    assertThat(fit.get("a")).isCloseTo(2000.0 / values.length, within(0.01 * 2000.0 / values.length));
    assertThat(fit.get("r2")).isGreaterThan(0.9999);
    assertThat(fit.get("counted")).isEqualTo(values.length);
  }

  @Test
  void onlyValuesInZeroPointZeroOneToOneAreCounted() {
    // −0.3 (negative), 0.005 (below 0.01) and 2 (above 1) fall outside the paper's bins; 0.05 ×3 and 0.5 count
    Map<String, Double> fit = metric().curve(evaluation(new double[] {0.05, -0.3, 0.05, 0.005, 0.5, 2, 0.05, 0}))
        .get("fit");
    assertThat(fit.get("counted")).isEqualTo(4.0);
  }

  @Test
  void scalarIsTheDecayRate() {
    Evaluation e = evaluation(plantedExponential());
    assertThat(metric().evaluate(e)).isEqualTo(metric().curve(e).get("fit").get("b"));
  }

  @Test
  void codeWithOneOccupiedBinHasNoFit() {
    Map<String, Double> fit = metric().curve(evaluation(new double[] {0.5, 0.5})).get("fit");
    assertThat(fit.get("b")).isNaN();
    assertThat(fit.get("counted")).isEqualTo(2.0);
  }
}
