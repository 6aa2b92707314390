package org.sparsecode.downstream;

import java.util.List;

/**
 * One split of a labelled set as the network reads it, in shards: the labels and positions of every sample at
 * hand, the samples ({@code channels × side × side} floats each, C order) read a shard at a time, so that a set
 * larger than the memory can be trained on ({@link CodeSplit}), or all of them in memory as one shard
 * ({@link Samples}, a shard per sample).
 */
public interface SampleSource {

  /**
   * The number of samples.
   *
   * @return it
   */
  int size();

  /**
   * The channels of a sample.
   *
   * @return them
   */
  int channels();

  /**
   * The side of a sample.
   *
   * @return it
   */
  int side();

  /**
   * The class names, by label.
   *
   * @return them
   */
  List<String> classes();

  /**
   * The class of each sample.
   *
   * @return the labels, by sample
   */
  int[] labels();

  /**
   * The position of each sample in its split's files (to pair predictions across runs).
   *
   * @return them, by sample
   */
  int[] indices();

  /**
   * The samples of a shard: shard {@code s} holds samples {@code s * shardSize()} on, the last one fewer.
   *
   * @return them, at least 1
   */
  int shardSize();

  /**
   * Reads one shard's samples.
   *
   * @param shard from 0 to {@link #shards()} - 1
   * @return its samples one after the other, {@code channels × side × side} floats each, C order
   */
  float[] shard(int shard);

  /**
   * Whether every sample is in memory already (then a window of shards would save nothing, and the whole set is
   * shuffled together).
   *
   * @return {@code false} unless said otherwise
   */
  default boolean inMemory() {
    return false;
  }

  /**
   * The shards.
   *
   * @return {@code ceil(size / shardSize)}
   */
  default int shards() {
    return (size() + shardSize() - 1) / shardSize();
  }

  /**
   * The bytes one shard takes in memory.
   *
   * @return {@code shardSize × channels × side² × 4}
   */
  default long shardBytes() {
    return (long) shardSize() * channels() * side() * side() * Float.BYTES;
  }
}
