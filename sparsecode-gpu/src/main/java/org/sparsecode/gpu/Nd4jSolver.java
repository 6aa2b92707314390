package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.core.solver.SolverInputs;
import org.sparsecode.learning.online.DictionaryGradient;

/**
 * What the ND4J solvers share: their batch size and type, the checks of their inputs, the split of a call
 * into batches of images of one size, and the device memory: each batch is planned before anything is
 * allocated ({@link #plan}), and an out-of-memory error of the device during a batch becomes the same clear
 * message, giving the largest batch that fits.
 *
 * <p>Thread-safe: an instance holds only its configuration; every batch has its own arrays.
 */
abstract class Nd4jSolver implements BatchSolver {
  /** The plugin's name, e.g. {@code nd4j-cbpdn-admm}. */
  protected final String name;
  /** The device's arithmetic. */
  protected final Dtype dtype;
  private final double lambda;
  private final int batch;
  private final int threads;
  private final Nd4jRuntime runtime;

  /**
   * Keeps the configuration.
   *
   * @param name the plugin's name
   * @param batch images per batch, at least 1
   * @param dtype the arithmetic
   * @param lambda the settings' λ, or {@code NaN} for none
   * @param threads the CPU backend's threads, at least 1
   * @param runtime the started backend
   */
  protected Nd4jSolver(String name, int batch, Dtype dtype, double lambda, int threads, Nd4jRuntime runtime) {
    this.name = Objects.requireNonNull(name, "name");
    this.batch = batch;
    this.lambda = lambda;
    this.threads = SolverInputs.threads(threads);
    this.dtype = Objects.requireNonNull(dtype, "dtype");
    this.runtime = Objects.requireNonNull(runtime, "runtime");
  }

  // every ND4J solver minimises the objective of its core solver, whose λ its settings carry
  @Override
  public final double lambda() {
    return lambda;
  }

  @Override
  public final int batchSize() {
    return batch;
  }

  /**
   * The arithmetic.
   *
   * @return the type of the device's arrays
   */
  public final Dtype dtype() {
    return dtype;
  }

  /**
   * The online-CDL dictionary step on the same backend, in the same type and batch.
   *
   * @return the gradient
   */
  final DictionaryGradient dictionaryGradient() {
    return new Nd4jDictionaryGradient(name, dtype, batch, threads, runtime);
  }

  @Override
  public Map<String, String> device() {
    return runtime.provenance(dtype);
  }

  @Override
  public final List<CodingResult> solveBatch(Dictionary dictionary, List<Image> images,
      List<SolveListener> listeners) {
    Objects.requireNonNull(dictionary, "dictionary");
    if (images.size() != listeners.size()) {
      throw new IllegalArgumentException(images.size() + " images but " + listeners.size() + " listeners");
    }
    for (Image image : images) {
      SolverInputs.checkImage(name, dictionary, image);
    }
    runtime.useThreads(threads);
    List<CodingResult> results = new ArrayList<>(images.size());
    int from = 0;
    while (from < images.size()) {
      int to = batchEnd(images, from, batch);
      Image first = images.get(from);
      List<BatchRun.Slot> slots = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        slots.add(new BatchRun.Slot(i, images.get(i), Objects.requireNonNull(listeners.get(i), "listener")));
      }
      plan(dictionary.count(), first.height(), first.width(), slots.size());
      try {
        results.addAll(run(dictionary, slots));
      } catch (OutOfMemoryError | RuntimeException e) {
        if (e instanceof SolverException || !outOfMemory(e)) {
          throw e;
        }
        throw new SolverException(-1, memoryMessage(dictionary.count(), first.height(), first.width(), slots.size(),
            runtime.availableBytes(), "ran out of device memory", e));
      }
      from = to;
    }
    return results;
  }

  /**
   * Runs one batch.
   *
   * @param dictionary the kernels
   * @param slots the images, all of one size
   * @return their results, in order
   */
  protected abstract List<CodingResult> run(Dictionary dictionary, List<BatchRun.Slot> slots);

  /**
   * Elements of the device's type one image of a batch needs (state, scratch, a compaction's copy).
   *
   * @param count K
   * @param height H
   * @param width W
   * @return the element count
   */
  protected abstract long elementsPerImage(long count, long height, long width);

  /**
   * Bytes a batch needs on the device.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param images B
   * @return the estimate
   */
  final long bytes(long count, long height, long width, long images) {
    long columns = width / 2 + 1;
    long shared = 2 * count * height * columns + height * columns + 4 * width * columns + 2 * height * height
        + count * height * width;
    return (shared + images * elementsPerImage(count, height, width)) * dtype.bytes();
  }

  /**
   * The most images of this size that fit in {@code available} bytes.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param available bytes
   * @return at least 0
   */
  final long largestBatch(long count, long height, long width, long available) {
    long shared = bytes(count, height, width, 0);
    long each = bytes(count, height, width, 1) - shared;
    return available <= shared ? 0 : (available - shared) / each;
  }

  /**
   * Refuses, before allocating anything, a batch that cannot fit in the device's free memory.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param images the batch's size
   * @throws SolverException (iteration −1) giving the largest batch that fits
   */
  final void plan(long count, long height, long width, int images) {
    long available = runtime.availableBytes();
    if (bytes(count, height, width, images) > available) {
      throw new SolverException(-1, memoryMessage(count, height, width, images, available,
          "does not fit in the device's free memory", null));
    }
  }

  /**
   * The out-of-memory message: what the batch needs, what is free, and the largest batch that fits.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param images the batch's size
   * @param available the free bytes
   * @param what what happened
   * @param cause the device's error, or null
   * @return the message
   */
  final String memoryMessage(long count, long height, long width, int images, long available, String what,
      Throwable cause) {
    long need = bytes(count, height, width, images);
    long each = bytes(count, height, width, 1) - bytes(count, height, width, 0);
    long largest = Math.min(largestBatch(count, height, width, available), images - 1L);
    String advice = largest >= 1
        ? "set solver.batch to " + largest + " or less"
        : "not even one image fits: use smaller images or fewer kernels, or the core solver";
    return String.format(Locale.ROOT, "%s: a batch of %d %s of %dx%d with %d kernels in %s %s: it needs about %s"
        + " (%s an image) and %s is free on the %s backend (%s): %s, or %s%s", name, images,
        images == 1 ? "image" : "images", height, width, count, dtype.yamlName(), what, size(need), size(each),
        available == Long.MAX_VALUE ? "an unknown amount" : size(available), runtime.backend(), runtime.device(),
        advice, runtime.memoryAdvice(), cause == null ? "" : " (" + firstLine(cause) + ")");
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.strip().lines().findFirst().orElse(""));
  }

  /**
   * Whether an error is the device's (or JavaCPP's) out-of-memory error.
   *
   * @param e the error
   * @return true for an {@link OutOfMemoryError}, or an error whose message says the memory ran out
   */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("out of memory") || m.contains("failed to allocate") || m.contains("cannot allocate")
          || m.contains("memoryallocation") || m.contains("physical memory usage is too high")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A byte count for messages ({@code 1.5 GiB}).
   *
   * @param bytes the count
   * @return the text
   */
  static String size(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }

  /**
   * Where the batch that starts at {@code from} ends: up to {@code batch} images of the first one's size, in order
   * (a batch's arrays have one shape).
   *
   * @param images the images
   * @param from the batch's first image
   * @param batch the most images per batch
   * @return the index after the batch's last image
   */
  static int batchEnd(List<Image> images, int from, int batch) {
    Image first = images.get(from);
    int to = from + 1;
    while (to < images.size() && to - from < batch && images.get(to).height() == first.height()
        && images.get(to).width() == first.width()) {
      to++;
    }
    return to;
  }
}
