package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sparsecode.api.ConfigException;
import org.sparsecode.core.plugin.SettingsBinder;

/** The kernel settings records bound from YAML-shaped trees and back. */
class KernelSettingsBindingTest {

  static List<Record> settings() {
    return List.of(LogGaborSettings.preset("full"), LogGaborSettings.preset("thin"),
        new LogGaborSettings(null, 16, 0.25, 0.6, List.of(0.3), List.of(0.1, 0.5), 1),
        new LogGaborSettings("full", null, null, null, null, null, null, "unit-l2"),
        new GaborSettings(null, null, null, null, null), new RandomKernelSettings(12, 8, 5L, "peak", true),
        new RandomKernelSettings(null, null, null, null, null), new NpyFileSettings("d.npy"));
  }

  @ParameterizedTest
  @MethodSource("settings")
  void recordToTreeToRecordIsTheIdentity(Record s) {
    assertThat(SettingsBinder.bind(s.getClass(), SettingsBinder.toMap(s))).isEqualTo(s);
  }

  @Test
  void theDesignExampleBindsToTheFullDictionary() {
    // the README's example experiment: { type: log-gabor, size: 12, sf0: 0.4, bsf: 0.4, thetas: 12,
    //   bThetas: { linspace: [0.0, 0.5235987755982988, 7], dropFirst: true }, phases: 2 }
    LogGaborSettings s = SettingsBinder.bind(LogGaborSettings.class, Map.of("size", 12, "sf0", 0.4, "bsf", 0.4,
        "thetas", 12, "bThetas", Map.of("linspace", List.of(0.0, 0.5235987755982988, 7), "dropFirst", true),
        "phases", 2));
    LogGaborSettings full = LogGaborSettings.preset("full");
    assertThat(s.thetas()).isEqualTo(full.thetas());
    assertThat(s.bThetas()).isEqualTo(full.bThetas());
    assertThat(s.phases()).isEqualTo(full.phases());
  }

  @Test
  void aPresetWithAnOverrideBinds() {
    LogGaborSettings s = SettingsBinder.bind(LogGaborSettings.class, Map.of("preset", "thin", "phases", 4));
    assertThat(s.thetaValues()).hasSize(72);
    assertThat(s.phaseValues()).hasSize(4);
  }

  @Test
  void aPresetWithNormaliseBinds() {
    LogGaborSettings s = SettingsBinder.bind(LogGaborSettings.class, Map.of("preset", "thin", "normalise",
        "unit-l2"));
    assertThat(s.thetaValues()).hasSize(72);
    assertThat(s.normalise()).isEqualTo("unit-l2");
    assertThat(SettingsBinder.toMap(s)).containsEntry("normalise", "unit-l2");
  }

  @Test
  void aBadNestedValueKeepsItsKeyPath() {
    assertThatThrownBy(() -> SettingsBinder.bind(LogGaborSettings.class, Map.of("thetas", 12,
        "bThetas", Map.of("linspace", List.of(0.0, "x", 7)))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas.linspace[1]:");
  }

  @Test
  void aRandomSeedGivenAsAnIntegerBinds() {
    assertThat(SettingsBinder.bind(RandomKernelSettings.class, Map.of("seed", 42)).seed()).isEqualTo(42L);
  }
}
