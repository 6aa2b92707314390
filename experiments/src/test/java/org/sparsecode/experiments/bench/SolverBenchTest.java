package org.sparsecode.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bench's arithmetic: time per iteration and set-up from two solves of different lengths. */
class SolverBenchTest {

  @Test
  void twoSolveTimesSplitIntoTimePerIterationAndSetUp() {
    // 30 ms of set-up and 4 ms per iteration: 5 iterations take 50 ms, 30 take 150 ms
    double[] split = SolverBench.split(50, 5, 150, 30);
    assertThat(split[0]).isCloseTo(4.0, within(1e-12));
    assertThat(split[1]).isCloseTo(30.0, within(1e-12));
  }

  @Test
  void aLongerSolveMeasuredFasterByNoiseGivesZeroPerIterationAndTheShortSolveAsSetUp() {
    double[] split = SolverBench.split(50, 5, 45, 30);
    assertThat(split[0]).isZero();
    assertThat(split[1]).isEqualTo(50.0);
  }
}
