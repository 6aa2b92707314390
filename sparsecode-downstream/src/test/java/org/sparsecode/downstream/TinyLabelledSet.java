package org.sparsecode.downstream;

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
 * A tiny labelled set for the tests that run the downstream experiment through the command line: 40 training and
 * 20 test images of 28×28 as gzipped IDX files, 4 classes, each class a bright blob in its own quadrant on a
 * noisy ground (so that a small network learns something in a few epochs), and an experiment file that trains on
 * 32 + 16 of them.
 */
final class TinyLabelledSet {
  static final int SIDE = 28;

  /**
   * Two variants, codes then pixels, a tiny network, 3 epochs of batch 8 with a progress line per batch, the codes
   * read two shards at a time (window: 2; the pixels are in memory): the
   * codes of a thin 8×8 log-Gabor dictionary (a few ADMM iterations), stored at 14×14 in shards of 8 images.
   */
  static final String YAML = """
      name: tiny-train
      seed: 42
      threads: 1
      data:
        type: idx
        trainImages: train-images.gz
        trainLabels: train-labels.gz
        testImages: test-images.gz
        testLabels: test-labels.gz
        train: 32
        test: 16
        size: 28
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 5}
      encoding: {store: {size: 14}, shard: 8}
      network: {input: codes, blocks: [1], widths: [4], dropout: 0.5, flip: true}
      training: {epochs: 3, batch: 8, learningRate: 1.0e-2, runs: 1, logEvery: 1, window: 2}
      variants:
        codes-4: {network: {ceil: 4}}
        pixels: {network: {input: pixels, ceil: none}, data: {preprocess: [grey, scale]}}
      """;

  private TinyLabelledSet() {}

  /**
   * Writes the four IDX files and an experiment file into a directory.
   *
   * @param dir the directory (created)
   * @param yaml the experiment file's text
   * @return the experiment file
   */
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

  private static void files(Path dir, String split, int n, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] px = new byte[n * SIDE * SIDE];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int c = i % 4;
      labels[i] = (byte) c;
      double cx = (c % 2 == 0 ? 7 : 21) + r.nextDouble(-2, 2);
      double cy = (c / 2 == 0 ? 7 : 21) + r.nextDouble(-2, 2);
      double s = r.nextDouble(2, 4);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          double v = 180 * Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s)) + r.nextInt(40);
          px[i * SIDE * SIDE + y * SIDE + x] = (byte) Math.min(255, Math.round(v));
        }
      }
    }
    Files.write(dir.resolve(split + "-images.gz"), gzip(idx(new int[] {n, SIDE, SIDE}, px)));
    Files.write(dir.resolve(split + "-labels.gz"), gzip(idx(new int[] {n}, labels)));
  }

  private static byte[] idx(int[] dims, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    return b.put(data).array();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }
}
