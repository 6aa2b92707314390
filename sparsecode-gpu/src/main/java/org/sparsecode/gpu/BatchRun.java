package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
  /** The settings' λ. */
  protected final double lambda;
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
   * @param lambda the settings' λ
   */
  protected BatchRun(String name, Dictionary dictionary, List<Slot> slots, DataType type, double lambda) {
    this.name = name;
    this.dictionary = dictionary;
    this.type = type;
    this.lambda = lambda;
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
   * second call does nothing, {@link Nd4jOps#close} skipping closed arrays). The fields keep the closed arrays
   * until {@link #compact} replaces them: nothing reads them in between.
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

  // What the three runs share: the arrays' shapes, their setup and compaction, and the per-image checks.

  /**
   * Elements per image of arrays of the three shapes below (integer arithmetic: exact).
   *
   * @param count K
   * @param height H
   * @param width W
   * @param maps how many arrays of {@link #maps} shape
   * @param spectra how many of {@link #spectra} shape
   * @param planes how many of {@link #planes} shape
   * @return the element count per image
   */
  static long elements(long count, long height, long width, int maps, int spectra, int planes) {
    long columns = width / 2 + 1;
    return maps * (count * height * width) + spectra * (count * height * columns) + planes * height * columns;
  }

  /**
   * A new array of one map per image and kernel, {@code [H, B, K, W]}.
   *
   * @param batch B
   * @return the array (zeros)
   */
  protected final INDArray maps(int batch) {
    return Nd4j.create(type, height, batch, count, width);
  }

  /**
   * A new half spectrum per image and kernel, {@code [H, B, K, W/2+1]} (one part, real or imaginary).
   *
   * @param batch B
   * @return the array (zeros)
   */
  protected final INDArray spectra(int batch) {
    return Nd4j.create(type, height, batch, count, columns);
  }

  /**
   * A new half spectrum per image, {@code [H, B, W/2+1]} (one part, real or imaginary).
   *
   * @param batch B
   * @return the array (zeros)
   */
  protected final INDArray planes(int batch) {
    return Nd4j.create(type, height, batch, columns);
  }

  /**
   * The images' half spectra Ŝ.
   *
   * @param slots the images
   * @return the real and imaginary parts, {@code [H, B, W/2+1]} each
   */
  protected final INDArray[] imageSpectra(List<Slot> slots) {
    return Spectra.images(slots.stream().map(z -> z.image).toList(), height, width, type);
  }

  /**
   * Gives every image its divergence guard.
   *
   * @param slots the images
   * @param advice what to change when an image's solve fails from finite inputs, given the image's
   *     {@link Slot#index} (called on the error path only)
   */
  protected final void guard(List<Slot> slots, IntFunction<String> advice) {
    for (Slot slot : slots) {
      int j = slot.index;
      slot.guard = DivergenceGuard.of(name, dictionary, slot.image, () -> advice.apply(j));
    }
  }

  /**
   * Keeps only some images of state arrays: each array's copy of them, the arrays given being closed.
   *
   * @param keep the images' positions, in order
   * @param state the arrays, images along axis 1
   * @return the copies, in the order given
   */
  protected static INDArray[] select(int[] keep, INDArray... state) {
    INDArray[] kept = new INDArray[state.length];
    for (int i = 0; i < state.length; i++) {
      kept[i] = Nd4jOps.select(state[i], keep);
    }
    Nd4jOps.close(state);
    return kept;
  }

  /**
   * The data term ½‖D x − s‖² of an image, from the energy of its residual spectrum.
   *
   * @param energy per image, the half spectrum's energy ({@link Nd4jOps#energies})
   * @param b the image's position
   * @return the data term
   */
  protected final double dataFidelity(double[] energy, int b) {
    return energy[b] / area / 2;
  }

  /**
   * Refuses an image's result when its objective is not finite or has exploded, naming the image.
   *
   * @param slot the image
   * @param k the last iteration
   * @param objective the objective of the iterate checked
   * @param of what that iterate is, for the message
   * @throws BatchSolverException naming the image
   */
  protected static void checkResult(Slot slot, int k, double objective, String of) {
    try {
      slot.guard.checkResult(k, objective, of);
    } catch (SolverException e) {
      throw failed(slot, e);
    }
  }

  /**
   * An image's iteration in a solver with one stopping measure and no dual (FISTA, LCA): its row, its
   * divergence checks, its objective kept for {@link #finish}, and its stopping test {@code measure < tolerance}.
   *
   * @param b the image's position
   * @param k the iteration
   * @param dataFidelity the data term
   * @param regularization the (weighted) ℓ1 norm; the objective adds λ times it
   * @param measure the stopping measure
   * @param tolerance the stopping tolerance
   * @param parameter the step's parameter, reported in the row's ρ column
   * @param measureName the measure's name in the divergence message
   * @param parameterName the parameter's name in the divergence message
   * @return the row
   * @throws BatchSolverException naming the image when its objective or measure is not finite or has exploded
   */
  protected final IterationStats singleMeasureRow(int b, int k, double dataFidelity, double regularization,
      double measure, double tolerance, double parameter, String measureName, String parameterName) {
    Slot slot = active.get(b);
    double objective = dataFidelity + lambda * regularization;
    IterationStats row = new IterationStats(k, objective, dataFidelity, regularization, measure, Double.NaN,
        tolerance, Double.NaN, parameter, seconds());
    if (!slot.guard.passes(objective) || !Double.isFinite(measure)) {
      throw failed(slot, slot.guard.diverged(k, objective,  measureName + " " + DivergenceGuard.show(measure) + ", "
          + parameterName + " " + DivergenceGuard.show(parameter)));
    }
    slot.lastObjective = objective;
    slot.converged = measure < tolerance;
    return row;
  }
}
