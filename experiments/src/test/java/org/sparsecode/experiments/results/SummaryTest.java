package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void sdIsTheSampleStandardDeviation() {
    // values 1, 2, 3, 4: mean 2.5, Σ(v − m)² = 5, sample variance 5/3
    Summary s = Summary.of(new double[] {4, 1, 3, 2});
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.sd()).isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-15));
    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.max()).isEqualTo(4.0);
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Summary.of(new double[] {9, 1, 5}).median()).isEqualTo(5.0);
  }

  @Test
  void oneValueHasNoStandardDeviation() {
    Summary s = Summary.of(new double[] {3});
    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.sd()).isNaN();
  }

  @Test
  void noValuesGiveNan() {
    assertThat(Summary.of(new double[0])).isEqualTo(Summary.EMPTY);
  }
}
