package org.sparsecode.core.solver.mp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * Convolutional orthogonal matching pursuit (Pati, Rezaiifar &amp; Krishnaprasad, "Orthogonal matching
 * pursuit: recursive function approximation with applications to wavelet decomposition", Asilomar 1993):
 * selects atoms as {@link MatchingPursuit} (first maximum of |correlation| with the unit kernels), then refits
 * every selected coefficient by least squares on the support, so the residual is orthogonal to every selected
 * atom.
 *
 * <p>The refit is a small dense solve: the Gram matrix of the support ({@code ⟨atom_a, atom_b⟩}, read from the
 * kernel cross-correlation table of {@link KernelGram}) is kept as a Cholesky factor extended by one row per
 * atom ({@code O(n²)} for n atoms), then solved against {@code b_a = ⟨s, atom_a⟩} ({@code O(n²)}). The residual
 * is updated by the coefficient changes ({@code O(n k²)}); the correlation map either locally per changed atom
 * ({@code O(n K (2k−1)²)}) or, when that is dearer, recomputed by FFT ({@code O(K H W log HW)}) — so one atom
 * costs {@code O(n² + min(n K (2k−1)², K H W log HW))}: OMP is for modest supports (the factor takes
 * {@code n²/2} doubles, 4 MB for 1000 atoms). An atom already in the support or linearly dependent on it ends
 * the solve (the residual cannot be reduced further), as converged.
 *
 * <p>Coefficients are reported for the dictionary as given ({@code x_unit / ‖d_k‖}); statistics as
 * {@link MatchingPursuit}. Warm start: the initial code's atoms form the initial support with their given
 * coefficients (refit at the first step). Thread-safe: every solve has its own {@link Workspace}.
 */
public final class OrthogonalMatchingPursuit extends Pursuit {
  static final String NAME = "omp";
  /** A new atom whose Cholesky pivot² is below this is taken as dependent on the support. */
  private static final double DEPENDENT = 1e-10;

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param threads workers for the correlations by FFT and the kernel table, at least 1
   * @throws IllegalArgumentException if {@code threads < 1}
   */
  public OrthogonalMatchingPursuit(PursuitSettings settings, int threads) {
    super(settings, threads);
  }

  /**
   * Prepares a solve without running it (see {@link MatchingPursuit#workspace}).
   *
   * @param dictionary the kernels (none zero)
   * @param image a grey image at least as large as the kernels
   * @param initial the warm start (coefficients for the dictionary as given), or null
   * @return the workspace, to be closed
   * @throws IllegalArgumentException on bad input, a zero kernel, {@code maxAtoms > K·H·W}, or an initial code
   *     whose atoms are linearly dependent
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
    private final KernelGram gram;
    private final int plane;
    private final int width;
    private final long start;
    private final Map<Integer, Integer> position = new HashMap<>();
    private int[] support;
    private double[] coef;
    private double[] rhs;
    private double[] factor;
    private double[] work;
    private int n;
    private int atoms;

    private Workspace(Dictionary dictionary, Image image, SparseCode initial) {
      int nnz = initial == null ? 0 : initial.nonZeros();
      long capacity = Math.min((long) nnz + settings.maxAtoms(), (long) dictionary.count() * image.area());
      Pursuits.checkHeap(NAME, grams.bytesFor(dictionary)
          + PursuitState.bytes(dictionary.count(), image.height(), image.width(), threads, true)
          + capacity * (capacity + 1) / 2 * Double.BYTES, dictionary, image);
      this.loop = new ParallelLoop(threads);
      try {
        this.gram = grams.get(dictionary, loop);
        this.state = new PursuitState(gram, image, loop, true);
        this.plane = image.area();
        this.width = image.width();
        int cap = Math.max(16, nnz);
        this.support = new int[cap];
        this.coef = new double[cap];
        this.rhs = new double[cap];
        this.work = new double[cap];
        this.factor = new double[cap * (cap + 1) / 2];
        for (int i = 0; i < nnz; i++) {
          int at = initial.indices()[i];
          if (!extend(at)) {
            throw new IllegalArgumentException("omp: the atoms of the initial code are linearly dependent (atom "
                + at + "): start from a code whose atoms are independent");
          }
          int k = at / plane;
          coef[n - 1] = initial.values()[i] * gram.norm(k);
          state.subtract(k, (at - k * plane) / width, (at - k * plane) % width, coef[n - 1], false);
        }
        state.renorm();
        state.correlateAll(-1);
        this.start = System.nanoTime();
      } catch (RuntimeException | Error e) {
        loop.close();
        throw e;
      }
    }

    /** Appends an atom to the support and a row to the Cholesky factor; false if it is dependent. */
    private boolean extend(int at) {
      if (n == support.length) {
        grow();
      }
      int k = at / plane;
      int y = (at - k * plane) / width;
      int x = at - k * plane - y * width;
      int h = state.height();
      int rowStart = n * (n + 1) / 2;
      double sq = 0;
      for (int j = 0; j < n; j++) {
        int bj = support[j];
        int kj = bj / plane;
        int yj = (bj - kj * plane) / width;
        int xj = bj - kj * plane - yj * width;
        double g = gram.inner(k, y, x, kj, yj, xj, h, width);
        int rj = j * (j + 1) / 2;
        for (int m = 0; m < j; m++) {
          g -= factor[rj + m] * factor[rowStart + m];
        }
        double l = g / factor[rj + j];
        factor[rowStart + j] = l;
        sq += l * l;
      }
      double pivot = gram.inner(k, y, x, k, y, x, h, width) - sq;
      if (!(pivot > DEPENDENT)) {
        return false;
      }
      factor[rowStart + n] = Math.sqrt(pivot);
      // b = <s, atom>, directly from the signal's k x k patch.
      double[] u = gram.unitKernels();
      double[] s = state.signal();
      int size = gram.size();
      double b = 0;
      for (int i = 0; i < size; i++) {
        int row = ((y + i) % h) * width;
        for (int j = 0; j < size; j++) {
          b += u[(k * size + i) * size + j] * s[row + (x + j) % width];
        }
      }
      support[n] = at;
      rhs[n] = b;
      coef[n] = 0;
      position.put(at, n);
      n++;
      return true;
    }

    private void grow() {
      int cap = 2 * support.length;
      support = Arrays.copyOf(support, cap);
      coef = Arrays.copyOf(coef, cap);
      rhs = Arrays.copyOf(rhs, cap);
      work = new double[cap];
      factor = Arrays.copyOf(factor, Math.toIntExact((long) cap * (cap + 1) / 2));
    }

    /**
     * Selects the first maximum of |corr|, refits the support by least squares and updates the residual and
     * the map.
     *
     * @return the atom (its refit unit-kernel coefficient, {@code ‖r‖} after the refit), or null if the best
     *     atom is already in the support or depends linearly on it (nothing was changed)
     * @throws SolverException if a coefficient or the residual energy is NaN or infinite
     */
    public Atom step() {
      int at = state.best();
      if (position.containsKey(at) || !extend(at)) {
        return null;
      }
      // Solve L Lᵀ x = b: forward into work, then backward into work.
      for (int i = 0; i < n; i++) {
        int ri = i * (i + 1) / 2;
        double v = rhs[i];
        for (int m = 0; m < i; m++) {
          v -= factor[ri + m] * work[m];
        }
        work[i] = v / factor[ri + i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double v = work[i];
        for (int m = i + 1; m < n; m++) {
          v -= factor[m * (m + 1) / 2 + i] * work[m];
        }
        work[i] = v / factor[i * (i + 1) / 2 + i];
      }
      int changed = 0;
      for (int i = 0; i < n; i++) {
        if (work[i] != coef[i]) {
          changed++;
        }
      }
      int h = state.height();
      long span2 = (long) gram.span() * gram.span();
      boolean local = changed * span2 * 2 < (long) plane * (32 - Integer.numberOfLeadingZeros(plane));
      for (int i = 0; i < n; i++) {
        double delta = work[i] - coef[i];
        if (!Double.isFinite(delta)) {
          throw new SolverException(atoms, "omp: the least-squares refit gave a NaN or infinite coefficient"
              + " (support of " + n + " atoms)");
        }
        if (delta != 0) {
          int a = support[i];
          int k = a / plane;
          state.subtract(k, (a - k * plane) / width, (a - k * plane) % width, delta, local);
          coef[i] = work[i];
        }
      }
      if (local) {
        state.flush();
      } else {
        state.correlateAll(atoms);
      }
      state.renorm();
      if (!Double.isFinite(state.normSq())) {
        throw new SolverException(atoms, "omp: the residual energy is NaN or infinite");
      }
      atoms++;
      int k = at / plane;
      int y = (at - k * plane) / width;
      return new Atom(k, y, at - k * plane - y * width, coef[n - 1], Math.sqrt(state.normSq()));
    }

    @Override
    double advance() {
      return step() == null ? Double.NaN : normSq();
    }

    @Override
    long started() {
      return start;
    }

    /**
     * Atoms selected by this workspace (the warm start not counted).
     *
     * @return the count
     */
    @Override
    public int atoms() {
      return atoms;
    }

    /**
     * The code so far, for the dictionary as given.
     *
     * @return the sparse code
     */
    @Override
    public SparseCode code() {
      return Pursuits.code(gram, state.height(), width, support, coef, n);
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
