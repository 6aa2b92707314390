package org.sparsecode.downstream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.experiments.encode.CodeSet;
import org.sparsecode.experiments.encode.Layout;
import org.sparsecode.experiments.results.Json;

/** Writes samples as a complete set of codes on disk, in the encoding's layout, for the streaming tests. */
final class CodeFiles {
  private CodeFiles() {}

  /**
   * Writes a train and a test split as shards.
   *
   * @param dir the codes' directory
   * @param train the training samples
   * @param test the test samples
   * @param shard samples per shard
   * @param dtype the stored type ({@code float32} keeps the values exactly)
   * @return the set, opened
   */
  static CodeSet write(Path dir, Samples train, Samples test, int shard, CodeArrays.Dtype dtype) {
    try {
      for (String split : Layout.SPLITS) {
        Samples s = split.equals("train") ? train : test;
        Files.createDirectories(dir.resolve(split));
        for (int from = 0, k = 0; from < s.size(); from += shard, k++) {
          int n = Math.min(shard, s.size() - from);
          int per = s.channels() * s.side() * s.side();
          CodeArrays.FloatFile f = new CodeArrays.FloatFile(dtype, n, s.channels(), s.side(), s.side());
          long[] labels = new long[n];
          long[] index = new long[n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < per; j++) {
              f.put((long) i * per + j, s.values()[from + i][j]);
            }
            labels[i] = s.labels()[from + i];
            index[i] = s.indices()[from + i];
          }
          Files.write(Layout.file(dir, split, "codes", k), f.bytes());
          Files.write(Layout.file(dir, split, "labels", k), CodeArrays.longs(labels));
          Files.write(Layout.file(dir, split, "index", k), CodeArrays.longs(index));
        }
      }
      return manifest(dir, train.channels(), train.side(), dtype, shard, train.size(), test.size(),
          train.classes());
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write codes into %s", dir), e);
    }
  }

  /**
   * Writes a large planted two-class set shard by shard, without holding it: class c has values in channel c.
   *
   * @param dir the codes' directory
   * @param train training samples
   * @param test test samples
   * @param channels channels of a sample (at least 2)
   * @param side its side
   * @param shard samples per shard
   * @return the set, opened
   */
  static CodeSet planted(Path dir, int train, int test, int channels, int side, int shard) {
    try {
      java.util.SplittableRandom r = new java.util.SplittableRandom(11);
      int per = channels * side * side;
      for (String split : Layout.SPLITS) {
        int count = split.equals("train") ? train : test;
        Files.createDirectories(dir.resolve(split));
        for (int from = 0, k = 0; from < count; from += shard, k++) {
          int n = Math.min(shard, count - from);
          CodeArrays.FloatFile f = new CodeArrays.FloatFile(CodeArrays.Dtype.FLOAT16, n, channels, side, side);
          long[] labels = new long[n];
          long[] index = new long[n];
          for (int i = 0; i < n; i++) {
            int c = (from + i) % 2;
            for (int j = 0; j < side * side; j++) {
              f.put((long) i * per + (long) c * side * side + j, (float) r.nextDouble());
            }
            labels[i] = c;
            index[i] = from + i;
          }
          Files.write(Layout.file(dir, split, "codes", k), f.bytes());
          Files.write(Layout.file(dir, split, "labels", k), CodeArrays.longs(labels));
          Files.write(Layout.file(dir, split, "index", k), CodeArrays.longs(index));
        }
      }
      return manifest(dir, channels, side, CodeArrays.Dtype.FLOAT16, shard, train, test, List.of("zero", "one"));
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot write codes into %s", dir), e);
    }
  }

  private static CodeSet manifest(Path dir, int channels, int side, CodeArrays.Dtype dtype, int shard, int train,
      int test, List<String> classes) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", "test");
    m.put("status", "complete");
    m.put("kernels", channels);
    m.put("size", side);
    m.put("dtype", dtype.yamlName());
    m.put("shard", shard);
    m.put("splits", Map.of("train", Map.of("count", train), "test", Map.of("count", test)));
    m.put("classes", List.copyOf(classes));
    Files.writeString(dir.resolve("manifest.json"), Json.pretty(m));
    return CodeSet.open(dir);
  }
}
