package org.sparsecode.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void anEvenCountTakesTheMeanOfTheTwoMiddleValuesAsNumpyDoes() {
    // numpy.median([4, 1, 3, 2]) = 2.5
    assertThat(Medians.of(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void theSampleIsLeftUnsorted() {
    double[] v = {3, 1, 2};
    assertThat(Medians.of(v)).isEqualTo(2.0);
    assertThat(v).containsExactly(3, 1, 2);
  }

  @Test
  void anEmptySampleHasNoMedian() {
    assertThat(Medians.of(new double[0])).isNaN();
    assertThat(Medians.ofFinite(new double[] {Double.NaN, Double.POSITIVE_INFINITY})).isNaN();
  }

  @Test
  void ofFiniteDropsNanAndInfinities() {
    assertThat(Medians.ofFinite(new double[] {1, Double.POSITIVE_INFINITY, 5, Double.NaN, 3})).isEqualTo(3.0);
  }
}
