package org.sparsecode.eval.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
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

class CeilResiliencePluginTest {
  // one 1×1 kernel of value 1: the reconstruction is the code itself (as in ResilienceTest)
  private static final Evaluation SMALL = Evaluation.of(Image.grey("small", 2, 2, new double[] {1, 0.5, 0.2, 0}),
      Dictionary.of(1, 1, new double[] {1}), SparseCode.fromDense(1, 2, 2, new double[] {0.9, 0.5, 0.2, 0}), 0.1);

  private static CurveMetric create(Map<String, Object> yaml) {
    var plugin = PluginRegistry.load().find(Metric.class, "resilience-ceil");
    return (CurveMetric) plugin.create(SettingsBinder.bind(plugin.settings(), yaml),
        PluginContext.defaults(Precision.FLOAT64));
  }

  @Test
  void cutsAtAFractionOfTheLargestCoefficientKeyedByTheDivisors() {
    // max|x| = 0.9: divisor 10 zeroes |x| < 0.09 (keeps 3), divisor 2 zeroes |x| < 0.45 (keeps 0.9, 0.5)
    Map<String, Map<String, Double>> curve = create(Map.of("divisors", List.of(10.0, 2.0))).curve(SMALL);
    assertThat(curve).containsOnlyKeys("10.0", "2.0");
    assertThat(curve.get("10.0")).containsEntry("sparseness", 0.25);
    assertThat(curve.get("2.0")).containsEntry("sparseness", 0.5);
  }

  @Test
  void defaultsAreThePapersQuarterAndHalfOfTheMaximum() {
    assertThat(create(Map.of()).curve(SMALL)).containsOnlyKeys("4.0", "2.0");
  }

  @Test
  void aZeroDivisorNamesItsKey() {
    assertThatThrownBy(() -> new CeilResiliencePlugin.Settings(List.of(0.0)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("divisors[0]:");
  }
}
