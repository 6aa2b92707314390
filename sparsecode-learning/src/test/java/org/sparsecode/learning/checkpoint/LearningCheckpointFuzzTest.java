package org.sparsecode.learning.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/**
 * Fuzzing of {@link LearningCheckpoint#read(Path)}: random bytes, random mutations of a written checkpoint
 * (compressed or stored) and archives whose entries are edited (shapes, values, names, dtypes) either read or
 * give a {@link SparsecodeException} naming the file, never another exception, an OutOfMemoryError or a hang.
 * Seeds are {@code BASE_SEED + offset + i}; {@code -Dfuzz.runs=N} sets the count of each test,
 * {@code -Dfuzz.seed=S} replays one run; the {@code slow} test runs many more.
 */
class LearningCheckpointFuzzTest {
  private static final long BASE_SEED = 0x5EED_C4ECL;
  private static final int MUTATIONS = 300;
  private static final int EDITS = 200;
  private static final int RANDOM = 100;
  private static final int SLOW = 20_000;
  private static final Duration RUN_LIMIT = Duration.ofSeconds(20);
  private static final String[] KEYS = {"dictionary", "step", "objective", "fingerprint"};

  @TempDir
  Path dir;

  private static long[] seeds(long offset, int defaultRuns) {
    String replay = System.getProperty("fuzz.seed");
    if (replay != null) {
      return new long[] {Long.decode(replay)};
    }
    int runs = Integer.getInteger("fuzz.runs", defaultRuns);
    return LongStream.range(0, runs).map(i -> BASE_SEED + offset + i).toArray();
  }

  /** A valid checkpoint file, written by {@link LearningCheckpoint#write} (deflated entries). */
  private static byte[] written(Path scratch) throws IOException {
    Path d = Files.createDirectories(scratch.resolve("valid"));
    LearningCheckpointTest.sample().write(d);
    return Files.readAllBytes(LearningCheckpoint.file(d));
  }

  /** A stored (uncompressed) archive of the given entries, so that mutations reach the .npy bytes. */
  private static byte[] stored(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry z = new ZipEntry(e.getKey());
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(e.getValue());
        z.setSize(e.getValue().length);
        z.setCrc(crc.getValue());
        zip.putNextEntry(z);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Map<String, byte[]> validEntries() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    LearningCheckpointTest.entries().forEach((k, v) -> m.put(k + ".npy", Npy.toBytes(v.data(), v.shape(), false)));
    return m;
  }

  /** The checkpoint's entries with one to three random edits: a shape, a value, a name, a dtype, a removal. */
  private static byte[] edited(SplittableRandom r) {
    Map<String, NpyArray> arrays = LearningCheckpointTest.entries();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    arrays.forEach((k, v) -> entries.put(k + ".npy", Npy.toBytes(v.data(), v.shape(), false)));
    for (int n = 1 + r.nextInt(3); n > 0; n--) {
      String key = KEYS[r.nextInt(KEYS.length)];
      NpyArray a = arrays.get(key);
      double[] values = a.data().clone();
      int[] shape = a.shape();
      switch (r.nextInt(6)) {
        case 0 -> entries.remove(key + ".npy");
        case 1 -> {
          double[] special = {Double.NaN, Double.POSITIVE_INFINITY, -1, 0, 1e300, 2.5, 256, -0.0, 4e9};
          if (values.length > 0) {
            values[r.nextInt(values.length)] = special[r.nextInt(special.length)];
          }
          entries.put(key + ".npy", Npy.toBytes(values, shape, false));
        }
        case 2 -> {
          int[] other = {r.nextInt(5), r.nextInt(5), r.nextInt(5)};
          int rank = r.nextInt(4);
          int[] s = Arrays.copyOf(other, rank);
          int count = 1;
          for (int d : s) {
            count *= d;
          }
          entries.put(key + ".npy", Npy.toBytes(new double[count], s, false));
        }
        case 3 -> entries.put(key + ".npy", Npy.toBytes(new double[values.length], shape, false));
        case 4 -> entries.put(r.nextBoolean() ? key : key + ".npy.npy", entries.remove(key + ".npy") == null
            ? new byte[0] : Npy.toBytes(values, shape, r.nextBoolean()));
        default -> entries.put(key + ".npy", Arrays.copyOf(Npy.toBytes(values, shape, true), r.nextInt(200)));
      }
    }
    return stored(entries);
  }

  private static byte[] mutate(byte[] b, SplittableRandom r) {
    byte[] out = b.clone();
    for (int n = 1 + r.nextInt(3); n > 0 && out.length > 0; n--) {
      int at = r.nextInt(out.length);
      switch (r.nextInt(4)) {
        case 0 -> out[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> out[at] = (byte) new int[] {0, 0xff, 0x7f, 0x80}[r.nextInt(4)];
        case 2 -> {
          int v = new int[] {-1, Integer.MAX_VALUE, 0, 1 << 30}[r.nextInt(4)];
          for (int k = 0; k < 4 && at + k < out.length; k++) {
            out[at + k] = (byte) (v >>> (8 * k));
          }
        }
        default -> out = Arrays.copyOf(out, at);
      }
    }
    return out;
  }

  private DynamicTest run(String kind, long seed, byte[] valid, byte[] validStored) {
    return DynamicTest.dynamicTest(kind + ", seed " + seed, () -> {
      SplittableRandom r = new SplittableRandom(seed);
      byte[] bytes = switch (kind) {
        case "mutation" -> mutate(r.nextBoolean() ? valid : validStored, r);
        case "edit" -> edited(r);
        default -> {
          byte[] tail = new byte[r.nextInt(1000)];
          r.nextBytes(tail);
          if (r.nextBoolean()) {
            System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, tail, 0, Math.min(4, tail.length));
          }
          yield tail;
        }
      };
      Path d = Files.createDirectories(dir.resolve("s" + seed));
      Path file = Files.write(LearningCheckpoint.file(d), bytes);
      String replay = " (" + kind + ", seed " + seed + ": replay with -Dfuzz.seed=" + seed + ")";
      Throwable[] thrown = new Throwable[1];
      Assertions.assertTimeoutPreemptively(RUN_LIMIT, () -> {
        try {
          LearningCheckpoint.read(d);
        } catch (Throwable t) {
          thrown[0] = t;
        }
      }, () -> "read ran over " + RUN_LIMIT + replay);
      Throwable t = thrown[0];
      if (t != null && !(t instanceof SparsecodeException)) {
        Assertions.fail(t.getClass().getName() + " escaped LearningCheckpoint.read" + replay, t);
      }
      if (t != null && (!t.getMessage().contains(file.toString()) || t.getMessage().contains("Exception:"))) {
        Assertions.fail("the error does not name the file, or shows a class name: " + t.getMessage() + replay, t);
      }
      Files.delete(file);
      Files.delete(d);
    });
  }

  private Stream<DynamicTest> runs(String kind, long offset, int count) throws IOException {
    byte[] valid = written(dir);
    byte[] validStored = stored(validEntries());
    return Arrays.stream(seeds(offset, count)).mapToObj(seed -> run(kind, seed, valid, validStored));
  }

  @TestFactory
  Stream<DynamicTest> mutatedCheckpointsGiveOnlyProjectErrorsNamingTheFile() throws IOException {
    return runs("mutation", 0, MUTATIONS);
  }

  @TestFactory
  Stream<DynamicTest> editedEntriesGiveOnlyProjectErrorsNamingTheFile() throws IOException {
    return runs("edit", 1_000_000, EDITS);
  }

  @TestFactory
  Stream<DynamicTest> randomBytesGiveOnlyProjectErrorsNamingTheFile() throws IOException {
    return runs("random", 2_000_000, RANDOM);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> manyMoreRunsOfEachKind() throws IOException {
    return Stream.of(runs("mutation", 10_000_000, SLOW), runs("edit", 20_000_000, SLOW),
        runs("random", 30_000_000, SLOW)).flatMap(s -> s);
  }
}
