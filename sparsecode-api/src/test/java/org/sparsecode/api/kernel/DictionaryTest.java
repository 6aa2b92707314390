package org.sparsecode.api.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DictionaryTest {

  @Test
  void kernelsAreStoredKernelMajorRowMajor() {
    Dictionary d = Dictionary.of(2, 2, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThat(d.get(1, 1, 0)).isEqualTo(7);
    assertThat(d.kernel(1)).containsExactly(5, 6, 7, 8);
  }

  @Test
  void normIsTheEuclideanNormOfOneKernel() {
    Dictionary d = Dictionary.of(2, 1, new double[] {3, 0, 0, 4});
    assertThat(d.norm(0)).isEqualTo(5.0);
  }

  @Test
  void rejectsAnArrayOfTheWrongLength() {
    assertThatThrownBy(() -> Dictionary.of(3, 2, new double[10]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 values for 2 kernels of 3x3");
  }

  @Test
  void rejectsAKernelInfoListOfTheWrongLength() {
    assertThatThrownBy(() -> new Dictionary(1, 2, new double[2], List.of(KernelInfo.UNKNOWN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 KernelInfo for 2 kernels");
  }
}
