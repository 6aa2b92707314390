package org.sparsecode.eval.coefficients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.kernel.LogGaborPlugin;
import org.sparsecode.core.kernel.LogGaborSettings;
import org.sparsecode.eval.coefficients.OrientationActivity.Group;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;

class OrientationActivityTest {

  private static final double DEGREE = Math.PI / 180;
  private static final int SIDE = 4;

  /** The paper's 'full' dictionary: 12 θ × 6 B_θ × 2 phases = 144 kernels. */
  private static Dictionary full;

  @BeforeAll
  static void generateFullDictionary() {
    full = LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate();
  }

  /** A code of the full dictionary (SIDE × SIDE maps) with one coefficient per kernel, or 0 where 0. */
  private static SparseCode onePerKernel(double[] perKernel) {
    double[] dense = new double[full.count() * SIDE * SIDE];
    for (int k = 0; k < full.count(); k++) {
      dense[k * SIDE * SIDE + (k % (SIDE * SIDE))] = perKernel[k];
    }
    return SparseCode.fromDense(full.count(), SIDE, SIDE, dense);
  }

  private static SparseCode seededCode(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] dense = new double[full.count() * SIDE * SIDE];
    for (int i = 0; i < dense.length; i++) {
      if (random.nextDouble() < 0.2) {
        dense[i] = random.nextGaussian();
      }
    }
    return SparseCode.fromDense(full.count(), SIDE, SIDE, dense);
  }

  @Test
  void fullDictionaryGroupsIntoSixBandwidthsOfTwelveOrientations() {
    OrientationActivity a = OrientationActivity.of(full, seededCode(1), Measure.COUNT);
    assertThat(a.groups()).hasSize(6);
    for (int g = 0; g < 6; g++) {
      Group group = a.groups().get(g);
      // B_θ = kπ/36, k = 1..6 (LogGaborSettings' full preset)
      assertThat(group.bTheta()).isCloseTo((g + 1) * Math.PI / 36, within(1e-12));
      assertThat(group.thetas()).hasSize(12);
      for (int i = 1; i < 12; i++) {
        assertThat(group.thetas()[i]).isGreaterThan(group.thetas()[i - 1]);
      }
    }
  }

  @Test
  void countActivitySumsThePhasesOfEachOrientation() {
    SparseCode code = seededCode(2);
    OrientationActivity a = OrientationActivity.of(full, code, Measure.COUNT);
    // the total count over all groups is the code's non-zero count, and each (θ, B_θ) cell counts its
    // two phases' kernels
    double sum = 0;
    for (Group g : a.groups()) {
      for (double v : g.activity()) {
        sum += v;
      }
    }
    assertThat(sum).isEqualTo(code.nonZeros());
    KernelInfo first = full.info().get(0);
    int plane = SIDE * SIDE;
    double expected = 0;
    for (int n = 0; n < code.nonZeros(); n++) {
      KernelInfo info = full.info().get(code.indices()[n] / plane);
      if (Math.abs(info.theta() - first.theta()) < 1e-9 && Math.abs(info.bTheta() - first.bTheta()) < 1e-9) {
        expected++;
      }
    }
    Group g0 = a.groups().stream().filter(g -> Math.abs(g.bTheta() - first.bTheta()) < 1e-9).findFirst()
        .orElseThrow();
    int t = 0;
    while (Math.abs(g0.thetas()[t] - VonMisesFit.wrap(first.theta())) > 1e-9) {
      t++;
    }
    assertThat(g0.activity()[t]).isEqualTo(expected);
  }

  @Test
  void energyOverBandwidthsSumsToTheCodesTotalEnergy() {
    SparseCode code = seededCode(3);
    OrientationActivity a = OrientationActivity.of(full, code, Measure.ABS_SUM);
    double energy = 0;
    for (double v : code.values()) {
      energy += v * v;
    }
    double groups = 0;
    double fractions = 0;
    for (int g = 0; g < a.groups().size(); g++) {
      groups += a.groups().get(g).energy();
      fractions += a.energyFractions()[g];
    }
    assertThat(a.totalEnergy()).isCloseTo(energy, within(1e-12 * energy));
    assertThat(groups).isCloseTo(energy, within(1e-12 * energy));
    assertThat(fractions).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void twoPeakActivityPlacedOnTheFullDictionaryIsRecoveredPerBandwidth() {
    // Σ|x| per θ = the model at θ (split over the two phases); peaks at 33° (κ 2) and 121° (κ 5), off the
    // 15° grid; normalisation scales c and A only, so the fit of the normalised activity (12 θ, noise-free)
    // must give back μ and κ
    double[] perKernel = new double[full.count()];
    for (int k = 0; k < full.count(); k++) {
      double theta = full.info().get(k).theta();
      perKernel[k] = 0.5 * VonMisesFitTest.model(theta, 0.1, 1.0, 33 * DEGREE, 2, 0.7, 121 * DEGREE, 5);
    }
    OrientationActivity a = OrientationActivity.of(full, onePerKernel(perKernel), Measure.ABS_SUM);
    for (Group g : a.groups()) {
      VonMisesFit fit = g.fit();
      assertThat(fit.mu1()).isCloseTo(33 * DEGREE, within(DEGREE));
      assertThat(fit.kappa1()).isCloseTo(2, within(0.2));
      assertThat(fit.mu2()).isCloseTo(121 * DEGREE, within(DEGREE));
      assertThat(fit.kappa2()).isCloseTo(5, within(0.5));
      assertThat(fit.rSquared()).isGreaterThan(0.99);
    }
  }

  @Test
  void emptyCodeHasZeroActivityZeroEnergyAndNanFits() {
    SparseCode empty = new SparseCode(full.count(), SIDE, SIDE, new int[0], new double[0]);
    OrientationActivity a = OrientationActivity.pooled(full, List.of(empty), Measure.COUNT);
    assertThat(a.totalEnergy()).isZero();
    assertThat(a.energyFractions()).containsOnly(0.0);
    for (Group g : a.groups()) {
      assertThat(g.activity()).containsOnly(0.0);
      assertThat(g.normalised()).containsOnly(0.0);
      assertThat(g.fit()).isEqualTo(VonMisesFit.EMPTY);
    }
  }

  @Test
  void dictionaryWithoutOrientationsIsRejected() {
    Dictionary unknown = Dictionary.of(2, 3, new double[12]);
    SparseCode code = new SparseCode(3, 2, 2, new int[] {0}, new double[] {1});
    assertThatThrownBy(() -> OrientationActivity.of(unknown, code, Measure.COUNT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel 0");
  }
}
