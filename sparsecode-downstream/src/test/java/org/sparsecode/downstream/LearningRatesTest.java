package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningRatesTest {

  @Test
  void oneCycleStartsAtAPeakOver25RisesToThePeakAndEndsFourOrdersBelowTheStart() {
    int steps = 100;
    assertThat(LearningRates.at("one-cycle", 2e-4, 0, steps)).isCloseTo(2e-4 / 25, within(1e-15));
    // PyTorch: the peak at step pct_start * total - 1 = 29
    assertThat(LearningRates.at("one-cycle", 2e-4, 29, steps)).isCloseTo(2e-4, within(1e-15));
    assertThat(LearningRates.at("one-cycle", 2e-4, 99, steps)).isCloseTo(2e-4 / 25 / 1e4, within(1e-18));
    assertThat(LearningRates.at("one-cycle", 2e-4, 14, steps)).isBetween(2e-4 / 25, 2e-4);
  }

  @Test
  void cosineFallsFromTheRateToHalfAtMidwayAndConstantStays() {
    assertThat(LearningRates.at("cosine", 1e-3, 0, 10)).isEqualTo(1e-3);
    assertThat(LearningRates.at("cosine", 1e-3, 5, 10)).isCloseTo(5e-4, within(1e-15));
    assertThat(LearningRates.at("constant", 1e-3, 7, 10)).isEqualTo(1e-3);
  }
}
