package org.sparsecode.experiments.encode;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sparsecode.core.data.CodeArrays;

/**
 * The shape of a set of codes on disk: which shards each split has and what each file holds.
 *
 * <pre>
 * KEY/manifest.json             what the codes are (the key's tree), their shape, the status
 * KEY/train/codes-00000.npy     (n, K, size, size) float16 or float32: the codes of images 0 .. n-1
 * KEY/train/labels-00000.npy    (n,) int64: their classes
 * KEY/train/index-00000.npy     (n,) int64: their positions in the data set's files
 * KEY/train/stats-00000.npy     (n, 4) float64: PSNR, sparseness, iterations, seconds of each; written last,
 *                               so that a shard is complete exactly when its stats file exists
 * KEY/test/...
 * </pre>
 *
 * Shard {@code s} of a split holds its images {@code s * shard} to {@code min(count, (s + 1) * shard) - 1}.
 *
 * @param kernels K, the codes' channels
 * @param size the stored side of each code map
 * @param dtype the stored element type
 * @param shard images per shard
 * @param train images of the training split
 * @param test images of the test split
 */
public record Layout(int kernels, int size, CodeArrays.Dtype dtype, int shard, int train, int test) {
  /** The splits, in the order they are encoded. */
  public static final List<String> SPLITS = List.of("train", "test");
  /** The columns of a stats file. */
  public static final List<String> STATS = List.of("psnr", "sparseness", "iterations", "seconds");

  /**
   * The images of a split.
   *
   * @param split {@code train} or {@code test}
   * @return the count
   */
  public int count(String split) {
    return split.equals("train") ? train : test;
  }

  /**
   * The shards of a split.
   *
   * @param split {@code train} or {@code test}
   * @return {@code ceil(count / shard)}
   */
  public int shards(String split) {
    return (count(split) + shard - 1) / shard;
  }

  /**
   * The first image of a shard.
   *
   * @param index the shard
   * @return its first image's index in the split
   */
  public int first(int index) {
    return index * shard;
  }

  /**
   * The images of a shard.
   *
   * @param split {@code train} or {@code test}
   * @param index the shard
   * @return its count
   */
  public int imagesIn(String split, int index) {
    return Math.min(shard, count(split) - first(index));
  }

  /**
   * Bytes of one image's stored code.
   *
   * @return {@code K * size * size * dtype bytes}
   */
  public long bytesPerImage() {
    return (long) kernels * size * size * dtype.bytes();
  }

  /**
   * One file of a shard.
   *
   * @param root the codes' directory
   * @param split {@code train} or {@code test}
   * @param kind {@code codes}, {@code labels}, {@code index} or {@code stats}
   * @param index the shard
   * @return the path
   */
  public static Path file(Path root, String split, String kind, int index) {
    return root.resolve(split).resolve(String.format(Locale.ROOT, "%s-%05d.npy", kind, index));
  }
}
