package org.sparsecode.learning.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;

class ParametricLogGaborSettingsTest {

  @Test
  void defaultsLearnThetaAndBThetaWithAdamAndTheOnlineLearnersCoding() {
    ParametricLogGaborSettings s = ParametricLogGaborSettings.defaults(5);
    assertThat(s.learn()).containsExactly("theta", "bTheta");
    assertThat(s.learned()).containsExactly(true, true, false, false, false);
    assertThat(s.learningRate()).isEqualTo(0.01);
    assertThat(s.beta1()).isEqualTo(0.9);
    assertThat(s.beta2()).isEqualTo(0.999);
    assertThat(s.normalise()).isEqualTo("auto");
    assertThat(s.cropSize()).isZero();
    assertThat(s.solver()).isNull();
    assertThat(ParametricLogGaborSettings.defaultSolver()).containsEntry("type", "cbpdn-admm")
        .containsEntry("rho", 10.0).containsEntry("relaxation", 1.8).containsEntry("maxIterations", 300)
        .containsEntry("relStopTol", 1e-2).containsEntry("autoRho", Map.of("enabled", false));
  }

  @Test
  void anUnknownOrRepeatedParameterNamesItsListIndex() {
    assertThatThrownBy(() -> learn(List.of("theta", "gamma"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("learn[1]").hasMessageContaining("theta, bTheta, sf0, bsf, phase");
    assertThatThrownBy(() -> learn(List.of("bTheta", "bTheta"))).hasMessageContaining("learn[1]")
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> learn(List.of())).hasMessageContaining("learn");
  }

  @Test
  void adamDecaysOutsideTheUnitIntervalAreRefused() {
    assertThatThrownBy(() -> new ParametricLogGaborSettings(1, null, null, null, 1.0, null, null, null, null, null,
        null, null)).hasMessageContaining("beta1").hasMessageContaining("[0, 1)");
    assertThatThrownBy(() -> new ParametricLogGaborSettings(1, null, null, null, null, -0.1, null, null, null, null,
        null, null)).hasMessageContaining("beta2");
  }

  @Test
  void aSolverBlockNeedsItsType() {
    assertThatThrownBy(() -> new ParametricLogGaborSettings(1, Map.of("lambda", 0.1), null, null, null, null, null,
        null, null, null, null, null)).hasMessageContaining("solver.type");
  }

  @Test
  void normaliseAndCropAcceptTheirFormsOnly() {
    assertThatThrownBy(() -> new ParametricLogGaborSettings(1, null, null, null, null, null, "max", null, null, null,
        null, null)).hasMessageContaining("normalise").hasMessageContaining("auto, peak, unit-l2");
    assertThat(new ParametricLogGaborSettings(1, null, null, null, null, null, "UNIT-L2", null, null, 64, null, null))
        .satisfies(s -> {
          assertThat(s.normalise()).isEqualTo("unit-l2");
          assertThat(s.cropSize()).isEqualTo(64);
        });
    assertThatThrownBy(() -> new ParametricLogGaborSettings(1, null, null, null, null, null, null, null, null, 2.5,
        null, null)).hasMessageContaining("crop");
  }

  private static ParametricLogGaborSettings learn(List<String> learn) {
    return new ParametricLogGaborSettings(1, null, learn, null, null, null, null, null, null, null, null, null);
  }
}
