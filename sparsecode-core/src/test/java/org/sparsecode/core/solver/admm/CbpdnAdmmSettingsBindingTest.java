package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.core.plugin.SettingsBinder;

/** The settings as the YAML loader builds them. */
class CbpdnAdmmSettingsBindingTest {

  @Test
  void aYamlBlockBindsWithNestedAutoRhoAndAWeightList() {
    CbpdnAdmmSettings s = SettingsBinder.bind(CbpdnAdmmSettings.class, Map.of("lambda", 1e-3,
        "autoRho", Map.of("rsdlRatio", 1.05), "l1Weight", List.of(1, 2.5)));
    assertThat(s.lambda()).isEqualTo(1e-3);
    assertThat(s.autoRho().rsdlRatio()).isEqualTo(1.05);
    assertThat(s.autoRho().period()).isEqualTo(1);
    assertThat(s.l1Weights(2)).containsExactly(1.0, 2.5);
  }

  @Test
  void anEmptyBlockGivesThePapersCall() {
    assertThat(SettingsBinder.bind(CbpdnAdmmSettings.class, Map.of())).isEqualTo(CbpdnAdmmSettings.defaults());
  }

  @Test
  void aResolvedRecordRoundTripsThroughItsTree() {
    CbpdnAdmmSettings s = CbpdnAdmmSettings.withLambda(3e-3);
    assertThat(SettingsBinder.bind(CbpdnAdmmSettings.class, SettingsBinder.toMap(s))).isEqualTo(s);
  }

  @Test
  void aBadNestedValueNamesItsPath() {
    assertThatThrownBy(() -> SettingsBinder.bind(CbpdnAdmmSettings.class, Map.of("autoRho", Map.of("period", 0))))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("autoRho.period"));
  }
}
