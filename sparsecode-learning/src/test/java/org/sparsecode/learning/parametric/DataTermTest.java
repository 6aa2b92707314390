package org.sparsecode.learning.parametric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;

class DataTermTest {

  private static SparseCode code(int count, int side, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] dense = new double[count * side * side];
    for (int i = 0; i < dense.length; i++) {
      if (rng.nextDouble() < 0.02) {
        dense[i] = rng.nextGaussian();
      }
    }
    return SparseCode.fromDense(count, side, side, dense);
  }

  private static Image image(int side, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] px = new double[side * side];
    for (int i = 0; i < px.length; i++) {
      px[i] = rng.nextGaussian();
    }
    return Image.grey("noise", side, side, px);
  }

  @Test
  void valueIsHalfTheSquaredResidualOfTheReconstruction() {
    Dictionary d = ParametricFixtures.dictionary(new double[] {0.4, 1.5}, new double[] {0.2, 0.5},
        new double[] {0, 1}, Normalisation.PEAK);
    SparseCode x = code(2, 32, 1);
    Image s = image(32, 2);
    double[] rec = x.reconstruct(d);
    double want = 0;
    for (int i = 0; i < rec.length; i++) {
      want += 0.5 * (rec[i] - s.pixels()[i]) * (rec[i] - s.pixels()[i]);
    }
    assertThat(DataTerm.evaluate(d, s, x, null)).isCloseTo(want, within(1e-9 * want));
  }

  @Test
  void parameterGradientMatchesCentralDifferencesOfTheDataTerm() {
    double[] thetas = {0.4, 1.5};
    double[] bs = {0.2, 0.5};
    double[] phases = {0.3, 1.0};
    for (Normalisation norm : Normalisation.values()) {
      Dictionary d = ParametricFixtures.dictionary(thetas, bs, phases, norm);
      SparseCode x = code(2, 32, 3);
      Image s = image(32, 4);
      double[] params = ParametricLogGabor.parameters(d);
      LogGaborJacobian gen = new LogGaborJacobian(12);
      double[] jac = new double[2 * 5 * 144];
      double[] one = new double[144];
      double[] j1 = new double[5 * 144];
      for (int k = 0; k < 2; k++) {
        gen.evaluate(ParametricLogGabor.info(params, k), norm, one, j1);
        assertThat(gen.switchMargin()).as("margin").isGreaterThan(1e-3);
        System.arraycopy(j1, 0, jac, k * 5 * 144, 5 * 144);
      }
      double[] pixel = new double[2 * 144];
      DataTerm.evaluate(ParametricLogGabor.dictionary(gen, norm, params, 2), s, x, pixel);
      double[] g = ParametricLogGabor.parameterGradient(params, jac, pixel, 144);
      for (int i = 0; i < params.length; i++) {
        int a = i % 5;
        double u = ParametricLogGabor.toUnconstrained(a, params[i]);
        double h = 1e-6;
        double[] plus = params.clone();
        plus[i] = ParametricLogGabor.fromUnconstrained(a, u + h);
        double[] minus = params.clone();
        minus[i] = ParametricLogGabor.fromUnconstrained(a, u - h);
        double fp = DataTerm.evaluate(ParametricLogGabor.dictionary(gen, norm, plus, 2), s, x, null);
        double fm = DataTerm.evaluate(ParametricLogGabor.dictionary(gen, norm, minus, 2), s, x, null);
        double fd = (fp - fm) / (2 * h);
        assertThat(g[i]).as("%s parameter %d (%s)", norm, i, LogGaborJacobian.NAMES[a])
            .isCloseTo(fd, within(1e-6 * Math.abs(fd) + 1e-7));
      }
    }
  }
}
