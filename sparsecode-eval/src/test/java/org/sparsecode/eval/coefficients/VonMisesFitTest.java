package org.sparsecode.eval.coefficients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VonMisesFitTest {

  private static final double DEGREE = Math.PI / 180;

  /** The paper's model with (c, A₁, μ₁, κ₁, A₂, μ₂, κ₂). */
  static double model(double x, double c, double a1, double mu1, double k1, double a2, double mu2, double k2) {
    return c + a1 * Math.exp(k1 * (Math.cos(2 * (x - mu1)) - 1)) + a2 * Math.exp(k2 * (Math.cos(2 * (x - mu2)) - 1));
  }

  private static double[] grid(int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = Math.PI * i / n;
    }
    return t;
  }

  @Test
  void twoPeakActivityOver72OrientationsIsRecoveredWithinADegreeAndTenPercent() {
    // thin-dictionary-like grid (72 θ); peaks at 20° (κ 4) and 110° (κ 8), with 1 % seeded noise
    double[] theta = grid(72);
    double[] y = new double[theta.length];
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < y.length; i++) {
      y[i] = model(theta[i], 0.2, 1.0, 20 * DEGREE, 4, 0.6, 110 * DEGREE, 8) + 0.01 * (random.nextDouble() - 0.5);
    }
    VonMisesFit fit = VonMisesFit.fit(theta, y);
    assertThat(fit.mu1()).isCloseTo(20 * DEGREE, within(DEGREE));
    assertThat(fit.kappa1()).isCloseTo(4, within(0.4));
    assertThat(fit.amplitude1()).isCloseTo(1.0, within(0.05));
    assertThat(fit.mu2()).isCloseTo(110 * DEGREE, within(DEGREE));
    assertThat(fit.kappa2()).isCloseTo(8, within(0.8));
    assertThat(fit.amplitude2()).isCloseTo(0.6, within(0.05));
    assertThat(fit.baseline()).isCloseTo(0.2, within(0.02));
    assertThat(fit.rSquared()).isGreaterThan(0.99);
  }

  @Test
  void peakStraddlingZeroIsFoundModuloPi() {
    // orientation is π-periodic: a peak at 175° shows on both ends of [0, π)
    double[] theta = grid(36);
    double[] y = new double[theta.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = model(theta[i], 0.0, 1.0, 175 * DEGREE, 3, 0.5, 80 * DEGREE, 5);
    }
    VonMisesFit fit = VonMisesFit.fit(theta, y);
    assertThat(fit.mu1()).isCloseTo(175 * DEGREE, within(DEGREE));
    assertThat(fit.kappa1()).isCloseTo(3, within(0.3));
    assertThat(fit.mu2()).isCloseTo(80 * DEGREE, within(DEGREE));
    assertThat(fit.rSquared()).isGreaterThan(0.99);
  }

  @Test
  void kappaIsBoundedByTheNarrowestPeakTheSamplingResolves() {
    // ln 2 / (1 − cos 15°) for the 12 orientations of 'full', ln 2 / (1 − cos 2.5°) for the 72 of 'thin'
    assertThat(VonMisesFit.kappaBound(12)).isCloseTo(20.342, within(0.001));
    assertThat(VonMisesFit.kappaBound(72)).isCloseTo(728.27, within(0.01));
  }

  @Test
  void aCombOfTwelveSamplesGetsNoSpikeBetweenThem() {
    // every other orientation active (the 'full' dictionary's pattern at B_θ = 5°): an unbounded fit puts
    // κ ≈ 80–100 spikes between samples; the bound keeps both peaks resolvable
    double[] theta = grid(12);
    double[] y = new double[12];
    for (int i = 0; i < 12; i++) {
      y[i] = (i % 2 == 0 ? 0.12 : 0.05) + 0.01 * i / 12.0;
    }
    VonMisesFit fit = VonMisesFit.fit(theta, y);
    assertThat(fit.kappa1()).isLessThanOrEqualTo(VonMisesFit.kappaBound(12));
    assertThat(fit.kappa2()).isLessThanOrEqualTo(VonMisesFit.kappaBound(12));
  }

  @Test
  void flatActivityHasNoFit() {
    double[] theta = grid(12);
    double[] y = new double[12];
    java.util.Arrays.fill(y, 1.0 / 12);
    assertThat(VonMisesFit.fit(theta, y)).isEqualTo(VonMisesFit.EMPTY);
  }

  @Test
  void fewerOrientationsThanParametersHaveNoFit() {
    assertThat(VonMisesFit.fit(grid(6), new double[] {1, 2, 3, 2, 1, 0})).isEqualTo(VonMisesFit.EMPTY);
  }
}
