package org.sparsecode.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

class ObjectiveTest {

  @Test
  void theGatherReconstructionEqualsSparseCodeReconstructOnARandomCodeOfAnOddShape() {
    SplittableRandom rng = new SplittableRandom(3);
    double[] kernels = new double[2 * 5 * 5];
    for (int i = 0; i < kernels.length; i++) {
      kernels[i] = rng.nextGaussian();
    }
    Dictionary d = Dictionary.of(5, 2, kernels);
    double[] dense = new double[2 * 7 * 9];
    for (int i = 0; i < dense.length; i += 4) {
      dense[i] = rng.nextGaussian();
    }
    SparseCode code = SparseCode.fromDense(2, 7, 9, dense);
    double[] expected = code.reconstruct(d);
    double[] got = Objective.reconstruct(d, code);
    for (int i = 0; i < got.length; i++) {
      assertThat(got[i]).as("pixel %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }

  @Test
  void oneAtomPlacesTheKernelAtItsPixelWrappingAround() {
    Dictionary d = Dictionary.of(2, 1, new double[] {1, 2, 3, 4});
    double[] dense = new double[9];
    dense[2 * 3 + 2] = 10;
    double[] r = Objective.reconstruct(d, SparseCode.fromDense(1, 3, 3, dense));
    assertThat(r).containsExactly(40, 0, 30, 0, 0, 0, 20, 0, 10);
  }

  @Test
  void theObjectiveIsHalfTheSquaredResidualPlusLambdaTimesTheL1Norm() {
    Dictionary d = Dictionary.of(1, 1, new double[] {2});
    Image s = Image.grey("s", 2, 1, new double[] {1, 3});
    SparseCode x = SparseCode.fromDense(1, 1, 2, new double[] {1, -1});
    // residual (2 - 1, -2 - 3) = (1, -5): ½ · 26 = 13; ℓ1 2
    assertThat(Objective.dataFidelity(d, s, x)).isEqualTo(13.0);
    assertThat(Objective.value(d, s, x, 0.5)).isEqualTo(14.0);
    assertThat(Objective.ofZero(s)).isEqualTo(5.0);
  }
}
