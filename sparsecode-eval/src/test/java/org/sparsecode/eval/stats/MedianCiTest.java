package org.sparsecode.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MedianCiTest {
  private static final double[] VALUES = {3.0, 1.0, 4.0, 1.5, 5.0, 9.0, 2.0, 6.0};

  @Test
  void medianIsTheMeanOfTheTwoMiddleValuesForAnEvenCount() {
    // sorted 1, 1.5, 2, 3, 4, 5, 6, 9: (3 + 4) / 2
    assertThat(MedianCi.of(VALUES, 1).median()).isEqualTo(3.5);
  }

  @Test
  void intervalContainsTheMedianAndLiesWithinTheSample() {
    MedianCi ci = MedianCi.of(VALUES, 5);
    assertThat(ci.lo()).isBetween(1.0, ci.median());
    assertThat(ci.hi()).isBetween(ci.median(), 9.0);
    assertThat(ci.resamples()).isEqualTo(10_000);
    assertThat(ci.level()).isEqualTo(0.95);
  }

  @Test
  void theSameSeedGivesTheSameInterval() {
    assertThat(MedianCi.of(VALUES, 11)).isEqualTo(MedianCi.of(VALUES, 11));
  }

  @Test
  void aConstantSampleHasAZeroWidthInterval() {
    MedianCi ci = MedianCi.of(new double[] {2, 2, 2}, 1);
    assertThat(ci.interval()).containsExactly(2.0, 2.0);
  }

  @Test
  void badBootstrapParametersAreRejected() {
    assertThatThrownBy(() -> MedianCi.of(VALUES, 0, 0.95, 1)).hasMessageContaining("resamples");
    assertThatThrownBy(() -> MedianCi.of(VALUES, 10, 1.0, 1)).hasMessageContaining("level");
  }
}
