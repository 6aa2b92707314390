package org.sparsecode.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MeanCiTest {
  private static final double[] VALUES = {3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.0, 6.0};

  @Test
  void meanIsTheArithmeticMean() {
    assertThat(MeanCi.of(VALUES, 100, 0.95, 1).mean()).isEqualTo(31.5 / 8);
  }

  @Test
  void intervalContainsTheMeanAndLiesWithinTheSample() {
    MeanCi ci = MeanCi.of(VALUES, 2000, 0.95, 5);
    assertThat(ci.lo()).isBetween(1.0, ci.mean());
    assertThat(ci.hi()).isBetween(ci.mean(), 9.0);
    assertThat(ci.n()).isEqualTo(8);
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    assertThat(MeanCi.of(VALUES, 500, 0.9, 11)).isEqualTo(MeanCi.of(VALUES, 500, 0.9, 11));
  }

  @Test
  void aConstantSampleHasAZeroWidthInterval() {
    MeanCi ci = MeanCi.of(new double[] {2, 2, 2}, 100, 0.95, 1);
    assertThat(ci.lo()).isEqualTo(2.0);
    assertThat(ci.hi()).isEqualTo(2.0);
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> MeanCi.of(new double[] {1}, 10, 0.95, 1)).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> MeanCi.of(VALUES, 0, 0.95, 1)).hasMessageContaining("resamples");
    assertThatThrownBy(() -> MeanCi.of(VALUES, 10, 0, 1)).hasMessageContaining("level");
  }

  @Test
  void meanOfNoValuesIsNaN() {
    assertThat(MeanCi.mean(new double[0])).isNaN();
  }
}
