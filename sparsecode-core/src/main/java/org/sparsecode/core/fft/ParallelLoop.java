package org.sparsecode.core.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-size pool that runs loops over an index range split statically into {@link #threads()}
 * contiguous blocks, block 0 on the calling thread. A body that writes per-index results (an index being a
 * block the problem defines: a kernel, a spectral column), with any sum over indices taken afterwards in index
 * order, gives the same numbers on any thread count. Never accumulate across indices into per-worker buffers:
 * such sums would depend on how the range was split, that is on the thread count.
 *
 * <p>One loop runs at a time per instance; close it to stop its threads.
 */
public final class ParallelLoop implements AutoCloseable {

  /** The body of a loop: one index, processed by one worker. */
  @FunctionalInterface
  public interface Body {
    /**
     * Processes one index.
     *
     * @param worker the worker running it, in {@code [0, threads)}: use it to pick per-thread buffers
     * @param index the index
     */
    void run(int worker, int index);
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final int threads;
  private final ExecutorService pool;

  /**
   * Starts {@code threads − 1} daemon worker threads (none for 1).
   *
   * @param threads the number of workers including the caller, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public ParallelLoop(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    this.threads = threads;
    if (threads == 1) {
      this.pool = null;
    } else {
      int id = POOLS.incrementAndGet();
      AtomicInteger n = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(threads - 1, r -> {
        Thread t = new Thread(r, "sparsecode-loop-" + id + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /**
   * Number of workers.
   *
   * @return at least 1
   */
  public int threads() {
    return threads;
  }

  /**
   * The first index of a worker's block: blocks are {@code [start(w), start(w + 1))}.
   *
   * @param worker the worker, in {@code [0, threads]}
   * @param count the size of the range
   * @return the first index of the block
   */
  public int start(int worker, int count) {
    return (int) ((long) count * worker / threads);
  }

  /**
   * Runs {@code body} for every index in {@code [0, count)} and waits for all of them.
   *
   * @param count the size of the range
   * @param body the work for one index
   * @throws RuntimeException the first exception a body threw (errors are rethrown as they are)
   */
  public void forEach(int count, Body body) {
    if (pool == null || count <= 1) {
      for (int i = 0; i < count; i++) {
        body.run(0, i);
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(threads - 1);
    for (int w = 1; w < threads; w++) {
      final int worker = w;
      final int from = start(w, count);
      final int to = start(w + 1, count);
      if (from < to) {
        futures.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            body.run(worker, i);
          }
        }));
      }
    }
    Throwable failure = null;
    try {
      for (int i = 0, to = start(1, count); i < to; i++) {
        body.run(0, i);
      }
    } catch (RuntimeException | Error e) {
      failure = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    } else if (failure instanceof Error err) {
      throw err;
    } else if (failure != null) {
      throw new IllegalStateException("parallel loop interrupted", failure);
    }
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
