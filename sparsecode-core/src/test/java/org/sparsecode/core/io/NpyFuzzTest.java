package org.sparsecode.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzing of the {@code .npy} readers ({@link Npy#read(Path)}, {@link Npy#read(java.io.InputStream, String)},
 * {@link Npy#header(Path)}) and of {@link DictionaryFiles#read(Path)}: random bytes, random mutations of
 * valid files and randomly edited headers either read or give a {@link org.sparsecode.api.SparsecodeException}
 * naming the file, never another exception, an OutOfMemoryError or a hang. Seeds are
 * {@code Mutations.BASE_SEED + offset + i}; {@code -Dfuzz.runs=N} sets the count of each test,
 * {@code -Dfuzz.seed=S} replays one run; the {@code slow} test runs many more.
 */
class NpyFuzzTest {
  private static final int MUTATIONS = 300;
  private static final int RANDOM = 100;
  private static final int HEADERS = 200;
  private static final int SLOW = 20_000;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final String[] DESCRS = {"<f8", "<f4", ">f8", "|u1", "<i2", "<u8", "|b1", "<c16", "<U3", "|S2",
      "|O", "<f2", "f8", "<f", "", "<<f8", "=f4", "|V8", "<M8"};
  private static final String[] DIMS = {"0", "1", "2", "3", "12", "-1", "2147483647", "99999999999", "1e3", "",
      "3L", "x", "65536", "46341"};

  @TempDir
  Path dir;

  /** The valid files the mutations start from: a dictionary, an image, bytes, Fortran order, version 2. */
  static List<byte[]> validFiles() {
    List<byte[]> files = new ArrayList<>();
    double[] d = new double[3 * 3 * 4];
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.sin(i + 1.0);
    }
    files.add(Npy.toBytes(d, new int[] {3, 3, 4}, false));
    files.add(Npy.toBytes(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, new int[] {3, 4}, true));
    files.add(NpyTest.npyBytes("{'descr': '|u1', 'fortran_order': False, 'shape': (4, 4), }",
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    files.add(NpyTest.npyBytes("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2, 3), }",
        NpyTest.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)));
    files.add(version2("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2, 1), }", new byte[16]));
    return files;
  }

  private static byte[] version2(String dict, byte[] data) {
    int unpadded = 12 + dict.length() + 1;
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(12 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 2).put((byte) 0).putInt(header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
    return b.array();
  }

  /** A header dict with random entries (some valid, some not) and a data block of a random length. */
  static byte[] randomHeader(SplittableRandom r) {
    StringBuilder dict = new StringBuilder("{");
    if (r.nextInt(10) > 0) {
      dict.append("'descr': '").append(DESCRS[r.nextInt(DESCRS.length)]).append("', ");
    }
    if (r.nextInt(10) > 0) {
      dict.append("'fortran_order': ").append(r.nextBoolean() ? "True" : "False").append(", ");
    }
    if (r.nextInt(10) > 0) {
      dict.append("'shape': (");
      int rank = r.nextInt(6);
      for (int i = 0; i < rank; i++) {
        dict.append(r.nextInt(3) == 0 ? DIMS[r.nextInt(DIMS.length)] : String.valueOf(1 + r.nextInt(4)));
        dict.append(i < rank - 1 || rank == 1 ? ", " : "");
      }
      dict.append("), ");
    }
    dict.append(r.nextInt(10) > 0 ? "}" : "");
    byte[] data = Mutations.randomBytes(r, 400);
    return NpyTest.npyBytes(dict.toString(), data);
  }

  private DynamicTest run(String kind, long seed) {
    return DynamicTest.dynamicTest(kind + ", seed " + seed, () -> {
      SplittableRandom r = new SplittableRandom(seed);
      byte[] bytes = switch (kind) {
        case "mutation" -> {
          List<byte[]> valid = validFiles();
          yield Mutations.mutate(valid.get(r.nextInt(valid.size())), r, r.nextBoolean() ? MAGIC.length : 0);
        }
        case "random" -> r.nextBoolean() ? Mutations.randomBytes(r, 600) : Mutations.randomAfter(r, MAGIC, 600);
        default -> randomHeader(r);
      };
      Path file = dir.resolve("fuzz-" + seed + ".npy");
      try {
        Files.write(file, bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String name = file.toString();
      String input = ".npy " + kind;
      Mutations.expectOnlyProjectErrors(seed, input + " (Npy.read(Path))", name, () -> Npy.read(file));
      Mutations.expectOnlyProjectErrors(seed, input + " (Npy.header)", name, () -> Npy.header(file));
      Mutations.expectOnlyProjectErrors(seed, input + " (Npy.read(stream))", name,
          () -> Npy.read(new ByteArrayInputStream(bytes), name));
      boolean refused = Mutations.expectOnlyProjectErrors(seed, input + " (DictionaryFiles.read)", name,
          () -> DictionaryFiles.read(file));
      if (!refused) {
        // whatever was read as a dictionary passed the load checks
        assertThat(java.util.Arrays.stream(DictionaryFiles.read(file).kernels()).allMatch(Double::isFinite)).isTrue();
      }
      Files.delete(file);
    });
  }

  private Stream<DynamicTest> runs(String kind, long offset, int count) {
    return java.util.Arrays.stream(Mutations.seeds(offset, count)).mapToObj(seed -> run(kind, seed));
  }

  @TestFactory
  Stream<DynamicTest> mutatedNpyFilesGiveOnlyProjectErrorsNamingTheFile() {
    return runs("mutation", 0, Mutations.runs(MUTATIONS));
  }

  @TestFactory
  Stream<DynamicTest> randomBytesGiveOnlyProjectErrorsNamingTheFile() {
    return runs("random", 1_000_000, Mutations.runs(RANDOM));
  }

  @TestFactory
  Stream<DynamicTest> randomlyEditedHeadersGiveOnlyProjectErrorsNamingTheFile() {
    return runs("header", 2_000_000, Mutations.runs(HEADERS));
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> manyMoreRunsOfEachKind() {
    return Stream.of(runs("mutation", 10_000_000, SLOW), runs("random", 20_000_000, SLOW),
        runs("header", 30_000_000, SLOW)).flatMap(s -> s);
  }
}
