package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;

class AngleListTest {

  @Test
  void anIntegerCountIsLinspaceOverTheHalfTurnWithoutEndpoint() {
    // numpy: linspace(0, pi, 4, endpoint=False) = [0, pi/4, pi/2, 3pi/4] as i * (pi/4)
    assertThat(AngleList.parse("thetas", 4, true)).containsExactly(0.0, Math.PI / 4, 2 * (Math.PI / 4),
        3 * (Math.PI / 4));
  }

  @Test
  void aListIsTakenAsItIsAndIntegersBecomeDoubles() {
    assertThat(AngleList.parse("phases", List.of(0, 1.5), true)).containsExactly(0.0, 1.5);
  }

  @Test
  void linspaceMapIncludesTheStopAndDropFirstRemovesTheStart() {
    double[] v = AngleList.parse("bThetas", Map.of("linspace", List.of(0.0, Math.PI / 6, 7), "dropFirst", true),
        false);
    // numpy 1.24 repr of linspace(0, pi/6, 7)[1:] (dict_full_params.csv)
    assertThat(v).containsExactly(0.08726646259971647, 0.17453292519943295, 0.2617993877991494,
        0.3490658503988659, 0.4363323129985824, 0.5235987755982988);
  }

  @Test
  void linspaceWithoutDropFirstKeepsTheStart() {
    assertThat(AngleList.parse("x", Map.of("linspace", List.of(1, 2, 3)), true)).containsExactly(1.0, 1.5, 2.0);
  }

  @Test
  void linspaceMatchesNumpyBitForBit() {
    // repr(numpy.linspace(-1, 1, 12)) (numpy 2.4; same formula as 1.24): i * step - 1, last = stop
    assertThat(AngleList.linspace(-1, 1, 12, true)).containsExactly(-1.0, -0.8181818181818181, -0.6363636363636364,
        -0.4545454545454546, -0.2727272727272727, -0.09090909090909083, 0.09090909090909083, 0.2727272727272727,
        0.4545454545454546, 0.6363636363636365, 0.8181818181818183, 1.0);
    // repr(numpy.linspace(0.1, 1.3, 5))
    assertThat(AngleList.linspace(0.1, 1.3, 5, true)).containsExactly(0.1, 0.4, 0.7, 0.9999999999999999, 1.3);
    assertThat(AngleList.linspace(Math.PI / 6, 0, 1, false)).containsExactly(Math.PI / 6);
    assertThat(AngleList.linspace(2, 2, 3, true)).containsExactly(2.0, 2.0, 2.0);
    assertThat(AngleList.linspace(0, 1, 1, true)).containsExactly(0.0);
  }

  @Test
  void anIntegerIsRejectedWhereNoCountIsAllowed() {
    assertThatThrownBy(() -> AngleList.parse("bThetas", 6, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas:")
        .hasMessageContaining("not allowed");
  }

  @Test
  void aSingleNonIntegerNumberIsAmbiguous() {
    assertThatThrownBy(() -> AngleList.parse("thetas", 0.5, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas:")
        .hasMessageContaining("[0.5]");
  }

  @Test
  void aZeroCountIsRejected() {
    assertThatThrownBy(() -> AngleList.parse("phases", 0, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("phases:");
  }

  @Test
  void anEmptyListIsRejected() {
    assertThatThrownBy(() -> AngleList.parse("thetas", List.of(), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas:");
  }

  @Test
  void aNonNumericElementIsNamedByItsIndex() {
    assertThatThrownBy(() -> AngleList.parse("thetas", List.of(0.1, "pi"), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas[1]:")
        .hasMessageContaining("'pi'");
  }

  @Test
  void anUnknownMapKeyIsNamed() {
    assertThatThrownBy(() -> AngleList.parse("bThetas", Map.of("linspac", List.of(0, 1, 2)), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas.linspac:");
  }

  @Test
  void aLinspaceWithoutThreeValuesIsRejected() {
    assertThatThrownBy(() -> AngleList.parse("bThetas", Map.of("linspace", List.of(0, 1)), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas.linspace:");
  }

  @Test
  void aNonIntegerLinspaceCountIsRejected() {
    assertThatThrownBy(() -> AngleList.parse("bThetas", Map.of("linspace", List.of(0, 1, 2.5)), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bThetas.linspace[2]:");
  }

  @Test
  void dropFirstMustBeABoolean() {
    assertThatThrownBy(() -> AngleList.parse("x", Map.of("linspace", List.of(0, 1, 3), "dropFirst", "yes"), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.dropFirst:");
  }

  @Test
  void dropFirstOnASingleValueIsRejected() {
    assertThatThrownBy(() -> AngleList.parse("x", Map.of("linspace", List.of(0, 1, 1), "dropFirst", true), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("x.dropFirst:");
  }

  @Test
  void aStringIsRejectedWithTheAcceptedForms() {
    assertThatThrownBy(() -> AngleList.parse("thetas", "twelve", true))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("thetas:")
        .hasMessageContaining("linspace");
  }
}
