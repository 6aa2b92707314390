package org.sparsecode.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.io.Mutations;
import org.sparsecode.core.io.Npy;

/**
 * Fuzzing of the image readers ({@link ImageFiles#read(Path)}, {@link ImageFiles#header(Path)},
 * {@link ImageFiles#read(java.io.InputStream, String, String)}) and of a directory source over the file
 * ({@link DirectoryImageSource#checkHeaders()}, {@link DirectoryImageSource#get(int)}): random bytes and
 * random mutations of valid PNG, JPEG, BMP, TIFF and {@code .npy} images either read or give a
 * {@link org.sparsecode.api.SparsecodeException} naming the file, never an exception of ImageIO's decoders, an
 * OutOfMemoryError or a hang. Seeds are {@code Mutations.BASE_SEED + offset + i}; {@code -Dfuzz.runs=N} sets
 * the count of each test, {@code -Dfuzz.seed=S} replays one run; the {@code slow} test runs many more.
 */
class ImageFilesFuzzTest {
  private static final int MUTATIONS = 300;
  private static final int RANDOM = 60;
  private static final int SLOW = 10_000;

  /** A valid file and how many leading bytes (its signature) a mutation may keep intact. */
  record Valid(String extension, byte[] bytes, int signature) { }

  @TempDir
  Path dir;

  private static byte[] encode(BufferedImage img, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static BufferedImage noise(int w, int h, int type, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BufferedImage img = new BufferedImage(w, h, type);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, 0xff000000 | r.nextInt(1 << 24));
      }
    }
    return img;
  }

  /** The valid files the mutations start from (deterministic: seeded noise, ImageIO's encoders). */
  static List<Valid> validFiles() {
    double[] npy = new double[5 * 7];
    Arrays.setAll(npy, i -> Math.cos(i));
    return List.of(
        new Valid("png", encode(noise(16, 12, BufferedImage.TYPE_BYTE_GRAY, 1), "png"), 8),
        new Valid("png", encode(noise(8, 8, BufferedImage.TYPE_INT_RGB, 2), "png"), 8),
        new Valid("png", encode(noise(9, 7, BufferedImage.TYPE_BYTE_INDEXED, 3), "png"), 8),
        new Valid("jpg", encode(noise(16, 16, BufferedImage.TYPE_BYTE_GRAY, 4), "jpeg"), 2),
        new Valid("jpg", encode(noise(16, 8, BufferedImage.TYPE_3BYTE_BGR, 5), "jpeg"), 2),
        new Valid("bmp", encode(noise(6, 5, BufferedImage.TYPE_3BYTE_BGR, 6), "bmp"), 2),
        new Valid("tif", encode(noise(6, 5, BufferedImage.TYPE_BYTE_GRAY, 7), "tiff"), 4),
        new Valid("npy", Npy.toBytes(npy, new int[] {5, 7}, true), 6));
  }

  private DynamicTest run(String kind, long seed) {
    return DynamicTest.dynamicTest(kind + ", seed " + seed, () -> {
      SplittableRandom r = new SplittableRandom(seed);
      List<Valid> valid = validFiles();
      Valid base = valid.get(r.nextInt(valid.size()));
      byte[] bytes = kind.equals("mutation")
          ? Mutations.mutate(base.bytes(), r, r.nextBoolean() ? base.signature() : 0)
          : r.nextBoolean() ? Mutations.randomBytes(r, 2000)
              : Mutations.randomAfter(r, Arrays.copyOf(base.bytes(), base.signature()), 2000);
      Path sub = Files.createDirectory(dir.resolve("s" + seed));
      Path file = sub.resolve("fuzz." + base.extension());
      Files.write(file, bytes);
      String name = file.toString();
      String input = base.extension() + " " + kind;
      Mutations.expectOnlyProjectErrors(seed, input + " (header)", name, () -> ImageFiles.header(file));
      Mutations.expectOnlyProjectErrors(seed, input + " (read)", name, () -> ImageFiles.read(file));
      Mutations.expectOnlyProjectErrors(seed, input + " (read stream)", name,
          () -> ImageFiles.read(new ByteArrayInputStream(bytes), name, "fuzz"));
      Mutations.expectOnlyProjectErrors(seed, input + " (directory source)", name, () -> {
        DirectoryImageSource source = DirectoryImageSource.open(sub, new NoPreprocessing());
        source.checkHeaders();
        source.get(0);
      });
      Files.delete(file);
      Files.delete(sub);
    });
  }

  private Stream<DynamicTest> runs(String kind, long offset, int count) {
    return Arrays.stream(Mutations.seeds(offset, count)).mapToObj(seed -> run(kind, seed));
  }

  @TestFactory
  Stream<DynamicTest> mutatedImageFilesGiveOnlyProjectErrorsNamingTheFile() {
    return runs("mutation", 100_000_000, Mutations.runs(MUTATIONS));
  }

  @TestFactory
  Stream<DynamicTest> randomBytesGiveOnlyProjectErrorsNamingTheFile() {
    return runs("random", 101_000_000, Mutations.runs(RANDOM));
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> manyMoreRunsOfEachKind() {
    return Stream.concat(runs("mutation", 110_000_000, SLOW), runs("random", 120_000_000, SLOW));
  }
}
