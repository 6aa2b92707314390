package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolverException;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.DivergenceGuard;

/**
 * One batched solve: B images of one size coded together, every array holding all of them along its axis 1
 * (see {@link Nd4jOps}). All images start together, so the active ones always share the iteration number;
 * stopping is per image: once an image meets its stopping test (or the iteration limit) its code and checks are
 * taken ({@link #finish}) and it leaves the arrays ({@link #compact}), so the others go on without it and its
 * result is the one it would have had alone.
 */
abstract class BatchRun {
  /** The solver's plugin name, for messages. */
  protected final String name;
  /** The kernels. */
  protected final Dictionary dictionary;
  /** The device's type. */
  protected final DataType type;
  /** K, H, W, W/2+1. */
  protected final int count;
  protected final int height;
  protected final int width;
  protected final int columns;
  /** {@code H·W}. */
  protected final double area;
  /** The transforms at this size. */
  protected final RealDft2d dft;
  /** The images still iterating, in array order. */
  protected List<Slot> active;
  private final long start;
  private int iteration;

  /** One image of the batch and what its solve has produced so far. */
  static final class Slot {
    /** Its position in the list the solver was given. */
    final int index;
    final Image image;
    final SolveListener listener;
    final List<IterationStats> stats = new ArrayList<>();
    /** Set by the guard's creator. */
    DivergenceGuard guard;
    /** The last iteration's stopping test. */
    boolean converged;
    /** The last row's objective. */
    double lastObjective = Double.NaN;
    CodingResult result;

    Slot(int index, Image image, SolveListener listener) {
      this.index = index;
      this.image = image;
      this.listener = listener;
    }
  }

  /**
   * Sets up the run's shapes.
   *
   * @param name the solver's name
   * @param dictionary the kernels
   * @param slots the images, all of one size
   * @param type the device type
   */
  protected BatchRun(String name, Dictionary dictionary, List<Slot> slots, DataType type) {
    this.name = name;
    this.dictionary = dictionary;
    this.type = type;
    this.count = dictionary.count();
    this.height = slots.get(0).image.height();
    this.width = slots.get(0).image.width();
    this.columns = width / 2 + 1;
    this.area = (double) height * width;
    this.dft = new RealDft2d(height, width, type);
    this.active = new ArrayList<>(slots);
    this.start = System.nanoTime();
  }

  /**
   * Iterates until every image has stopped.
   *
   * @param maxIterations the iteration limit
   * @return one result per slot given to the constructor, in that order
   * @throws BatchSolverException naming the image whose iteration failed
   */
  final List<CodingResult> run(int maxIterations) {
    List<Slot> all = new ArrayList<>(active);
    try {
      loop(maxIterations);
    } finally {
      release();
      close();
    }
    List<CodingResult> results = new ArrayList<>(all.size());
    for (Slot s : all) {
      results.add(s.result);
    }
    return results;
  }

  private void loop(int maxIterations) {
    while (!active.isEmpty()) {
      IterationStats[] rows = iterate(iteration);
      iteration++;
      List<Integer> done = new ArrayList<>();
      List<Integer> going = new ArrayList<>();
      for (int j = 0; j < active.size(); j++) {
        Slot s = active.get(j);
        s.stats.add(rows[j]);
        s.listener.onIteration(rows[j]);
        (s.converged || iteration >= maxIterations ? done : going).add(j);
      }
      if (!done.isEmpty()) {
        int[] finished = done.stream().mapToInt(Integer::intValue).toArray();
        finish(finished, iteration - 1);
        for (int j : finished) {
          Slot s = active.get(j);
          s.result = new CodingResult(code(j), s.stats, iteration, s.converged);
        }
        List<Slot> next = new ArrayList<>();
        for (int j : going) {
          next.add(active.get(j));
        }
        release();
        if (!next.isEmpty()) {
          compact(going.stream().mapToInt(Integer::intValue).toArray());
        }
        active = next;
      }
    }
  }

  /**
   * Runs one iteration for every active image and sets each slot's {@link Slot#converged}.
   *
   * @param k the iteration, from 0
   * @return one row per active image, in array order
   * @throws BatchSolverException naming the first image whose values are NaN, infinite or exploded
   */
  protected abstract IterationStats[] iterate(int k);

  /**
   * The last checks of the images that stopped (their results' objectives), before their codes are taken.
   *
   * @param positions their positions in the arrays
   * @param k the last iteration
   * @throws BatchSolverException naming the image whose result is refused
   */
  protected abstract void finish(int[] positions, int k);

  /**
   * The code an image returns.
   *
   * @param position its position in the arrays
   * @return its code
   */
  protected abstract SparseCode code(int position);

  /**
   * Frees the scratch arrays sized for the current batch (called before {@link #compact} and at the end; a
   * second call does nothing).
   */
  protected abstract void release();

  /**
   * Keeps only some images in the state arrays, and allocates scratch arrays for that many.
   *
   * @param keep their positions, in order
   */
  protected abstract void compact(int[] keep);

  /** Frees the arrays shared by every image (the kernels' spectra, the state); a second call does nothing. */
  protected abstract void close();

  /**
   * Seconds since the run started.
   *
   * @return the wall time
   */
  protected final double seconds() {
    return (System.nanoTime() - start) * 1e-9;
  }

  /**
   * The error of an image, from the error its guard made.
   *
   * @param slot the image
   * @param e the guard's error (whose message starts with its iteration)
   * @return the same error, naming the image
   */
  protected static BatchSolverException failed(Slot slot, SolverException e) {
    String m = e.getMessage();
    String prefix = "iteration " + e.iteration() + ": ";
    if (m != null && m.startsWith(prefix)) {
      m = m.substring(prefix.length());
    }
    BatchSolverException b = new BatchSolverException(slot.index, slot.image.id(), e.iteration(), m);
    b.initCause(e);
    return b;
  }

  /**
   * The total over the kernels of one image of per-slot values, in kernel order.
   *
   * @param values {@code B·K} values
   * @param position the image
   * @return the sum
   */
  protected final double total(double[] values, int position) {
    double s = 0;
    for (int k = 0; k < count; k++) {
      s += values[position * count + k];
    }
    return s;
  }
}
