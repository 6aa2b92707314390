package org.sparsecode.downstream;

import java.util.SplittableRandom;

/**
 * The order of one epoch's samples when they are read a window of shards at a time: the shards' order is
 * permuted, the permuted shards are cut into windows of {@code window} consecutive shards, and the samples of each
 * window are permuted together (Fisher–Yates); the epoch visits the windows in turn. Every sample comes exactly
 * once, and the samples of a window come from its shards alone, so that training holds one window in memory (and
 * reads the next). When every shard fits in one window the shards' order is not drawn: the order is a
 * Fisher–Yates permutation of all samples, the same draws as a shuffle of a set held whole in memory.
 *
 * @param order the samples, in the order they are visited
 * @param starts where each window begins in {@code order}, one more entry than windows: the last is the size
 * @param shards the shards of each window
 */
public record ShardShuffle(int[] order, int[] starts, int[][] shards) {

  /**
   * Draws one epoch's order.
   *
   * @param size the samples
   * @param shardSize the samples of a shard (the last one fewer)
   * @param window the shards of a window, at least 1
   * @param random the epoch's generator (advanced by the draws)
   * @return the order
   */
  public static ShardShuffle draw(int size, int shardSize, int window, SplittableRandom random) {
    if (shardSize < 1 || window < 1) {
      throw new IllegalArgumentException("shardSize and window must be at least 1, got " + shardSize + " and "
          + window);
    }
    int count = (size + shardSize - 1) / shardSize;
    int[] permuted = new int[count];
    for (int i = 0; i < count; i++) {
      permuted[i] = i;
    }
    if (count > window) {
      shuffle(permuted, 0, count, random);
    }
    int windows = Math.max(1, (count + window - 1) / window);
    int[] order = new int[size];
    int[] starts = new int[windows + 1];
    int[][] shards = new int[windows][];
    int at = 0;
    for (int w = 0; w < windows; w++) {
      starts[w] = at;
      int from = w * window;
      int to = Math.min(count, from + window);
      shards[w] = java.util.Arrays.copyOfRange(permuted, from, to);
      for (int s : shards[w]) {
        for (int i = s * shardSize; i < Math.min(size, (s + 1) * shardSize); i++) {
          order[at++] = i;
        }
      }
      shuffle(order, starts[w], at, random);
    }
    starts[windows] = at;
    return new ShardShuffle(order, starts, shards);
  }

  /** Fisher–Yates over {@code a[from..to)}, from the last entry down (as a whole set's shuffle draws). */
  private static void shuffle(int[] a, int from, int to, SplittableRandom random) {
    for (int i = to - from - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[from + i];
      a[from + i] = a[from + j];
      a[from + j] = t;
    }
  }

  /**
   * The windows.
   *
   * @return their count
   */
  public int windows() {
    return shards.length;
  }

  /**
   * The window of a position in the order.
   *
   * @param position from 0 to the size - 1
   * @return its window
   */
  public int windowAt(int position) {
    int w = java.util.Arrays.binarySearch(starts, position);
    if (w >= 0) {
      // the first window starting there (an empty window cannot occur: each holds a shard of at least a sample)
      return Math.min(w, shards.length - 1);
    }
    return -w - 2;
  }
}
