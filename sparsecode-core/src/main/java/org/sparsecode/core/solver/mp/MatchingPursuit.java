package org.sparsecode.core.solver.mp;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * Convolutional matching pursuit (Mallat &amp; Zhang, "Matching pursuits with time-frequency dictionaries",
 * IEEE TSP 41(12), 1993), as the reference of the fixtures README §5: with unit kernels
 * {@code u_k = d_k / ‖d_k‖}, repeat: {@code (k, y, x) = argmax |corr|} (first maximum in C order over
 * {@code (k, y, x)}), {@code c = corr[k, y, x]}, {@code r ← r − c · u_k at (y, x)} (circular). The returned code
 * is for the dictionary AS GIVEN ({@code c / ‖d_k‖}), so {@code code.reconstruct(dictionary)} is the pursuit's
 * approximation; the same atom may be selected several times (its coefficients add up).
 *
 * <p>Speed: the map is computed by FFT once, then updated locally with the kernel cross-correlations
 * ({@link KernelGram}) and its maximum kept in a tournament tree over tiles ({@link ArgmaxTree}): one atom
 * costs {@code O(K (2k−1)²)} operations (one pass over a contiguous block of the pixel-major map, which also
 * yields each touched pixel's maximum over k, then {@code ≤ 16} tiles of 64 pixel maxima and their tree paths),
 * independent of the image size. Memory: {@code K² (2k−1)²} doubles for the table (88 MB at the paper's size)
 * plus {@code K H W} doubles for the map (75 MB at 256 × 256; the FFT runs 16 kernels at a time), checked
 * against the heap before allocating. The solver keeps the last table and reuses it while the dictionary is
 * the same (a run codes many images with one dictionary).
 *
 * <p>Statistics per atom: objective = dataFidelity = {@code ½‖r‖²}, {@code primalResidual} = {@code ‖r‖}, the
 * other fields NaN. {@link CodingResult#iterations()} is the number of atoms selected by this solve;
 * {@code converged} is true when a rule other than {@code maxAtoms} stopped it. Thread-safe: every solve has
 * its own {@link Workspace}.
 */
public final class MatchingPursuit extends Pursuit {
  static final String NAME = "matching-pursuit";

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param threads workers for the initial correlation and the kernel table, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public MatchingPursuit(PursuitSettings settings, int threads) {
    super(settings, threads);
  }

  /**
   * Prepares a solve without running it: checks the inputs and the heap, normalises the kernels and computes
   * their cross-correlations, subtracts the initial code, correlates the residual by FFT and builds the argmax
   * tree. {@link #solve} is a loop over {@link Workspace#step()}; benchmarks time the steps alone this way.
   *
   * @param dictionary the kernels (none zero)
   * @param image a grey image at least as large as the kernels
   * @param initial the warm start (coefficients for the dictionary as given), or null
   * @return the workspace, to be closed
   * @throws IllegalArgumentException on bad input (see {@link Pursuits}), a zero kernel, or
   *     {@code maxAtoms > K·H·W}
   * @throws SolverException if the buffers cannot fit in the heap
   */
  public Workspace workspace(Dictionary dictionary, Image image, SparseCode initial) {
    Pursuits.check(NAME, dictionary, image, initial, settings.maxAtoms());
    return new Workspace(dictionary, image, initial);
  }

  @Override
  Steps open(Dictionary dictionary, Image image, SparseCode initial) {
    return workspace(dictionary, image, initial);
  }

  /** One solve's state, advanced one atom at a time. Not thread-safe; close it to stop its threads. */
  public final class Workspace extends Pursuit.Steps {
    private final ParallelLoop loop;
    private final PursuitState state;
    private final long start;
    private int[] idx;
    private double[] val;
    private int stored;
    private int atoms;

    private Workspace(Dictionary dictionary, Image image, SparseCode initial) {
      Pursuits.checkHeap(NAME, grams.bytesFor(dictionary)
          + PursuitState.bytes(dictionary.count(), image.height(), image.width(), threads, false), dictionary, image);
      this.loop = new ParallelLoop(threads);
      try {
        KernelGram gram = grams.get(dictionary, loop);
        this.state = new PursuitState(gram, image, loop, false);
        int nnz = initial == null ? 0 : initial.nonZeros();
        int capacity = (int) Math.min((long) nnz + settings.maxAtoms(), Integer.MAX_VALUE - 8);
        this.idx = new int[Math.min(capacity, 1 << 16)];
        this.val = new double[idx.length];
        if (initial != null) {
          int plane = image.height() * image.width();
          for (int i = 0; i < nnz; i++) {
            int at = initial.indices()[i];
            int k = at / plane;
            int y = (at - k * plane) / image.width();
            int x = at - k * plane - y * image.width();
            double unit = initial.values()[i] * gram.norm(k);
            state.subtract(k, y, x, unit, false);
            record(at, unit);
          }
          state.renorm();
        }
        state.correlateAll(-1);
        this.start = System.nanoTime();
      } catch (RuntimeException | Error e) {
        loop.close();
        throw e;
      }
    }

    private void record(int at, double unit) {
      if (stored == idx.length) {
        int grown = (int) Math.min(2L * idx.length, Integer.MAX_VALUE - 8);
        idx = java.util.Arrays.copyOf(idx, grown);
        val = java.util.Arrays.copyOf(val, grown);
      }
      idx[stored] = at;
      val[stored++] = unit;
    }

    /**
     * Selects one atom: the first maximum of {@code |corr|}, subtracts it, updates the map and the tree.
     *
     * @return the atom
     * @throws SolverException if the coefficient or the residual norm is NaN or infinite
     */
    public Atom step() {
      int at = state.best();
      double c = state.value(at);
      int plane = state.height() * state.width();
      int k = at / plane;
      int y = (at - k * plane) / state.width();
      int x = at - k * plane - y * state.width();
      state.subtract(k, y, x, c, true);
      state.flush();
      double n2 = state.normSq();
      if (!Double.isFinite(c) || !Double.isFinite(n2)) {
        throw new SolverException(atoms, "matching-pursuit: the coefficient (" + c + ") or the residual energy ("
            + n2 + ") of atom (" + k + ", " + y + ", " + x + ") is NaN or infinite");
      }
      record(at, c);
      atoms++;
      return new Atom(k, y, x, c, Math.sqrt(Math.max(0, n2)));
    }

    @Override
    double advance() {
      Atom atom = step();
      return atom.residualNorm() * atom.residualNorm();
    }

    @Override
    long started() {
      return start;
    }

    /**
     * Atoms selected so far by this workspace (the warm start not counted).
     *
     * @return the count
     */
    @Override
    public int atoms() {
      return atoms;
    }

    /**
     * A copy of the locally updated correlation map (layout {@code (k · H + y) · W + x}), for checks against
     * a full re-correlation.
     *
     * @return {@code K H W} values
     */
    public double[] correlations() {
      return state.kernelMajor();
    }

    /**
     * The code so far, for the dictionary as given (warm start included).
     *
     * @return the sparse code
     */
    @Override
    public SparseCode code() {
      return Pursuits.code(state.gram(), state.height(), state.width(), idx, val, stored);
    }

    @Override
    PursuitState state() {
      return state;
    }

    @Override
    ParallelLoop loop() {
      return loop;
    }
  }
}
