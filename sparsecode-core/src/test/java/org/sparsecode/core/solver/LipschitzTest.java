package org.sparsecode.core.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.TestFixtures;

class LipschitzTest {
  /** fista64_full_l1e-2.json, "lipschitz_true_max_f_sum_k_|Dhat_k(f)|^2" (numpy fft2 in float64). */
  private static final double FULL_64 = 2409.5323133516436;

  private static Dictionary full() {
    return TestFixtures.fullDictionary();
  }

  @Test
  void exactConstantOfTheFullDictionaryAt64MatchesTheFixtureTo1e12() {
    assertThat(Lipschitz.exact(full(), 64, 64)).isCloseTo(FULL_64, within(1e-12 * FULL_64));
  }

  @Test
  void exactConstantOfOneKernelIsTheMaximumOfItsSquaredSpectrum() {
    // d = [1, 1] on a 1x4 domain: D̂(f) = 1 + e^{-2πif/4}, |D̂|² = 2 + 2cos(πf/2), maximum 4 at f = 0.
    Dictionary d = Dictionary.of(2, 1, new double[] {1, 1, 0, 0});
    assertThat(Lipschitz.exact(d, 4, 4)).isCloseTo(4.0, within(1e-14));
  }

  @Test
  void powerIterationConvergesToTheExactConstantWithin1e3() {
    // The error falls as ~1/n here (a smooth spectral maximum): 400 iterations give -3.7e-4.
    double estimate = Lipschitz.powerIteration(full(), 64, 64, 400, 42L);
    assertThat(estimate).isCloseTo(FULL_64, within(1e-3 * FULL_64)).isLessThanOrEqualTo(FULL_64 * (1 + 1e-12));
  }

  @Test
  void powerIterationIsDeterministicForASeed() {
    assertThat(Lipschitz.powerIteration(full(), 32, 32, 5, 7L))
        .isEqualTo(Lipschitz.powerIteration(full(), 32, 32, 5, 7L));
  }

  @Test
  void powerIterationRejectsZeroIterations() {
    assertThatThrownBy(() -> Lipschitz.powerIteration(full(), 32, 32, 0, 1L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("iteration");
  }
}
