package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

class NpyFilePluginTest {
  @TempDir
  Path dir;

  private Dictionary load(String path) {
    PluginContext context = new PluginContext(0L, Precision.FLOAT64, 1, dir);
    return new NpyFilePlugin().create(new NpyFileSettings(path), context).generate();
  }

  @Test
  void readsADictionaryRelativeToTheBaseDirectory() {
    Dictionary d = Dictionary.of(3, 2, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18});
    DictionaryFiles.write(dir.resolve("sub/d.npy"), d);
    assertThat(load("sub/d.npy").kernels()).containsExactly(d.kernels());
  }

  @Test
  void readsTheReferenceFullDictionaryByAbsolutePath() {
    Dictionary d = load(TestFixtures.path("dict_full_D.npy").toAbsolutePath().toString());
    assertThat(d.size()).isEqualTo(12);
    assertThat(d.count()).isEqualTo(144);
  }

  @Test
  void aMissingFileIsAConfigErrorNamingTheFile() {
    assertThatThrownBy(() -> load("nope.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path:")
        .hasMessageContaining(dir.resolve("nope.npy").toString());
  }

  @Test
  void aRankOneArrayIsRejectedNamingTheFile() {
    Npy.write(dir.resolve("v.npy"), NpyArray.of(new double[] {1, 2, 3}, 3));
    assertThatThrownBy(() -> load("v.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path:")
        .hasMessageContaining("v.npy")
        .hasMessageContaining("rank 1");
  }

  @Test
  void aRankFourArrayIsRejectedNamingTheFile() {
    Npy.write(dir.resolve("r4.npy"), NpyArray.of(new double[16], 2, 2, 2, 2));
    assertThatThrownBy(() -> load("r4.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path:")
        .hasMessageContaining("r4.npy")
        .hasMessageContaining("rank 4");
  }

  @Test
  void nonSquareKernelsAreRejectedNamingTheFile() {
    Npy.write(dir.resolve("ns.npy"), NpyArray.of(new double[24], 3, 4, 2));
    assertThatThrownBy(() -> load("ns.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path:")
        .hasMessageContaining("ns.npy")
        .hasMessageContaining("square");
  }

  @Test
  void aFileThatIsNotNpyIsRejectedNamingTheFile() throws IOException {
    Files.writeString(dir.resolve("text.npy"), "hello, not numpy");
    assertThatThrownBy(() -> load("text.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("text.npy");
  }

  @Test
  void aMissingPathIsRequired() {
    assertThatThrownBy(() -> new NpyFileSettings(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path:");
  }

  @Test
  void aTwoDimensionalArrayIsRefusedWithTheLayoutExpected() {
    Npy.write(dir.resolve("k.npy"), NpyArray.of(new double[] {1, 2, 3, 4}, 2, 2));
    assertThatThrownBy(() -> load("k.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path: " + dir.resolve("k.npy") + ": a dictionary must be a (k, k, K) array"
            + " (kernel index last), got a 2-D array of rank 2, shape (2, 2)");
  }

  @Test
  void anAllZeroKernelIsRefusedWhenTheFileIsLoadedNotAtTheFirstIteration() {
    double[] v = new double[2 * 2 * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 3 == 2 ? 0 : i + 1;
    }
    Npy.write(dir.resolve("z.npy"), NpyArray.of(v, 2, 2, 3));
    PluginContext context = new PluginContext(0L, Precision.FLOAT64, 1, dir);
    assertThatThrownBy(() -> new NpyFilePlugin().create(new NpyFileSettings("z.npy"), context))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path: " + dir.resolve("z.npy") + ": kernel 2 of 3 (the array's [:, :, 2]) is all"
            + " zeros");
  }

  @Test
  void aNanKernelIsRefusedNamingItsPosition() {
    double[] v = {1, 2, 3, Double.NaN, 5, 6, 7, 8};
    Npy.write(dir.resolve("nan.npy"), NpyArray.of(v, 2, 2, 2));
    assertThatThrownBy(() -> load("nan.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kernel 1 of 2 (the array's [:, :, 1]) holds NaN at [0, 1, 1]");
  }

  @Test
  void aComplexDictionaryIsRefusedNamingTheDtype() throws IOException {
    Files.write(dir.resolve("c.npy"), org.sparsecode.core.io.NpyTestFiles.npy(
        "{'descr': '<c16', 'fortran_order': False, 'shape': (1, 1, 1), }", new byte[16]));
    assertThatThrownBy(() -> load("c.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unsupported dtype '<c16': complex values; save the real part (numpy: a.real)");
  }

  @Test
  void aDirectoryIsNotADictionaryFile() throws IOException {
    Files.createDirectory(dir.resolve("d.npy"));
    assertThatThrownBy(() -> load("d.npy"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("path: " + dir.resolve("d.npy") + " is a directory, not a .npy dictionary file");
  }
}
