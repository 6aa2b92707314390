package org.sparsecode.core.solver.lca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

class LcaSettingsTest {

  private static void assertRejected(Map<String, ?> yaml, String key) {
    assertThatThrownBy(() -> SettingsBinder.bind(LcaSettings.class, yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key + ":")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void anEmptyBlockGivesTheDocumentedDefaults() {
    LcaSettings s = SettingsBinder.bind(LcaSettings.class, Map.of());
    assertThat(s).isEqualTo(LcaSettings.defaults());
    assertThat(s.lambda()).isEqualTo(1e-2);
    assertThat(s.tau()).isNull();
    assertThat(s.maxIterations()).isEqualTo(200);
    assertThat(s.relStopTol()).isEqualTo(1e-4);
    assertThat(s.threshold()).isEqualTo("soft");
    assertThat(s.nonNegative()).isFalse();
  }

  @Test
  void everyContractKeyBinds() {
    LcaSettings s = SettingsBinder.bind(LcaSettings.class, Map.of("lambda", 0.05, "tau", 3000, "maxIterations",
        50, "relStopTol", 0, "threshold", "hard", "nonNegative", true));
    assertThat(s).isEqualTo(new LcaSettings(0.05, 3000.0, 50, 0.0, "hard", true));
    assertThat(s.hard()).isTrue();
  }

  @Test
  void aResolvedRecordRoundTripsThroughItsTree() {
    LcaSettings s = new LcaSettings(3e-3, 2500.0, 10, 1e-6, "hard", false);
    assertThat(SettingsBinder.bind(LcaSettings.class, SettingsBinder.toMap(s))).isEqualTo(s);
  }

  @Test
  void lambdaMustBePositive() {
    assertRejected(Map.of("lambda", 0), "lambda");
  }

  @Test
  void tauMustBePositive() {
    assertRejected(Map.of("tau", 0), "tau");
  }

  @Test
  void negativeTauIsRejected() {
    assertRejected(Map.of("tau", -1.5), "tau");
  }

  @Test
  void maxIterationsMustBeAtLeastOne() {
    assertRejected(Map.of("maxIterations", 0), "maxIterations");
  }

  @Test
  void relStopTolMustNotBeNegative() {
    assertRejected(Map.of("relStopTol", -1e-4), "relStopTol");
  }

  @Test
  void thresholdMustBeSoftOrHard() {
    assertRejected(Map.of("threshold", "firm"), "threshold");
  }

  @Test
  void thePluginIsRegisteredAsLca() {
    var plugin = PluginRegistry.load().find(SparseSolver.class, "lca");
    assertThat(plugin.settings()).isEqualTo(LcaSettings.class);
    SparseSolver solver = plugin.create(LcaSettings.withLambda(0.2), PluginContext.defaults(Precision.FLOAT32));
    assertThat(solver).isInstanceOf(Lca.class);
    assertThat(solver.lambda()).isEqualTo(0.2);
  }
}
