package org.sparsecode.experiments.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny labelled set for the encoding tests: 40 training and 20 test images of 28×28 (smooth random blobs), 4
 * classes, as gzipped IDX files, and an experiment file that encodes 20 + 10 of them with a thin 8×8 log-Gabor
 * dictionary and a few ADMM iterations, into shards of 8 stored at 14×14.
 */
final class TinyData {
  static final int SIDE = 28;

  /** The experiment: {@code %s} is replaced by extra lines. */
  static final String YAML = """
      name: tiny-encode
      threads: 2
      data:
        type: idx
        trainImages: train-images.gz
        trainLabels: train-labels.gz
        testImages: test-images.gz
        testLabels: test-labels.gz
        train: 20
        test: 10
        size: 28
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 5}
      encoding: {store: {size: 14}, shard: 8}
      """;

  private TinyData() {}

  /** Writes the four IDX files and the experiment file into {@code dir}; returns the experiment file. */
  static Path write(Path dir, String yaml) {
    try {
      Files.createDirectories(dir);
      files(dir, "train", 40, 1);
      files(dir, "test", 20, 2);
      return Files.writeString(dir.resolve("tiny.yaml"), yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir) {
    return write(dir, YAML);
  }

  private static void files(Path dir, String split, int n, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * SIDE * SIDE];
    for (int i = 0; i < n; i++) {
      // a few Gaussian blobs on a dark ground, like a small grey photograph of a thing
      double[] img = new double[SIDE * SIDE];
      for (int b = 0; b < 4; b++) {
        double cx = r.nextDouble(4, SIDE - 4);
        double cy = r.nextDouble(4, SIDE - 4);
        double s = r.nextDouble(1.5, 5);
        double a = r.nextDouble(60, 200);
        for (int y = 0; y < SIDE; y++) {
          for (int x = 0; x < SIDE; x++) {
            img[y * SIDE + x] += a * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
          }
        }
      }
      for (int p = 0; p < img.length; p++) {
        px[i * SIDE * SIDE + p] = (byte) Math.min(255, Math.round(img[p] + r.nextInt(8)));
      }
    }
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 4);
    }
    Files.write(dir.resolve(split + "-images.gz"), gzip(idx(new int[] {n, SIDE, SIDE}, px)));
    Files.write(dir.resolve(split + "-labels.gz"), gzip(idx(new int[] {n}, labels)));
  }

  static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
