package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;

class NpzTest {
  @TempDir
  Path dir;

  @Test
  void roundTripKeepsNamesOrderShapesAndValues() {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("z", NpyArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
    arrays.put("a", NpyArray.of(new double[] {-0.5}, 1));
    Path file = dir.resolve("x.npz");
    Npz.write(file, arrays);
    Map<String, NpyArray> back = Npz.read(file);
    assertThat(back.keySet()).containsExactly("z", "a");
    assertThat(back).isEqualTo(arrays);
  }

  @Test
  void entriesCarryAFixedTimeSoTheBytesDependOnTheArraysOnly() throws IOException {
    Path file = dir.resolve("t.npz");
    Npz.write(file, Map.of("a", NpyArray.of(new double[] {1, 2}, 2)));
    try (var zip = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e = zip.getNextEntry();
      // the zip format's first representable moment, as NumPy's savez writes; the clock would change the bytes
      assertThat(e.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
    }
  }

  @Test
  void float32EntriesStayFloat32() {
    NpyArray f = new NpyArray(new int[] {2}, new double[] {0.5, (float) 0.1}, "<f4");
    Path file = dir.resolve("f.npz");
    Npz.write(file, Map.of("f", f));
    assertThat(Npz.read(file).get("f")).isEqualTo(f);
  }

  @Test
  void readsAnUncompressedArchiveAsNumpySavezWritesIt() throws IOException {
    // np.savez stores entries without compression (ZIP_STORED)
    byte[] npy = Npy.toBytes(new double[] {1, 2}, new int[] {2}, false);
    CRC32 crc = new CRC32();
    crc.update(npy);
    Path file = dir.resolve("stored.npz");
    try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
      ZipEntry e = new ZipEntry("D.npy");
      e.setMethod(ZipEntry.STORED);
      e.setSize(npy.length);
      e.setCompressedSize(npy.length);
      e.setCrc(crc.getValue());
      zip.putNextEntry(e);
      zip.write(npy);
      zip.closeEntry();
    }
    assertThat(Npz.read(file).get("D").data()).containsExactly(1, 2);
  }

  @Test
  void aFileThatIsNotAnArchiveIsAnErrorNamingTheFile() throws IOException {
    Path file = dir.resolve("plain.npz");
    Files.write(file, Npy.toBytes(new double[] {1}, new int[] {1}, false));
    assertThatThrownBy(() -> Npz.read(file))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aBadEntryIsAnErrorNamingTheArchiveAndTheEntry() throws IOException {
    Path file = dir.resolve("bad.npz");
    try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.putNextEntry(new ZipEntry("oops.npy"));
      zip.write("not an array".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    assertThatThrownBy(() -> Npz.read(file))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("oops.npy");
  }

  @Test
  void aDamagedCompressedEntryIsAnErrorNamingTheArchive() throws IOException {
    Path file = dir.resolve("d.npz");
    double[] v = new double[200];
    java.util.Arrays.setAll(v, i -> Math.sin(i));
    Npz.write(file, java.util.Map.of("D", NpyArray.of(v, 200)));
    byte[] bytes = Files.readAllBytes(file);
    // scramble the middle of the deflated data
    for (int i = 60; i < 90; i++) {
      bytes[i] ^= (byte) 0x5a;
    }
    Files.write(file, bytes);
    assertThatThrownBy(() -> Npz.read(file))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception"));
  }

  @Test
  void anEntryTwiceIsRefused() throws IOException {
    Path file = dir.resolve("twice.npz");
    byte[] a = Npy.toBytes(new double[] {1}, new int[] {1}, false);
    try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.putNextEntry(new ZipEntry("a.npy"));
      zip.write(a);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("a"));
      zip.write(a);
      zip.closeEntry();
    }
    assertThatThrownBy(() -> Npz.read(file))
        .isInstanceOf(SparsecodeException.class)
        .hasMessage(file + " is not a valid .npz archive: entry 'a' appears twice");
  }

  @Test
  void aMissingArchiveSaysSo() {
    Path file = dir.resolve("none.npz");
    assertThatThrownBy(() -> Npz.read(file)).hasMessage(file + " does not exist");
  }
}
