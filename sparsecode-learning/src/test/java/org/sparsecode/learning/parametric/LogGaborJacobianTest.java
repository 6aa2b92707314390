package org.sparsecode.learning.parametric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.LogGaborKernels;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;

class LogGaborJacobianTest {
  private static final long SEED = 20261205L;
  /** A relative gap below this counts as near a switch: a central difference of step h may cross it. */
  private static final double MIN_MARGIN = 1e-3;

  @Test
  void kernelValuesEqualTheGeneratorsUnderBothNormalisations() {
    LogGaborJacobian jac = new LogGaborJacobian(12);
    LogGaborKernels gen = LogGaborKernels.ofSize(12);
    double[] k = new double[144];
    for (Normalisation norm : Normalisation.values()) {
      KernelInfo p = new KernelInfo(0.7, 0.3, 1.1, 0.35, 0.45);
      jac.evaluate(p, norm, k, new double[5 * 144]);
      double[] want = gen.kernel(p, norm);
      for (int i = 0; i < 144; i++) {
        assertEquals(want[i], k[i], 1e-13, norm + " pixel " + i);
      }
    }
  }

  /**
   * Analytic derivatives against central differences (step 1e-6 of the parameter's scale, error O(h²) ≈
   * 1e-12 relative), at random points whose selection margin exceeds {@value #MIN_MARGIN}: the relative error
   * ‖J − J_fd‖ / ‖J‖ per parameter must be below 1e-6.
   */
  @TestFactory
  List<DynamicTest> derivativesMatchCentralDifferencesAwayFromASwitch() {
    int runs = Integer.getInteger("fuzz.runs", 40);
    List<DynamicTest> tests = new ArrayList<>();
    SplittableRandom base = new SplittableRandom(SEED);
    for (int r = 0; r < runs; r++) {
      long seed = base.nextLong();
      tests.add(DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }
    return tests;
  }

  /** Many more points (run with -Pslow). */
  @Test
  @Tag("slow")
  void derivativesMatchCentralDifferencesAtManyPoints() {
    SplittableRandom base = new SplittableRandom(SEED + 2);
    for (int r = 0; r < 5000; r++) {
      check(base.nextLong());
    }
  }

  private static void check(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int size = rng.nextBoolean() ? 12 : 8;
    Normalisation norm = rng.nextBoolean() ? Normalisation.PEAK : Normalisation.UNIT_L2;
    KernelInfo p = new KernelInfo(rng.nextDouble(0, 2 * Math.PI), rng.nextDouble(0.08, 0.8),
        rng.nextDouble(0, 2 * Math.PI), rng.nextDouble(0.15, 0.45), rng.nextDouble(0.25, 0.8));
    LogGaborJacobian jac = new LogGaborJacobian(size);
    int nn = size * size;
    double[] k = new double[nn];
    double[] j = new double[5 * nn];
    jac.evaluate(p, norm, k, j);
    if (jac.switchMargin() < MIN_MARGIN) {
      return; // near a switch: the one-sided derivatives differ (counted by the margin test below)
    }
    double[] plus = new double[nn];
    double[] minus = new double[nn];
    for (int a = 0; a < 5; a++) {
      double[] v = {p.theta(), p.bTheta(), p.sf0(), p.bsf(), p.phase()};
      double h = 1e-6 * Math.max(1.0, Math.abs(v[a]));
      v[a] += h;
      jac.evaluate(info(v), norm, plus, null);
      v[a] -= 2 * h;
      jac.evaluate(info(v), norm, minus, null);
      double err = 0;
      double ref = 0;
      for (int i = 0; i < nn; i++) {
        double fd = (plus[i] - minus[i]) / (2 * h);
        err += (fd - j[a * nn + i]) * (fd - j[a * nn + i]);
        ref += j[a * nn + i] * j[a * nn + i];
      }
      assertTrue(Math.sqrt(err) <= 1e-6 * Math.sqrt(ref) + 1e-9,
          "seed " + seed + " " + norm + " " + LogGaborJacobian.NAMES[a] + ": |J - fd| = " + Math.sqrt(err)
              + ", |J| = " + Math.sqrt(ref));
    }
  }

  /** The skip above must be rare, or the derivative test would test little: count the margins of 200 points. */
  @Test
  void mostRandomPointsAreFarFromASwitch() {
    SplittableRandom rng = new SplittableRandom(SEED + 1);
    LogGaborJacobian jac = new LogGaborJacobian(12);
    double[] k = new double[144];
    int far = 0;
    for (int r = 0; r < 200; r++) {
      KernelInfo p = new KernelInfo(rng.nextDouble(0, 2 * Math.PI), rng.nextDouble(0.08, 0.8),
          rng.nextDouble(0, 2 * Math.PI), rng.nextDouble(0.15, 0.45), rng.nextDouble(0.25, 0.8));
      jac.evaluate(p, rng.nextBoolean() ? Normalisation.PEAK : Normalisation.UNIT_L2, k, null);
      if (jac.switchMargin() >= MIN_MARGIN) {
        far++;
      }
    }
    assertTrue(far >= 180, far + " of 200 random points are at least " + MIN_MARGIN + " from a switch");
  }

  private static KernelInfo info(double[] v) {
    return new KernelInfo(v[0], v[1], v[4], v[2], v[3]);
  }
}
