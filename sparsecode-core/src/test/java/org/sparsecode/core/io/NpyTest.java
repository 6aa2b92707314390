package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;

class NpyTest {
  @TempDir
  Path dir;

  static Path fixture(String name) {
    try {
      return Path.of(NpyTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A .npy file, format 1.0, with the given header dict and raw little- or big-endian data bytes. */
  static byte[] npyBytes(String dict, byte[] data) {
    int unpadded = 10 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(header.length() & 0xff);
    out.write(header.length() >> 8);
    out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(data);
    return out.toByteArray();
  }

  static byte[] doubles(ByteOrder order, double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
    for (double v : values) {
      b.putDouble(v);
    }
    return b.array();
  }

  @Test
  void readsTheReferenceFrequencyGrid() {
    NpyArray a = Npy.read(fixture("lg12_grid_fx.npy"));
    assertThat(a.shape()).containsExactly(12, 12);
    assertThat(a.dtype()).isEqualTo("<f8");
    // SLIP f_x[i, j] = (i - 6)/12 (fixtures README section 1)
    assertThat(a.data()[0]).isEqualTo(-0.5);
    assertThat(a.data()[11 * 12 + 5]).isEqualTo(5 / 12.0);
    assertThat(a.data()[5]).isEqualTo(-0.5);
  }

  @Test
  void readsTheReferenceDictionaryShape() {
    NpyArray a = Npy.read(fixture("dict_full_D.npy"));
    assertThat(a.shape()).containsExactly(12, 12, 144);
  }

  @Test
  void float64RoundTripIsBitExact() {
    double[] v = {0.1, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, 1e-300};
    Path file = dir.resolve("a.npy");
    Npy.write(file, NpyArray.of(v, 7));
    NpyArray back = Npy.read(file);
    assertThat(back.shape()).containsExactly(7);
    assertThat(back.dtype()).isEqualTo("<f8");
    for (int i = 0; i < v.length; i++) {
      assertThat(Double.doubleToRawLongBits(back.data()[i])).isEqualTo(Double.doubleToRawLongBits(v[i]));
    }
  }

  @Test
  void float32RoundTripKeepsTheFloatValues() {
    double[] v = {0.1, -2.5, 1e-3, 3.0e38, 7};
    Path file = dir.resolve("f.npy");
    Npy.writeFloat32(file, v, 5, 1);
    NpyArray back = Npy.read(file);
    assertThat(back.dtype()).isEqualTo("<f4");
    assertThat(back.shape()).containsExactly(5, 1);
    for (int i = 0; i < v.length; i++) {
      assertThat(back.data()[i]).isEqualTo((double) (float) v[i]);
    }
  }

  @Test
  void multiDimensionalRoundTripKeepsShapeAndCOrder() {
    double[] v = new double[2 * 3 * 4];
    Arrays.setAll(v, i -> i * 0.5);
    Path file = dir.resolve("m.npy");
    Npy.write(file, NpyArray.of(v, 2, 3, 4));
    assertThat(Npy.read(file)).isEqualTo(NpyArray.of(v, 2, 3, 4));
  }

  @Test
  void scalarRoundTrip() {
    Path file = dir.resolve("s.npy");
    Npy.write(file, NpyArray.of(new double[] {3.25}));
    NpyArray back = Npy.read(file);
    assertThat(back.rank()).isZero();
    assertThat(back.data()).containsExactly(3.25);
  }

  @Test
  void writtenHeaderIsVersionOneAndSixtyFourByteAligned() {
    byte[] bytes = Npy.toBytes(new double[] {1, 2}, new int[] {2}, false);
    assertThat(bytes[6]).isEqualTo((byte) 1);
    int headerLength = (bytes[8] & 0xff) | ((bytes[9] & 0xff) << 8);
    assertThat((10 + headerLength) % 64).isZero();
    assertThat(bytes[10 + headerLength - 1]).isEqualTo((byte) '\n');
    String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
    assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }");
    assertThat(bytes).hasSize(10 + headerLength + 16);
  }

  @Test
  void readsAFortranOrderArrayIntoCOrder() throws IOException {
    // A = [[1, 2, 3], [4, 5, 6]] stored column-major: 1, 4, 2, 5, 3, 6
    byte[] file = npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }",
        doubles(ByteOrder.LITTLE_ENDIAN, 1, 4, 2, 5, 3, 6));
    Path p = dir.resolve("fortran.npy");
    Files.write(p, file);
    NpyArray a = Npy.read(p);
    assertThat(a.shape()).containsExactly(2, 3);
    assertThat(a.data()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void readsAThreeDimensionalFortranOrderArray() throws IOException {
    // shape (2, 2, 2), element [i][j][k] = 100 i + 10 j + k; Fortran order: i fastest, then j, then k
    double[] f = new double[8];
    int n = 0;
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < 2; j++) {
        for (int i = 0; i < 2; i++) {
          f[n++] = 100 * i + 10 * j + k;
        }
      }
    }
    Path p = dir.resolve("f3.npy");
    Files.write(p, npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2, 2), }",
        doubles(ByteOrder.LITTLE_ENDIAN, f)));
    assertThat(Npy.read(p).data()).containsExactly(0, 1, 10, 11, 100, 101, 110, 111);
  }

  @Test
  void readsBigEndianFloat64() throws IOException {
    Path p = dir.resolve("be.npy");
    Files.write(p, npyBytes("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }",
        doubles(ByteOrder.BIG_ENDIAN, 1.5, -2.25)));
    assertThat(Npy.read(p).data()).containsExactly(1.5, -2.25);
  }

  @Test
  void readsUnsignedBytes() throws IOException {
    Path p = dir.resolve("u1.npy");
    Files.write(p, npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }",
        new byte[] {0, 127, (byte) 255}));
    assertThat(Npy.read(p).data()).containsExactly(0, 127, 255);
  }

  @Test
  void readsInt32() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(-7).putInt(1 << 20);
    Path p = dir.resolve("i4.npy");
    Files.write(p, npyBytes("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", b.array()));
    assertThat(Npy.read(p).data()).containsExactly(-7, 1 << 20);
  }

  @Test
  void aBadMagicStringIsAnErrorNamingTheFile() throws IOException {
    Path p = dir.resolve("bad.npy");
    Files.write(p, "PK\u0003\u0004 this is a zip, say".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("magic");
  }

  @Test
  void aTruncatedFileIsAnErrorNamingTheFile() throws IOException {
    byte[] full = Npy.toBytes(new double[] {1, 2, 3, 4}, new int[] {4}, false);
    Path p = dir.resolve("short.npy");
    Files.write(p, Arrays.copyOf(full, full.length - 5));
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("truncated");
  }

  @Test
  void aFileCutInsideTheHeaderIsTruncated() throws IOException {
    byte[] full = Npy.toBytes(new double[] {1}, new int[] {1}, false);
    Path p = dir.resolve("header.npy");
    Files.write(p, Arrays.copyOf(full, 20));
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aMissingFileIsAnErrorNamingTheFile() {
    Path p = dir.resolve("absent.npy");
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(p.toString());
  }

  @Test
  void anUnsupportedDtypeIsNamed() throws IOException {
    Path p = dir.resolve("c16.npy");
    Files.write(p, npyBytes("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]));
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("c16")
        .hasMessageContaining(p.toString());
  }

  @Test
  void anArrayTooLargeForOneJavaArrayIsAClearError() throws IOException {
    // 400 million float64 values = 3.2 GB: must be refused before allocating
    Path p = dir.resolve("huge.npy");
    Files.write(p, npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (20000, 20000), }", new byte[0]));
    assertThatThrownBy(() -> Npy.read(p))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(p.toString())
        .hasMessageContaining("too large");
  }

  @Test
  void aHeaderLengthBeyondTheCapIsRefusedBeforeAllocating() throws IOException {
    // version 2.0: a 4-byte header length, here 0x7fffffff
    Path p = dir.resolve("hl.npy");
    Files.write(p, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff,
        0x7f});
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessage(p + ": corrupt .npy header: it claims 2147483647 bytes (at most 1048576 are read)");
  }

  @Test
  void aShapeWhoseProductOverflowsIsTooLargeNotNegative() throws IOException {
    Path p = dir.resolve("ovf.npy");
    Files.write(p, npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647, "
        + "2147483647, 8), }", new byte[0]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith(p + ": array of shape (2147483647, 2147483647, 2147483647, 8) is too large");
  }

  @Test
  void aLargeShapeWithoutItsDataIsTruncatedWithoutAllocatingIt() throws IOException {
    // 100 million float64 values announced (800 MB), none present: refused from the file's length
    Path p = dir.resolve("big.npy");
    Files.write(p, npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (10000, 10000), }", new byte[8]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessage(p + ": truncated .npy file: its header announces a <f8 array of shape (10000, 10000)"
            + " (800000000 data bytes) but only 8 bytes follow the header");
  }

  @Test
  void aStreamShorterThanItsHeaderAnnouncesIsTruncated() {
    byte[] bytes = npyBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", new byte[5]);
    assertThatThrownBy(() -> Npy.read(new java.io.ByteArrayInputStream(bytes), "s.npy"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessage("s.npy: truncated .npy file: its header announces a <f4 array of shape (3,) (12 data bytes)"
            + " but only 5 bytes follow the header");
  }

  @Test
  void stringsObjectsAndQuadFloatsAreNamedAsSuch() throws IOException {
    String[][] cases = {{"<U3", "strings, not numbers"}, {"|O", "Python objects"}, {"<f16", "a float size other"}};
    for (String[] c : cases) {
      Path p = dir.resolve("t.npy");
      Files.write(p, npyBytes("{'descr': '" + c[0] + "', 'fortran_order': False, 'shape': (1,), }", new byte[16]));
      assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
          .hasMessageContaining("unsupported dtype '" + c[0] + "': " + c[1]);
    }
  }

  @Test
  void halfFloatsAreReadExactly() throws IOException {
    // 1.0, -2.0, 65504 (the largest half), 2^-24 (the smallest subnormal), 0.333251953125 (0x3555), -0.0
    byte[] data = {0x00, 0x3c, 0x00, (byte) 0xc0, (byte) 0xff, 0x7b, 0x01, 0x00, 0x55, 0x35, 0x00, (byte) 0x80};
    Path p = dir.resolve("half.npy");
    Files.write(p, npyBytes("{'descr': '<f2', 'fortran_order': False, 'shape': (6,), }", data));
    assertThat(Npy.read(p).data()).containsExactly(1.0, -2.0, 65504.0, 0x1p-24, 0.333251953125, -0.0);
  }

  @Test
  void aByteOrderCharacterOutsideNumpysIsRefused() throws IOException {
    Path p = dir.resolve("bo.npy");
    Files.write(p, npyBytes("{'descr': 'xf8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("unsupported dtype 'xf8'");
  }

  @Test
  void aStructuredArrayIsRefusedAsSuch() throws IOException {
    Path p = dir.resolve("st.npy");
    Files.write(p, npyBytes("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("structured array");
  }

  @Test
  void aHeaderThatIsNotADictIsCorrupt() throws IOException {
    Path p = dir.resolve("nd.npy");
    Files.write(p, npyBytes("descr <f8 shape 3", new byte[24]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessage(p + ": corrupt .npy header: expected a Python dict {...}, got 'descr <f8 shape 3'");
  }

  @Test
  void aShapeWithAnEmptyMiddleDimensionIsBad() throws IOException {
    Path p = dir.resolve("sh.npy");
    Files.write(p, npyBytes("{'descr': '<f8', 'fortran_order': False, 'shape': (3,,4), }", new byte[96]));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessage(p + ": bad .npy shape (3,,4)");
  }

  @Test
  void readsUnsigned32And64BitValues() throws IOException {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).putLong(-1L);
    Path p4 = dir.resolve("u4.npy");
    Files.write(p4, npyBytes("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }", Arrays.copyOf(b.array(), 4)));
    assertThat(Npy.read(p4).data()).containsExactly(4294967295.0);
    Path p8 = dir.resolve("u8.npy");
    Files.write(p8, npyBytes("{'descr': '<u8', 'fortran_order': False, 'shape': (1,), }",
        Arrays.copyOfRange(b.array(), 4, 12)));
    assertThat(Npy.read(p8).data()).containsExactly(18446744073709551615.0);
  }

  @Test
  void anEmptyFileIsNamedAsEmpty() throws IOException {
    Path p = Files.write(dir.resolve("e.npy"), new byte[0]);
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(SparsecodeException.class)
        .hasMessage(p + " is empty (0 bytes), not a .npy file");
  }

  @Test
  void theHeaderAloneGivesShapeDtypeOrderAndOffset() throws IOException {
    Path p = dir.resolve("h.npy");
    Npy.writeFloat32(p, new double[6], 2, 3);
    NpyHeader h = Npy.header(p);
    assertThat(h.shape()).containsExactly(2, 3);
    assertThat(h.dtype()).isEqualTo("<f4");
    assertThat(h.fortranOrder()).isFalse();
    assertThat(h.dataOffset()).isEqualTo(128);
    assertThat(h.dataBytes()).isEqualTo(24);
  }

  @Test
  void errorsAboutMissingFilesCarryNoJavaClassName() {
    Path p = dir.resolve("absent.npy");
    assertThatThrownBy(() -> Npy.read(p)).hasMessage(p + " does not exist");
  }
}
