package org.sparsecode.api.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sparsecode.api.kernel.Dictionary;

class SparseCodeTest {

  @Test
  void denseRoundTripKeepsEveryNonZeroAndItsPosition() {
    double[] dense = new double[2 * 3 * 4];
    dense[5] = 1.5;
    dense[17] = -2.0;
    SparseCode code = SparseCode.fromDense(2, 3, 4, dense);
    assertThat(code.nonZeros()).isEqualTo(2);
    assertThat(code.indices()).containsExactly(5, 17);
    assertThat(code.toDense()).containsExactly(dense);
  }

  @Test
  void sparsenessIsOneMinusNonZerosOverSize() {
    double[] dense = new double[100];
    dense[3] = 1;
    dense[50] = 2;
    assertThat(SparseCode.fromDense(1, 10, 10, dense).sparseness()).isEqualTo(0.98);
  }

  @Test
  void l1SumsAbsoluteValues() {
    double[] dense = {0, -1.5, 2.0, 0};
    assertThat(SparseCode.fromDense(1, 2, 2, dense).l1()).isEqualTo(3.5);
  }

  @Test
  void thresholdDropsOnlyCoefficientsBelowTheCutoff() {
    double[] dense = {0.1, -0.5, 0.05, 0.3};
    SparseCode cut = SparseCode.fromDense(1, 2, 2, dense).threshold(0.3);
    assertThat(cut.toDense()).containsExactly(0, -0.5, 0, 0.3);
  }

  @Test
  void singleCoefficientPlacesTheKernelTopLeftAtItsPixelWithCircularWrap() {
    // 2x2 kernel [[1, 2], [3, 4]] at (y, x) = (2, 2) of a 3x3 map: rows and columns wrap to 0.
    Dictionary d = Dictionary.of(2, 1, new double[] {1, 2, 3, 4});
    double[] dense = new double[9];
    dense[2 * 3 + 2] = 10;
    double[] rec = SparseCode.fromDense(1, 3, 3, dense).reconstruct(d);
    assertThat(rec).containsExactly(40, 0, 30, 0, 0, 0, 20, 0, 10);
  }

  @Test
  void reconstructionIsLinearInTheCode() {
    Dictionary d = Dictionary.of(2, 2, new double[] {1, -1, 0.5, 2, 0, 3, -2, 1});
    double[] a = new double[2 * 4 * 4];
    double[] b = new double[2 * 4 * 4];
    a[3] = 1.0;
    a[20] = -2.0;
    b[7] = 0.5;
    double[] sum = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    double[] ra = SparseCode.fromDense(2, 4, 4, a).reconstruct(d);
    double[] rb = SparseCode.fromDense(2, 4, 4, b).reconstruct(d);
    double[] rs = SparseCode.fromDense(2, 4, 4, sum).reconstruct(d);
    for (int i = 0; i < rs.length; i++) {
      assertThat(rs[i]).isCloseTo(ra[i] + rb[i], within(1e-15));
    }
  }

  @Test
  void rejectsIndicesThatAreNotIncreasing() {
    assertThatThrownBy(() -> new SparseCode(1, 2, 2, new int[] {2, 1}, new double[] {1, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not increasing");
  }

  @Test
  void rejectsADictionaryWithAnotherKernelCount() {
    SparseCode code = SparseCode.fromDense(2, 2, 2, new double[8]);
    assertThatThrownBy(() -> code.reconstruct(Dictionary.of(1, 1, new double[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 maps");
  }
}
