package org.sparsecode.core.solver.admm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;

class CbpdnAdmmSettingsTest {

  private static CbpdnAdmmSettings with(Double lambda, Integer maxIterations, Double relStopTol,
      Double absStopTol, Double relaxation, Double rho, Object l1Weight) {
    return new CbpdnAdmmSettings(lambda, maxIterations, relStopTol, absStopTol, relaxation, rho, l1Weight, null,
        null);
  }

  private static void assertRejected(Runnable r, String key) {
    assertThatThrownBy(r::run).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(key + ":")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(key));
  }

  @Test
  void defaultsAreThePapersSporcoCall() {
    CbpdnAdmmSettings s = CbpdnAdmmSettings.defaults();
    assertThat(s.lambda()).isEqualTo(1e-2);
    assertThat(s.maxIterations()).isEqualTo(100);
    assertThat(s.relStopTol()).isEqualTo(1e-4);
    assertThat(s.absStopTol()).isEqualTo(0.0);
    assertThat(s.relaxation()).isEqualTo(1.8);
    assertThat(s.rho()).isEqualTo(50 * 1e-2 + 1);
    assertThat(s.l1Weight()).isEqualTo(1.0);
    assertThat(s.nonNegative()).isFalse();
    AutoRhoSettings a = s.autoRho();
    assertThat(a.enabled()).isTrue();
    assertThat(a.period()).isEqualTo(1);
    assertThat(a.rsdlRatio()).isEqualTo(1.2);
    assertThat(a.scaling()).isEqualTo(1000.0);
    assertThat(a.autoScaling()).isTrue();
    // rho_xi_RsdlTarget of cbpdn64_full_l1e-2_papercall.json (SPORCO's 1 + 18.3^(log10 λ + 1)).
    assertThat(a.rsdlTarget()).isCloseTo(1.0546448087431695, within(1e-15));
  }

  @Test
  void rhoAndResidualTargetFollowLambdaUnlessGiven() {
    CbpdnAdmmSettings s = CbpdnAdmmSettings.withLambda(1e-3);
    assertThat(s.rho()).isEqualTo(50 * 1e-3 + 1);
    assertThat(s.autoRho().rsdlTarget()).isCloseTo(1 + Math.pow(18.3, -2), within(1e-15));
    CbpdnAdmmSettings given = new CbpdnAdmmSettings(1e-3, null, null, null, null, 7.0, null, null,
        new AutoRhoSettings(null, null, null, 2.0, null, null));
    assertThat(given.rho()).isEqualTo(7.0);
    assertThat(given.autoRho().rsdlTarget()).isEqualTo(2.0);
  }

  @Test
  void l1WeightAcceptsANumberOrOneNumberPerKernel() {
    assertThat(with(null, null, null, null, null, null, 2).l1Weights(3)).containsExactly(2.0, 2.0, 2.0);
    assertThat(with(null, null, null, null, null, null, List.of(1, 0.5, 0)).l1Weights(3))
        .containsExactly(1.0, 0.5, 0.0);
  }

  @Test
  void lambdaMustBePositive() {
    assertRejected(() -> with(0.0, null, null, null, null, null, null), "lambda");
  }

  @Test
  void maxIterationsMustBeAtLeastOne() {
    assertRejected(() -> with(null, 0, null, null, null, null, null), "maxIterations");
  }

  @Test
  void relStopTolMustBeNonNegative() {
    assertRejected(() -> with(null, null, -1e-4, null, null, null, null), "relStopTol");
  }

  @Test
  void absStopTolMustBeNonNegative() {
    assertRejected(() -> with(null, null, null, Double.NaN, null, null, null), "absStopTol");
  }

  @Test
  void relaxationMustBeInsideZeroTwo() {
    assertRejected(() -> with(null, null, null, null, 2.0, null, null), "relaxation");
  }

  @Test
  void rhoMustBePositive() {
    assertRejected(() -> with(null, null, null, null, null, -1.0, null), "rho");
  }

  @Test
  void l1WeightMustNotBeNegative() {
    assertRejected(() -> with(null, null, null, null, null, null, -1.0), "l1Weight");
  }

  @Test
  void l1WeightMustBeANumberOrAList() {
    assertRejected(() -> with(null, null, null, null, null, null, "heavy"), "l1Weight");
  }

  @Test
  void l1WeightListMustHoldNumbers() {
    assertRejected(() -> with(null, null, null, null, null, null, List.of(1.0, "x")), "l1Weight");
  }

  @Test
  void l1WeightListMustHaveOneValuePerKernel() {
    CbpdnAdmmSettings s = with(null, null, null, null, null, null, List.of(1.0, 2.0));
    assertRejected(() -> s.l1Weights(3), "l1Weight");
  }

  @Test
  void autoRhoPeriodMustBeAtLeastOne() {
    assertRejected(() -> new AutoRhoSettings(null, 0, null, null, null, null), "period");
  }

  @Test
  void autoRhoRsdlRatioMustBeAtLeastOne() {
    assertRejected(() -> new AutoRhoSettings(null, null, 0.5, null, null, null), "rsdlRatio");
  }

  @Test
  void autoRhoRsdlTargetMustBePositive() {
    assertRejected(() -> new AutoRhoSettings(null, null, null, 0.0, null, null), "rsdlTarget");
  }

  @Test
  void autoRhoScalingMustBeAtLeastOne() {
    assertRejected(() -> new AutoRhoSettings(null, null, null, null, 0.9, null), "scaling");
  }
}
