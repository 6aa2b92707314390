package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/** The {@code learning:} keys of the interface contract, their defaults and their checks. */
class OnlineCdlSettingsTest {

  @Test
  void contractKeysAreExactlyTheSettingsComponents() {
    assertThat(SettingsBinder.keys(OnlineCdlSettings.class)).extracting(SettingsBinder.Key::name)
        .containsExactly("steps", "lambda", "rho", "etaA", "etaB", "stepSize", "stepScale", "maxIterations",
            "relStopTol", "relaxation", "imageOrder", "minibatch", "checkpointEvery", "crop", "zeroMean",
            "nonNegative", "solver", "warmStart");
  }

  @Test
  void defaultsAreThePapersSettings() {
    OnlineCdlSettings s = SettingsBinder.bind(OnlineCdlSettings.class, Map.of());
    assertThat(List.of(s.steps(), s.lambda(), s.rho(), s.etaA(), s.etaB(), s.stepSize(), s.stepScale(),
        s.maxIterations(), s.relStopTol(), s.relaxation(), s.imageOrder(), s.minibatch(), s.checkpointEvery(),
        s.crop(), s.zeroMean(), s.nonNegative()))
        .containsExactly(1000, 1e-2, 10.0, 100.0, 1000.0, "paper", 1.0, 300, 1e-2, 1.8, "random", 1, 10, "none",
            false, false);
    assertThat(s.cropSize()).isZero();
  }

  @Test
  void cropTakesAnIntegerOrNone() {
    assertThat(SettingsBinder.bind(OnlineCdlSettings.class, Map.of("crop", 64)).cropSize()).isEqualTo(64);
    assertThat(SettingsBinder.bind(OnlineCdlSettings.class, Map.of("crop", "none")).cropSize()).isZero();
    assertThatThrownBy(() -> SettingsBinder.bind(OnlineCdlSettings.class, Map.of("crop", "big")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("crop").hasMessageContaining("big");
  }

  @Test
  void unknownStepSizeIsRejectedNamingTheKeyAndTheChoices() {
    assertThatThrownBy(() -> SettingsBinder.bind(OnlineCdlSettings.class, Map.of("stepSize", "adam")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("stepSize").hasMessageContaining("lipschitz");
  }

  @Test
  void relaxationOutsideZeroTwoIsRejected() {
    assertThatThrownBy(() -> SettingsBinder.bind(OnlineCdlSettings.class, Map.of("relaxation", 2.0)))
        .isInstanceOf(ConfigException.class).hasMessageContaining("relaxation");
  }

  @Test
  void pluginIsRegisteredAsOnlineCdl() {
    assertThat(PluginRegistry.load().find(DictionaryLearner.class, "online-cdl").name()).isEqualTo("online-cdl");
  }
}
