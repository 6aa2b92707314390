package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ComplexSpectra}: the conjugate product of interleaved spectra. */
class ComplexSpectraTest {
  @Test
  void conjugateTimesGivesConjOfTheFirstTimesTheSecondElementByElement() {
    // (1 + 2i)* (3 + 4i) = (1 - 2i)(3 + 4i) = 11 - 2i; (0 - 1i)* (2 + 0i) = 2i
    double[] a = {1, 2, 0, -1, 7, 7};
    double[] b = {3, 4, 2, 0, 1, 1};
    ComplexSpectra.conjugateTimes(a, b, 4);
    assertThat(a).containsExactly(11, -2, 0, 2, 7, 7);
  }
}
