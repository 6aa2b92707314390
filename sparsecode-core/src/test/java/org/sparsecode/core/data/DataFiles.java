package org.sparsecode.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/** Small labelled data files written by the tests: IDX (gzipped or not) and CIFAR-10 binary batches. */
final class DataFiles {
  private DataFiles() {}

  /** The bytes of an IDX file of unsigned bytes. */
  static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) IdxFiles.UBYTE).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code n} random, non-constant images of {@code side × side} values 0–255, seeded. */
  static byte[] images(int n, int side, long seed) {
    return bytes(n * side * side, seed);
  }

  /** {@code length} random bytes, seeded. */
  static byte[] bytes(int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[length];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) r.nextInt(256);
    }
    return px;
  }

  /** Labels {@code i % classes}, or as given. */
  static byte[] labels(int n, int classes) {
    byte[] l = new byte[n];
    for (int i = 0; i < n; i++) {
      l[i] = (byte) (i % classes);
    }
    return l;
  }

  /** A Fashion-MNIST directory (gzipped, the Debian package's names) of random images. */
  static Path fashionMnist(Path dir, int train, int test, int side) {
    byte[] trainPx = images(train, side, 1);
    byte[] testPx = images(test, side, 2);
    write(dir.resolve("train-images-idx3-ubyte.gz"), gzip(idx(new int[] {train, side, side}, trainPx)));
    write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(idx(new int[] {train}, labels(train, 10))));
    write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(new int[] {test, side, side}, testPx)));
    write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idx(new int[] {test}, labels(test, 10))));
    return dir;
  }

  /** A CIFAR-10 batch: per record the label, then the red, green and blue planes. */
  static byte[] cifar(byte[] labels, byte[] images) {
    int n = labels.length;
    byte[] out = new byte[n * Cifar10Files.RECORD_BYTES];
    for (int i = 0; i < n; i++) {
      out[i * Cifar10Files.RECORD_BYTES] = labels[i];
      System.arraycopy(images, i * Cifar10Files.IMAGE_BYTES, out, i * Cifar10Files.RECORD_BYTES + 1,
          Cifar10Files.IMAGE_BYTES);
    }
    return out;
  }
}
