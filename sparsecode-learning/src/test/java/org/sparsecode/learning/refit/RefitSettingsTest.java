package org.sparsecode.learning.refit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.core.plugin.SettingsBinder;

class RefitSettingsTest {

  @Test
  void defaultsAreThePapersFrequencyAndTwelveThetaBins() {
    RefitSettings s = RefitSettings.defaults();
    assertThat(s.fitFrequency()).isFalse();
    assertThat(s.sf0()).isEqualTo(0.4);
    assertThat(s.bsf()).isEqualTo(0.4);
    assertThat(s.thetaBins()).isEqualTo(12);
    assertThat(s.bThetaEdges()).hasSize(8);
  }

  @Test
  void bindsFromAMap() {
    RefitSettings s = SettingsBinder.bind(RefitSettings.class, Map.of("fitFrequency", true, "thetaBins", 6));
    assertThat(s.fitFrequency()).isTrue();
    assertThat(s.thetaBins()).isEqualTo(6);
  }

  @Test
  void sf0AboveNyquistIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, 0.7, null, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("sf0:");
  }

  @Test
  void nonPositiveBsfIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, 0.0, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("bsf:");
  }

  @Test
  void tooCoarseThetaGridIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, null, 2, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("thetaGrid:");
  }

  @Test
  void singleBThetaGridValueIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, null, null, 1, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("bThetaGrid:");
  }

  @Test
  void zeroThetaBinsIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, null, null, null, 0, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("thetaBins:");
  }

  @Test
  void decreasingEdgesAreRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, null, null, null, null, List.of(0.3, 0.1), null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("bThetaEdges:");
  }

  @Test
  void minR2AboveOneIsRejected() {
    assertThatThrownBy(() -> new RefitSettings(null, null, null, null, null, null, null, 1.5))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("minR2:");
  }
}
