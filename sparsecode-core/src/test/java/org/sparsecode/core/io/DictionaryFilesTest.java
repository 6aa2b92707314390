package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;

class DictionaryFilesTest {
  @TempDir
  Path dir;

  private static Dictionary sample() {
    double[] v = new double[3 * 3 * 4];
    Arrays.setAll(v, i -> i + 0.25);
    return Dictionary.of(3, 4, v);
  }

  @Test
  void roundTripGivesTheSameKernels() {
    Path file = dir.resolve("d.npy");
    DictionaryFiles.write(file, sample());
    assertThat(DictionaryFiles.read(file)).isEqualTo(sample());
  }

  @Test
  void onDiskLayoutIsRowColKernelWithKernelIndexLast() {
    Dictionary d = sample();
    NpyArray a = DictionaryFiles.toArray(d);
    assertThat(a.shape()).containsExactly(3, 3, 4);
    for (int k = 0; k < 4; k++) {
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          assertThat(a.data()[(r * 3 + c) * 4 + k]).isEqualTo(d.get(k, r, c));
        }
      }
    }
  }

  @Test
  void theReferenceDictionaryIsReadKernelByKernel() {
    Path file = NpyTest.fixture("dict_full_D.npy");
    NpyArray raw = Npy.read(file);
    Dictionary d = DictionaryFiles.read(file);
    assertThat(d.size()).isEqualTo(12);
    assertThat(d.count()).isEqualTo(144);
    for (int k : new int[] {0, 1, 77, 143}) {
      for (int r = 0; r < 12; r++) {
        for (int c = 0; c < 12; c++) {
          assertThat(d.get(k, r, c)).isEqualTo(raw.data()[(r * 12 + c) * 144 + k]);
        }
      }
    }
  }

  @Test
  void aRankTwoArrayIsOneKernel() {
    Dictionary d = DictionaryFiles.fromArray(NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2), "one.npy");
    assertThat(d.count()).isEqualTo(1);
    assertThat(d.kernel(0)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void aRankOneArrayIsRejectedNamingTheFile() {
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(new double[] {1, 2}, 2), "v.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("v.npy")
        .hasMessageContaining("rank 1");
  }

  @Test
  void nonSquareKernelsAreRejected() {
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(new double[6], 2, 3, 1), "ns.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("ns.npy")
        .hasMessageContaining("square");
  }
}
