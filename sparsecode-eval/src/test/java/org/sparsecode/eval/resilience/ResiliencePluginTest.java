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

class ResiliencePluginTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  // one 1×1 kernel of value 1: the reconstruction is the code itself (as in ResilienceTest)
  private static final Evaluation SMALL = Evaluation.of(Image.grey("small", 2, 2, new double[] {1, 0.5, 0.2, 0}),
      Dictionary.of(1, 1, new double[] {1}), SparseCode.fromDense(1, 2, 2, new double[] {0.9, 0.5, 0.2, 0}), 0.1);

  private static Metric create(Map<String, Object> yaml) {
    var plugin = PluginRegistry.load().find(Metric.class, "resilience");
    return plugin.create(SettingsBinder.bind(plugin.settings(), yaml), CONTEXT);
  }

  @Test
  void defaultsAreThePapersCutoffsAbsoluteFormAndDivisorsFourAndTwo() {
    ResilienceSettings s = ResilienceSettings.defaults();
    assertThat(s.cutoffList()).isEqualTo(Resilience.DEFAULT_CUTOFFS);
    assertThat(s.form()).isEqualTo("absolute");
    assertThat(s.divisors()).containsExactly(4.0, 2.0);
  }

  @Test
  void linspaceBlockBindsToNumpyLinspace() {
    ResilienceSettings s = SettingsBinder.bind(ResilienceSettings.class,
        Map.of("cutoffs", Map.of("linspace", List.of(0.001, 0.5, 6))));
    assertThat(s.cutoffList()).containsExactly(0.001, 0.1008, 0.2006, 0.3004, 0.4002, 0.5);
  }

  @Test
  void settingsSurviveARoundTripThroughAMap() {
    ResilienceSettings s = new ResilienceSettings(List.of(0, 0.25), "ceil", List.of(8.0, 4.0));
    assertThat(SettingsBinder.bind(ResilienceSettings.class, SettingsBinder.toMap(s))).isEqualTo(s);
  }

  @Test
  void negativeCutoffNamesItsKey() {
    assertThatThrownBy(() -> new ResilienceSettings(List.of(0.1, -1), null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("cutoffs[1]:");
  }

  @Test
  void linspaceWithOneValueNamesItsKey() {
    assertThatThrownBy(() -> new ResilienceSettings(Map.of("linspace", List.of(0, 1, 1)), null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("cutoffs.linspace[2]:");
  }

  @Test
  void cutoffsOfTheWrongShapeNameTheKey() {
    assertThatThrownBy(() -> new ResilienceSettings("many", null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("cutoffs:");
  }

  @Test
  void unknownFormNamesTheKey() {
    assertThatThrownBy(() -> new ResilienceSettings(null, "relative", null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("form:");
  }

  @Test
  void zeroDivisorNamesItsKey() {
    assertThatThrownBy(() -> new ResilienceSettings(null, "ceil", List.of(2.0, 0.0)))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("divisors[1]:");
  }

  @Test
  void curveIsKeyedByTheCutoffsAsJavaWritesThem() {
    CurveMetric m = (CurveMetric) create(Map.of("cutoffs", List.of(0, 0.3, 0.6, 1)));
    Map<String, Map<String, Double>> curve = m.curve(SMALL);
    assertThat(curve).containsOnlyKeys("0.0", "0.3", "0.6", "1.0");
    // sparseness 1 − nnz/4 with nnz = 3, 2, 1, 0 (ResilienceTest's hand-built code)
    assertThat(curve.get("0.3")).containsEntry("sparseness", 0.5);
    assertThat(curve.get("1.0")).containsEntry("sparseness", 1.0);
  }

  @Test
  void scalarIsThePsnrAtTheLargestCutoff() {
    Metric m = create(Map.of("cutoffs", List.of(0.6, 0, 0.3)));
    // 10·log10(1 / (0.30/4)) from ResilienceTest: the largest cutoff 0.6 keeps only 0.9
    assertThat(m.evaluate(SMALL)).isEqualTo(((CurveMetric) m).curve(SMALL).get("0.6").get("psnr"));
    assertThat(m.evaluate(SMALL)).isBetween(11.249387366, 11.249387367);
  }

  @Test
  void ceilFormIsKeyedByTheDivisors() {
    CurveMetric m = (CurveMetric) create(Map.of("form", "ceil"));
    // max|x| = 0.9: divisor 4 zeroes |x| < 0.225 (keeps 0.9, 0.5), divisor 2 zeroes |x| < 0.45 (same)
    Map<String, Map<String, Double>> curve = m.curve(SMALL);
    assertThat(curve).containsOnlyKeys("4.0", "2.0");
    assertThat(curve.get("4.0")).containsEntry("sparseness", 0.5);
  }
}
