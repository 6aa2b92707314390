package org.sparsecode.core.solver.mp;

import java.util.Arrays;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The state shared by the pursuits: residual {@code r}, its squared norm, the correlation map
 * {@code corr[k, y, x] = Σ_{i,j} u_k[i, j] r[(y+i) % H, (x+j) % W]} with the unit kernels, and the argmax tree.
 * The map is computed by FFT ({@link #correlateAll}) and then changed locally by {@link #subtract}.
 *
 * <p>The map is stored PIXEL-major, {@code corr[(y · W + x) · K + k]}: the update after one atom then reads
 * and writes {@code 2k − 1} contiguous runs of {@code (2k − 1) K} values (and the matching contiguous block of
 * the {@link KernelGram} table) instead of {@code K (2k − 1)} scattered short rows, and each pixel's maximum
 * over k is a contiguous scan done in the same pass. Flat indices handed out ({@link #best}) are in the
 * fixture's C order over {@code (k, y, x)}, {@code (k · H + y) · W + x}. The FFT correlation is done for
 * {@value #GROUP} kernels at a time, so only their spectra and maps are held besides the map.
 * Not thread-safe.
 */
final class PursuitState {
  /** Kernels correlated by FFT together. */
  static final int GROUP = 16;

  private final KernelGram gram;
  private final int count;
  private final int size;
  private final int span;
  private final int height;
  private final int width;
  private final int plane;
  private final double[] signal;
  private final double[] residual;
  private final double[] corr;
  private final ArgmaxTree tree;
  private final boolean keepSpectra;
  private final ParallelLoop loop;
  private final DoubleDictionarySpectra[] spectra;
  private final boolean[] dirty;
  private final int[] dirtyList;
  private final int[] rowTiles;
  private final int[] colTiles;
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
   * @param keepSpectra whether all kernel spectra are kept (OMP) or only one group's at a time
   * @return bytes
   */
  static long bytes(int count, int height, int width, int threads, boolean keepSpectra) {
    long plane = (long) height * width;
    long spectrum = (long) height * (width / 2 + 1) * 2;
    long group = Math.min(count, GROUP);
    return Double.BYTES * (count * plane + (keepSpectra ? count : group) * spectrum + group * plane
        + (threads + 1L) * spectrum + 4 * plane) + 12 * plane;
  }

  /**
   * Allocates the state (the map is not computed yet: call {@link #correlateAll}).
   *
   * @param keepSpectra keep the kernel spectra ({@code ≈ K H W} doubles) for later full re-correlations (OMP);
   *     otherwise each group's are dropped after use
   */
  PursuitState(KernelGram gram, Image image, ParallelLoop loop, boolean keepSpectra) {
    this.gram = gram;
    this.count = gram.count();
    this.size = gram.size();
    this.span = gram.span();
    this.height = image.height();
    this.width = image.width();
    this.plane = height * width;
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
    this.tree = new ArgmaxTree(height, width);
    this.keepSpectra = keepSpectra;
    this.spectra = new DoubleDictionarySpectra[(count + GROUP - 1) / GROUP];
    this.dirty = new boolean[tree.tiles()];
    this.dirtyList = new int[tree.tiles()];
    this.rowTiles = new int[(height + ArgmaxTree.TILE - 1) / ArgmaxTree.TILE];
    this.colTiles = new int[tree.tilesX()];
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

  double normSq() {
    return normSq;
  }

  double signalNormSq() {
    return signalNormSq;
  }

  /** Flat index {@code (k · H + y) · W + x} of the first entry of largest magnitude. */
  int best() {
    return tree.best();
  }

  /**
   * One entry of the map.
   *
   * @param flat the index {@code (k · H + y) · W + x}
   * @return {@code corr[k, y, x]}
   */
  double value(int flat) {
    int k = flat / plane;
    return corr[(flat - k * plane) * count + k];
  }

  /**
   * A copy of the map in the fixture's layout {@code (k · H + y) · W + x}.
   *
   * @return {@code K H W} values
   */
  double[] kernelMajor() {
    double[] out = new double[corr.length];
    for (int p = 0; p < plane; p++) {
      for (int k = 0; k < count; k++) {
        out[k * plane + p] = corr[p * count + k];
      }
    }
    return out;
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
   * Recomputes the whole map from the residual by FFT ({@value #GROUP} kernels at a time) and rebuilds the tree.
   *
   * @param step the step, for the error message
   * @throws SolverException if the map has a NaN or infinite entry
   */
  void correlateAll(int step) {
    double[] unit = gram.unitKernels();
    int k2 = size * size;
    double[] maps = new double[Math.min(GROUP, count) * plane];
    for (int g = 0; g < spectra.length; g++) {
      int from = g * GROUP;
      int n = Math.min(GROUP, count - from);
      DoubleDictionarySpectra sp = spectra[g];
      if (sp == null) {
        sp = new DoubleDictionarySpectra(Dictionary.of(size, n, Arrays.copyOfRange(unit, from * k2,
            (from + n) * k2)), height, width);
        if (keepSpectra) {
          spectra[g] = sp;
        }
      }
      sp.correlate(residual, maps, loop);
      for (int p = 0; p < plane; p++) {
        int at = p * count + from;
        for (int j = 0; j < n; j++) {
          double v = maps[j * plane + p];
          if (!Double.isFinite(v)) {
            throw new SolverException(step, "the correlation of the residual with kernel " + (from + j)
                + " is NaN or infinite");
          }
          corr[at + j] = v;
        }
      }
    }
    scanPixels();
    tree.rebuild();
    dirtyCount = 0;
    Arrays.fill(dirty, false);
  }

  /** Every pixel's maximum over k (k upwards, strict: the smallest k wins ties). */
  private void scanPixels() {
    double[] pv = tree.pixelValue();
    int[] pi = tree.pixelIndex();
    for (int p = 0; p < plane; p++) {
      int base = p * count;
      double best = -1.0;
      int bk = 0;
      for (int k = 0; k < count; k++) {
        double a = Math.abs(corr[base + k]);
        if (a > best) {
          best = a;
          bk = k;
        }
      }
      pv[p] = best;
      pi[p] = bk * plane + p;
    }
  }

  /**
   * Subtracts {@code c · u_k0} placed at {@code (y0, x0)} from the residual (updating {@code ‖r‖²} from the
   * patch alone) and, if asked, from the correlation map: {@code corr[k, y0 + δ] −= c G[k0][k](δ)}, with the
   * pixel maxima of the region, marking the tiles touched. Call {@link #flush} before reading the argmax again.
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
    int xs = Math.floorMod(x0 - m, width);
    boolean aliased = width < span || height < span;
    double[] pv = tree.pixelValue();
    int[] pi = tree.pixelIndex();
    for (int a = 0; a < span; a++) {
      int row = Math.floorMod(y0 - m + a, height) * width;
      for (int b = 0; b < span; b++) {
        int p = row + (xs + b) % width;
        int cb = p * count;
        int gb = gram.at(k0, 0, a - m, b - m);
        double best = -1.0;
        int bk = 0;
        for (int k = 0; k < count; k++) {
          double v = corr[cb + k] - c * g[gb + k];
          corr[cb + k] = v;
          double abs = Math.abs(v);
          if (abs > best) {
            best = abs;
            bk = k;
          }
        }
        // Strict '>' over k upwards keeps the smallest k on ties (C-order first maximum).
        pv[p] = best;
        pi[p] = bk * plane + p;
      }
    }
    if (aliased) {
      // Small image: offsets alias onto the same pixels, so a pixel's maximum may be stale; recompute all.
      scanPixels();
      markAll();
      return;
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
