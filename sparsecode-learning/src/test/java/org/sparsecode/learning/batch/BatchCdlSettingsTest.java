package org.sparsecode.learning.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.core.plugin.SettingsBinder;

class BatchCdlSettingsTest {

  @Test
  void defaultsAreDocumentedValuesAndRhoFollowsLambda() {
    BatchCdlSettings s = BatchCdlSettings.defaults();
    assertThat(s.outerIterations()).isEqualTo(20);
    assertThat(s.lambda()).isEqualTo(1e-2);
    assertThat(s.sparseIterations()).isEqualTo(10);
    assertThat(s.dictionaryIterations()).isEqualTo(10);
    assertThat(s.rho()).isEqualTo(50 * 1e-2 + 1);
    assertThat(s.sigma()).isEqualTo(BatchCdlSettings.DEFAULT_SIGMA);
    assertThat(s.zeroMean()).isFalse();
  }

  @Test
  void bindsFromAMapAndBack() {
    BatchCdlSettings s = SettingsBinder.bind(BatchCdlSettings.class, Map.of("outerIterations", 5, "lambda", 0.1));
    assertThat(SettingsBinder.bind(BatchCdlSettings.class, SettingsBinder.toMap(s))).isEqualTo(s);
    assertThat(s.rho()).isEqualTo(6.0);
  }

  @Test
  void zeroOuterIterationsIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(0, null, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("outerIterations:");
  }

  @Test
  void negativeLambdaIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(null, -1.0, null, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("lambda:");
  }

  @Test
  void zeroSparseIterationsIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(null, null, 0, null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("sparseIterations:");
  }

  @Test
  void zeroDictionaryIterationsIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(null, null, null, 0, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("dictionaryIterations:");
  }

  @Test
  void zeroRhoIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(null, null, null, null, 0.0, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("rho:");
  }

  @Test
  void infiniteSigmaIsRejected() {
    assertThatThrownBy(() -> new BatchCdlSettings(null, null, null, null, null, Double.POSITIVE_INFINITY, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("sigma:");
  }
}
