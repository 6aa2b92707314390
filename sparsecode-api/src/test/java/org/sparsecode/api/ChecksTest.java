package org.sparsecode.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void positiveRejectsZeroNamingTheKey() {
    assertThatThrownBy(() -> Checks.positive("lambda", 0.0))
        .isInstanceOf(ConfigException.class)
        .hasMessage("lambda: must be > 0 and finite, got 0.0")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("lambda"));
  }

  @Test
  void positiveRejectsNaN() {
    assertThatThrownBy(() -> Checks.positive("rho", Double.NaN)).hasMessageContaining("rho: must be > 0");
  }

  @Test
  void inRangeRejectsValuesOutsideTheBounds() {
    assertThatThrownBy(() -> Checks.inRange("relaxation", 2.5, 0, 2))
        .hasMessage("relaxation: must be in [0.0, 2.0], got 2.5");
  }

  @Test
  void atLeastRejectsSmallerIntegers() {
    assertThatThrownBy(() -> Checks.atLeast("maxIterations", 0, 1))
        .hasMessage("maxIterations: must be >= 1, got 0");
  }

  @Test
  void requiredRejectsNull() {
    assertThatThrownBy(() -> Checks.required("path", null)).hasMessage("path: is required");
  }

  @Test
  void problemIsTheMessageWithoutTheKey() {
    assertThat(new ConfigException("size", "must be even").problem()).isEqualTo("must be even");
  }

  @Test
  void precisionParsesItsYamlNamesAndRejectsOthers() {
    assertThat(Precision.parse("float64")).isEqualTo(Precision.FLOAT64);
    assertThatThrownBy(() -> Precision.parse("double"))
        .hasMessage("precision: must be float32 or float64, got 'double'");
  }
}
