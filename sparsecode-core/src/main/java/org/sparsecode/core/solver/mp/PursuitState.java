package org.sparsecode.core.solver.mp;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The state shared by the pursuits: residual {@code r}, its squared norm, the correlation map
 * {@code corr[k, y, x] = Σ_{i,j} u_k[i, j] r[(y+i) % H, (x+j) % W]} with the unit kernels, and the argmax tree.
 * The map is computed by FFT once ({@link #correlateAll}) and then changed locally by {@link #subtract}.
 * Not thread-safe.
 */
final class PursuitState {
  private final KernelGram gram;
  private final int count;
  private final int size;
  private final int span;
  private final int height;
  private final int width;
  private final double[] signal;
  private final double[] residual;
  private final double[] corr;
  private final ArgmaxTree tree;
  private final boolean keepSpectra;
  private final ParallelLoop loop;
  private DoubleDictionarySpectra spectra;
  private final boolean[] dirty;
  private final int[] dirtyList;
  private final int[] rowTiles;
  private final int[] colTiles;
  private final double[] regionValue;
  private final int[] regionKernel;
  private final double signalNormSq;
  private int dirtyCount;
  private double normSq;

  /**
   * Memory of the state for a problem, in bytes (map, residual, kernel spectra, FFT buffers).
   *
   * @param count K
   * @param height H
   * @param width W
   * @param threads workers
   * @return bytes
   */
  static long bytes(int count, int height, int width, int threads) {
    long plane = (long) height * width;
    long spectrum = (long) height * (width / 2 + 1) * 2;
    return Double.BYTES * (count * plane + count * spectrum + (threads + 1L) * spectrum + 4 * plane);
  }

  /**
   * Allocates the state (the map is not computed yet: call {@link #correlateAll}).
   *
   * @param keepSpectra keep the kernel spectra ({@code ≈ K H W} doubles) for later full re-correlations (OMP);
   *     otherwise they are dropped after the first
   */
  PursuitState(KernelGram gram, Image image, ParallelLoop loop, boolean keepSpectra) {
    this.gram = gram;
    this.count = gram.count();
    this.size = gram.size();
    this.span = gram.span();
    this.height = image.height();
    this.width = image.width();
    this.loop = loop;
    this.signal = image.pixels().clone();
    this.residual = signal.clone();
    double s = 0;
    for (double v : signal) {
      s += v * v;
    }
    if (!Double.isFinite(s)) {
      throw new SolverException(-1, "image " + image.id() + " has a NaN or infinite pixel");
    }
    this.signalNormSq = s;
    this.normSq = s;
    this.corr = new double[Math.toIntExact((long) count * height * width)];
    this.tree = new ArgmaxTree(count, height, width);
    this.keepSpectra = keepSpectra;
    this.dirty = new boolean[tree.tiles()];
    this.dirtyList = new int[tree.tiles()];
    this.rowTiles = new int[(height + ArgmaxTree.TILE - 1) / ArgmaxTree.TILE];
    this.colTiles = new int[tree.tilesX()];
    this.regionValue = new double[span * span];
    this.regionKernel = new int[span * span];
  }

  int count() {
    return count;
  }

  int height() {
    return height;
  }

  int width() {
    return width;
  }

  KernelGram gram() {
    return gram;
  }

  double[] signal() {
    return signal;
  }

  double[] residual() {
    return residual;
  }

  double[] correlations() {
    return corr;
  }

  double normSq() {
    return normSq;
  }

  double signalNormSq() {
    return signalNormSq;
  }

  /** Flat index of the first entry of largest magnitude. */
  int best() {
    return tree.best();
  }

  /** Recomputes {@code ‖r‖²} from the residual. */
  void renorm() {
    double s = 0;
    for (double v : residual) {
      s += v * v;
    }
    normSq = s;
  }

  /**
   * Recomputes the whole map from the residual by FFT and rebuilds the tree.
   *
   * @param step the step, for the error message
   * @throws SolverException if the map has a NaN or infinite entry
   */
  void correlateAll(int step) {
    if (spectra == null) {
      spectra = new DoubleDictionarySpectra(Dictionary.of(size, count, gram.unitKernels()), height, width);
    }
    spectra.correlate(residual, corr, loop);
    if (!keepSpectra) {
      spectra = null;
    }
    for (double v : corr) {
      if (!Double.isFinite(v)) {
        throw new SolverException(step, "the correlation of the residual with the kernels is NaN or infinite");
      }
    }
    tree.scanPixels(corr);
    tree.rebuild();
    dirtyCount = 0;
    java.util.Arrays.fill(dirty, false);
  }

  /**
   * Subtracts {@code c · u_k0} placed at {@code (y0, x0)} from the residual (updating {@code ‖r‖²} from the
   * patch alone) and, if asked, from the correlation map: {@code corr[k, y0 + δ] −= c G[k0][k](δ)}, marking the
   * tiles touched. Call {@link #flush} before reading the argmax again.
   */
  void subtract(int k0, int y0, int x0, double c, boolean updateMap) {
    double[] u = gram.unitKernels();
    int k2 = size * size;
    double before = 0;
    double after = 0;
    for (int i = 0; i < size; i++) {
      int row = ((y0 + i) % height) * width;
      int ub = k0 * k2 + i * size;
      for (int j = 0; j < size; j++) {
        int p = row + (x0 + j) % width;
        double old = residual[p];
        double now = old - c * u[ub + j];
        before += old * old;
        after += now * now;
        residual[p] = now;
      }
    }
    normSq += after - before;
    if (updateMap) {
      updateMap(k0, y0, x0, c);
    }
  }

  private void updateMap(int k0, int y0, int x0, double c) {
    double[] g = gram.table();
    int m = size - 1;
    int s2 = span * span;
    int xs = Math.floorMod(x0 - m, width);
    int first = Math.min(span, width - xs);
    if (width < span || height < span) {
      // Small image: the (2k-1)^2 offsets alias onto the same pixels; update, then rescan every pixel.
      for (int k = 0; k < count; k++) {
        int gb = (k0 * count + k) * s2;
        for (int a = 0; a < span; a++) {
          int row = (k * height + Math.floorMod(y0 - m + a, height)) * width;
          for (int b = 0; b < span; b++) {
            corr[row + (xs + b) % width] -= c * g[gb + a * span + b];
          }
        }
      }
      tree.scanPixels(corr);
      markAll();
      return;
    }
    // One pass over k (upwards): update the entries and keep, per pixel of the region, the best |corr| over k
    // (strict '>' keeps the smallest k on ties, the C-order first maximum).
    java.util.Arrays.fill(regionValue, -1.0);
    for (int k = 0; k < count; k++) {
      int gb = (k0 * count + k) * s2;
      for (int a = 0; a < span; a++) {
        int row = (k * height + Math.floorMod(y0 - m + a, height)) * width;
        int ga = gb + a * span;
        int ra = a * span;
        // The S columns wrap at most once: [xs, xs + first) then [0, S - first).
        int at = row + xs;
        for (int b = 0; b < first; b++) {
          double v = corr[at + b] - c * g[ga + b];
          corr[at + b] = v;
          double abs = Math.abs(v);
          if (abs > regionValue[ra + b]) {
            regionValue[ra + b] = abs;
            regionKernel[ra + b] = k;
          }
        }
        int back = row - first;
        for (int b = first; b < span; b++) {
          double v = corr[back + b] - c * g[ga + b];
          corr[back + b] = v;
          double abs = Math.abs(v);
          if (abs > regionValue[ra + b]) {
            regionValue[ra + b] = abs;
            regionKernel[ra + b] = k;
          }
        }
      }
    }
    double[] pv = tree.pixelValue();
    int[] pi = tree.pixelIndex();
    int plane = height * width;
    for (int a = 0; a < span; a++) {
      int y = Math.floorMod(y0 - m + a, height);
      for (int b = 0; b < span; b++) {
        int x = xs + b < width ? xs + b : xs + b - width;
        int p = y * width + x;
        pv[p] = regionValue[a * span + b];
        pi[p] = regionKernel[a * span + b] * plane + p;
      }
    }
    markTiles(y0, x0);
  }

  private void markAll() {
    for (int t = 0; t < dirty.length; t++) {
      if (!dirty[t]) {
        dirty[t] = true;
        dirtyList[dirtyCount++] = t;
      }
    }
  }

  private void markTiles(int y0, int x0) {
    int m = size - 1;
    int rows = distinctTiles(y0 - m, height, rowTiles);
    int cols = distinctTiles(x0 - m, width, colTiles);
    int tilesX = tree.tilesX();
    for (int a = 0; a < rows; a++) {
      for (int b = 0; b < cols; b++) {
        int t = rowTiles[a] * tilesX + colTiles[b];
        if (!dirty[t]) {
          dirty[t] = true;
          dirtyList[dirtyCount++] = t;
        }
      }
    }
  }

  /** The distinct tile indices of the {@code span} consecutive (circular) pixels from {@code start}. */
  private int distinctTiles(int start, int length, int[] out) {
    int tilesAlong = (length + ArgmaxTree.TILE - 1) / ArgmaxTree.TILE;
    if (span >= length) {
      for (int t = 0; t < tilesAlong; t++) {
        out[t] = t;
      }
      return tilesAlong;
    }
    int n = 0;
    int last = -1;
    int firstTile = -1;
    for (int a = 0; a < span; a++) {
      int t = Math.floorMod(start + a, length) / ArgmaxTree.TILE;
      if (t != last && t != firstTile) {
        out[n++] = t;
        if (firstTile < 0) {
          firstTile = t;
        }
        last = t;
      }
    }
    return n;
  }

  /** Rescans the tiles changed since the last flush and updates the tree. */
  void flush() {
    if (dirtyCount * 8 > tree.tiles()) {
      tree.rebuild();
    } else {
      for (int i = 0; i < dirtyCount; i++) {
        tree.refresh(dirtyList[i]);
      }
    }
    for (int i = 0; i < dirtyCount; i++) {
      dirty[dirtyList[i]] = false;
    }
    dirtyCount = 0;
  }
}
