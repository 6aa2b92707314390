package org.sparsecode.downstream;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.sparsecode.api.SparsecodeException;

/**
 * The shards of one epoch's windows ({@link ShardShuffle}) as training walks through them: at most two windows in
 * memory, the one being trained on and the next (read ahead on a background thread while the first is trained on,
 * or, for a batch that straddles two windows, both). What is read does not depend on when: the order is drawn
 * before the epoch, so the reading thread changes no result.
 */
final class WindowReader implements AutoCloseable {
  private final ShardShuffle plan;
  private final IntFunction<float[]> load;
  private final ExecutorService ahead;
  private final int[] windowOf;
  private final int[] slotOf;
  private final Map<Integer, float[][]> resident = new HashMap<>();
  private Future<float[][]> next;
  private int nextWindow = -1;
  private int peak;

  /**
   * Creates the reader of one epoch.
   *
   * @param plan the epoch's order
   * @param shards the shards of the source
   * @param load reads one shard
   * @param ahead the thread that reads the next window, or {@code null} to read each window when it is needed
   */
  WindowReader(ShardShuffle plan, int shards, IntFunction<float[]> load, ExecutorService ahead) {
    this.plan = plan;
    this.load = load;
    this.ahead = ahead;
    this.windowOf = new int[shards];
    this.slotOf = new int[shards];
    for (int w = 0; w < plan.windows(); w++) {
      for (int i = 0; i < plan.shards()[w].length; i++) {
        windowOf[plan.shards()[w][i]] = w;
        slotOf[plan.shards()[w][i]] = i;
      }
    }
  }

  /**
   * Starts a batch: the windows before the one of its first sample are let go, and the next window is read
   * ahead when only one is held.
   *
   * @param position the batch's first position in the order
   */
  void beginBatch(int position) {
    int w = plan.windowAt(position);
    resident.keySet().removeIf(k -> k < w);
    ensure(w);
    if (ahead != null && next == null && resident.size() == 1 && w + 1 < plan.windows()) {
      int n = w + 1;
      nextWindow = n;
      next = ahead.submit(() -> read(n));
      peak = Math.max(peak, resident.size() + 1);
    }
  }

  /**
   * One shard's samples; its window is read now if it was not read ahead.
   *
   * @param shard the shard
   * @return its samples, one after the other
   */
  float[] shard(int shard) {
    int w = windowOf[shard];
    ensure(w);
    return resident.get(w)[slotOf[shard]];
  }

  /**
   * The most windows held at once so far.
   *
   * @return 1 or 2
   */
  int peak() {
    return peak;
  }

  private void ensure(int w) {
    if (resident.containsKey(w)) {
      return;
    }
    float[][] data;
    if (next != null && nextWindow == w) {
      data = take();
    } else {
      data = read(w);
    }
    resident.put(w, data);
    peak = Math.max(peak, resident.size() + (next == null ? 0 : 1));
  }

  private float[][] take() {
    try {
      return next.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparsecodeException("interrupted while reading the training codes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new SparsecodeException("cannot read the training codes: " + e.getCause(), e.getCause());
    } finally {
      next = null;
      nextWindow = -1;
    }
  }

  private float[][] read(int w) {
    int[] shards = plan.shards()[w];
    float[][] data = new float[shards.length][];
    for (int i = 0; i < shards.length; i++) {
      data[i] = load.apply(shards[i]);
    }
    return data;
  }

  @Override
  public void close() {
    if (next != null) {
      next.cancel(true);
      next = null;
    }
    resident.clear();
  }
}
