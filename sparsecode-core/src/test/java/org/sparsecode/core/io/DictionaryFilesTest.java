package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
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
  void aRankTwoArrayIsRefusedWithTheShapeExpectedAndHowToAddTheKernelAxis() {
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2), "one.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("one.npy: ")
        .hasMessageContaining("(k, k, K)")
        .hasMessageContaining("rank 2, shape (2, 2)")
        .hasMessageContaining("a[:, :, None]");
  }

  @Test
  void aSingleKernelWithItsThirdAxisIsRead() {
    Dictionary d = DictionaryFiles.fromArray(NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2, 1), "one.npy");
    assertThat(d.count()).isEqualTo(1);
    assertThat(d.kernel(0)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void anAllZeroKernelIsRefusedNamingItsIndexInTheFileLayout() {
    // 2 kernels of 2x2, kernel index last: kernel 1 is all zeros
    double[] v = {1, 0, 2, 0, 3, 0, 4, 0};
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(v, 2, 2, 2), "z.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("z.npy: kernel 1 of 2 (the array's [:, :, 1]) is all zeros");
  }

  @Test
  void aNanValueIsRefusedNamingItsPosition() {
    double[] v = {1, 5, 2, 6, 3, Double.NaN, 4, 8};
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(v, 2, 2, 2), "n.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("n.npy: kernel 1 of 2 (the array's [:, :, 1]) holds NaN at [1, 0, 1]")
        .hasMessageContaining("finite");
  }

  @Test
  void anInfiniteValueIsRefusedNamingItsPosition() {
    double[] v = {Double.NEGATIVE_INFINITY, 5, 2, 6, 3, 7, 4, 8};
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(v, 2, 2, 2), "i.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("kernel 0 of 2 (the array's [:, :, 0]) holds -Infinity at [0, 0, 0]");
  }

  @Test
  void anEmptyDictionaryIsRefused() {
    assertThatThrownBy(() -> DictionaryFiles.fromArray(NpyArray.of(new double[0], 4, 4, 0), "e.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("empty dictionary, shape (4, 4, 0)");
  }

  @Test
  void aFortranOrderFileGivesTheSameDictionaryAsItsCOrderTwin() throws IOException {
    // numpy.asfortranarray of the same (2, 2, 2) array: the bytes list the first index fastest
    double[] c = {1, 5, 2, 6, 3, 7, 4, 8};
    double[] f = new double[8];
    for (int r = 0; r < 2; r++) {
      for (int col = 0; col < 2; col++) {
        for (int j = 0; j < 2; j++) {
          f[(j * 2 + col) * 2 + r] = c[(r * 2 + col) * 2 + j];
        }
      }
    }
    Path file = dir.resolve("fortran.npy");
    Files.write(file, NpyTest.npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2, 2), }",
        NpyTest.doubles(ByteOrder.LITTLE_ENDIAN, f)));
    assertThat(DictionaryFiles.read(file)).isEqualTo(DictionaryFiles.fromArray(NpyArray.of(c, 2, 2, 2), "c"));
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
