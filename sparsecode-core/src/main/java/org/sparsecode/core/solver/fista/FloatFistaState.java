package org.sparsecode.core.solver.fista;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.FloatDictionarySpectra;
import org.sparsecode.core.fft.FloatFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The FISTA arrays and passes in float32 storage (scalar arithmetic and sums always in float32). The
 * buffers of the plain iteration are allocated here, once per solve; those of backtracking on its first
 * use. The passes allocate nothing else.
 */
// GENERATED from DoubleFistaState.java by PrecisionTwinsTest; edit the template.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
final class FloatFistaState extends FistaState {
  private final int count;
  private final int height;
  private final int width;
  private final int area;
  private final int len;
  private final FloatFft2d fft;
  /** D̂: K kernel spectra. */
  private final float[] dhat;
  /** Ŝ: the image spectrum. */
  private final float[] shat;
  /** Σ_k D̂_k Ŷ_k. */
  private final float[] sy;
  /** R̂_Y = Σ_k D̂_k Ŷ_k − Ŝ, the residual spectrum at Y (updated with sy). */
  private final float[] ry;
  /** Σ_k D̂_k X̂_k. */
  private float[] sx;
  /** Σ_k D̂_k X̂_t,k of the backtracking trial. */
  private float[] st;
  private float[] x;
  private final float[] y;
  /** Backtracking: the trial X, then the previous X. */
  private float[] xt;
  /** Robust backtracking: Y of the previous iteration, and Florea's Z. */
  private float[] yPrev;
  private float[] z;
  /**
   * The K spectra of the maps being synthesised (X̂_k or Ŷ_k): kept until their products with D̂_k are
   * summed, per spectral element in kernel order, so that the sums do not depend on the thread count.
   */
  private final float[] kernelSpectra;
  /** Per worker: a spectrum buffer, one H × W map, FFT work. */
  private final float[][] spec;
  private final float[][] maps;
  private final float[][] work;

  /**
   * Number of array elements a plain (no backtracking) solve allocates, for the heap estimate made before
   * allocating.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param threads workers
   * @return the element count (times 8 bytes in float32, 4 in float32)
   */
  static long elements(int count, int height, int width, int threads) {
    long area = (long) height * width;
    long len = 2L * height * (width / 2 + 1);
    return 2 * count * area + 2 * count * len + 5 * len + threads * (len + 2 * area + 8L * width);
  }

  /**
   * Number of array elements backtracking adds.
   *
   * @param count K
   * @param height H
   * @param width W
   * @param robust whether the robust variant (two more maps)
   * @return the element count
   */
  static long backtrackingElements(int count, int height, int width, boolean robust) {
    long area = (long) height * width;
    long len = 2L * height * (width / 2 + 1);
    return (robust ? 3 : 1) * count * area + len;
  }

  FloatFistaState(FloatDictionarySpectra d, Image image, int threads) {
    this.count = d.count();
    this.height = d.height();
    this.width = d.width();
    this.area = height * width;
    this.fft = d.fft();
    this.len = fft.spectrumLength();
    this.dhat = d.spectra();
    float[] s = new float[area];
    var pixels = image.pixels(); // always float32
    for (int i = 0; i < area; i++) {
      s[i] = (float) pixels[i];
    }
    this.shat = new float[len];
    fft.forward(s, 0, shat, 0, fft.newWork());
    this.sy = new float[len];
    this.ry = new float[len];
    this.sx = new float[len];
    this.x = new float[Math.multiplyExact(count, area)];
    this.y = new float[Math.multiplyExact(count, area)];
    this.kernelSpectra = new float[Math.multiplyExact(count, len)];
    this.spec = new float[threads][len];
    this.maps = new float[threads][area];
    this.work = new float[threads][];
    for (int w = 0; w < threads; w++) {
      work[w] = fft.newWork();
    }
  }

  @Override
  void start(ParallelLoop loop, SparseCode initial) {
    java.util.Arrays.fill(x, (float) 0);
    if (initial != null) {
      int[] idx = initial.indices();
      var values = initial.values(); // always float32
      for (int n = 0; n < idx.length; n++) {
        x[idx[n]] = (float) values[n];
      }
    }
    System.arraycopy(x, 0, y, 0, x.length);
    synthesize(loop, y, sy);
    updateResidual();
    System.arraycopy(sy, 0, sx, 0, len);
  }

  private void updateResidual() {
    for (int i = 0; i < len; i++) {
      ry[i] = (float) (sy[i] - shat[i]);
    }
  }

  /** {@code target = Σ_k D̂_k DFT(maps_k)}. */
  private void synthesize(ParallelLoop loop, float[] source, float[] target) {
    loop.forEach(count, (w, k) -> fft.forward(source, k * area, kernelSpectra, k * len, work[w]));
    reduce(loop, target);
  }

  /**
   * {@code target = Σ_k D̂_k F_k} from the K spectra in {@link #kernelSpectra}: each spectral column is
   * summed by one worker, every element in kernel order, so the sum is the same on any number of threads.
   */
  private void reduce(ParallelLoop loop, float[] target) {
    final int h = height;
    loop.forEach(fft.columns(), (w, c) -> {
      int col = 2 * c * h;
      java.util.Arrays.fill(target, col, col + 2 * h, (float) 0);
      FloatDictionarySpectra.addProducts(dhat, kernelSpectra, count, len, col, h, target, col);
    });
  }

  /** {@code g = IDFT(conj(D̂_k) (Σ_j D̂_j Ŷ_j − Ŝ))}, the gradient of the data term at Y for kernel k. */
  private void gradient(int w, int k, float[] g) {
    float[] f = spec[w];
    int dk = k * len;
    for (int i = 0; i < len; i += 2) {
      var dr = dhat[dk + i];
      var di = dhat[dk + i + 1];
      var rr = ry[i];
      var ri = ry[i + 1];
      f[i] = (float) (dr * rr + di * ri);
      f[i + 1] = (float) (dr * ri - di * rr);
    }
    fft.inverseInPlace(f, 0, g, 0, work[w]);
  }

  @Override
  void step(ParallelLoop loop, double invL, double beta, double threshold, boolean nonNegative,
      KernelSums sums) {
    loop.forEach(count, (w, k) -> {
      float[] g = maps[w];
      gradient(w, k, g);
      int o = k * area;
      double l1 = 0;
      double rsdl = 0;
      // Element-wise arithmetic in the storage precision (var locals), sums in float32.
      var il = (float) invL;
      var b = (float) beta;
      var t = (float) threshold;
      for (int i = 0; i < area; i++) {
        var yv = y[o + i];
        var v = yv - g[i] * il;
        // soft(v, t) = sign(v) max(|v| − t, 0), with the same roundings as SPORCO's prox_l1.
        var xv = v > t ? v - t : v < -t ? v + t : 0;
        if (nonNegative && xv < 0) {
          xv = 0;
        }
        var xold = x[o + i];
        x[o + i] = xv;
        y[o + i] = xv + b * (xv - xold);
        var r = xv - yv;
        rsdl += r * r;
        l1 += Math.abs(xv);
      }
      sums.set(k, KernelSums.L1, l1);
      sums.set(k, KernelSums.RSDL, rsdl);
      fft.forward(y, o, kernelSpectra, k * len, work[w]);
    });
    // Per spectral column, in the workers: Σ_k D̂_k Ŷ_k, then D X_new = (D Y_new + β D X) / (1 + β) and the
    // residual spectrum, while the column is in cache.
    final int h = height;
    final double scale = 1.0 / (1.0 + beta);
    loop.forEach(fft.columns(), (w, c) -> {
      int col = 2 * c * h;
      java.util.Arrays.fill(sy, col, col + 2 * h, (float) 0);
      FloatDictionarySpectra.addProducts(dhat, kernelSpectra, count, len, col, h, sy, col);
      for (int i = col; i < col + 2 * h; i++) {
        sx[i] = (float) ((sy[i] + beta * sx[i]) * scale);
        ry[i] = (float) (sy[i] - shat[i]);
      }
    });
  }

  @Override
  double dataFidelity() {
    double sum = 0;
    int h = height;
    for (int c = 0; c < fft.columns(); c++) {
      double col = 0;
      for (int i = 2 * c * h, end = i + 2 * h; i < end; i += 2) {
        double rr = sx[i] - shat[i];
        double ri = sx[i + 1] - shat[i + 1];
        col += rr * rr + ri * ri;
      }
      sum += fft.columnMultiplicity(c) * col;
    }
    return sum / area / 2;
  }

  private void ensureTrialBuffers() {
    if (xt == null) {
      xt = new float[x.length];
      st = new float[len];
    }
  }

  @Override
  void trial(ParallelLoop loop, double invL, double threshold, boolean nonNegative, KernelSums sums) {
    ensureTrialBuffers();
    loop.forEach(count, (w, k) -> {
      float[] g = maps[w];
      gradient(w, k, g);
      int o = k * area;
      double l1 = 0;
      double rsdl = 0;
      var il = (float) invL;
      var t = (float) threshold;
      for (int i = 0; i < area; i++) {
        var yv = y[o + i];
        var v = yv - g[i] * il;
        var xv = v > t ? v - t : v < -t ? v + t : 0;
        if (nonNegative && xv < 0) {
          xv = 0;
        }
        xt[o + i] = xv;
        var r = xv - yv;
        rsdl += r * r;
        l1 += Math.abs(xv);
      }
      // X̂_t,k stays in kernelSpectra for the sum; Ŷ_k goes to the worker's buffer (gradient is done with it).
      float[] fx = kernelSpectra;
      float[] fy = spec[w];
      int dk = k * len;
      fft.forward(xt, o, fx, dk, work[w]);
      fft.forward(y, o, fy, 0, work[w]);
      // SPORCO's Q_L terms over the half spectrum: Σ Re(conj(X̂ − Ŷ) Ĝ) and Σ |X̂ − Ŷ|².
      double lin = 0;
      double dxy2 = 0;
      for (int i = 0; i < len; i += 2) {
        double dr = dhat[dk + i];
        double di = dhat[dk + i + 1];
        double rr = ry[i];
        double ri = ry[i + 1];
        double gr = dr * rr + di * ri;
        double gi = dr * ri - di * rr;
        double er = fx[dk + i] - fy[i];
        double ei = fx[dk + i + 1] - fy[i + 1];
        lin += er * gr + ei * gi;
        dxy2 += er * er + ei * ei;
      }
      sums.set(k, KernelSums.L1, l1);
      sums.set(k, KernelSums.RSDL, rsdl);
      sums.set(k, KernelSums.LIN, lin);
      sums.set(k, KernelSums.DXY2, dxy2);
    });
    reduce(loop, st);
  }

  @Override
  double spectralFidelity(boolean ofTrial) {
    float[] s = ofTrial ? st : sy;
    double sum = 0;
    for (int i = 0; i < len; i++) {
      double r = s[i] - shat[i];
      sum += r * r;
    }
    return sum / 2;
  }

  @Override
  void acceptTrial() {
    float[] a = x;
    x = xt;
    xt = a;
    float[] s = sx;
    sx = st;
    st = s;
  }

  @Override
  void extrapolate(ParallelLoop loop, double beta) {
    var b = (float) beta;
    loop.forEach(count, (w, k) -> {
      int o = k * area;
      for (int i = o; i < o + area; i++) {
        var xv = x[i];
        y[i] = xv + b * (xv - xt[i]);
      }
    });
    synthesize(loop, y, sy);
    updateResidual();
  }

  @Override
  void robustBegin() {
    ensureTrialBuffers();
    if (z == null) {
      z = x.clone();
      yPrev = new float[y.length];
    }
    System.arraycopy(y, 0, yPrev, 0, y.length);
  }

  @Override
  void robustPoint(ParallelLoop loop, double tk, double t, double total) {
    loop.forEach(count, (w, k) -> {
      int o = k * area;
      for (int i = o; i < o + area; i++) {
        y[i] = (float) ((tk * x[i] + t * z[i]) / total);
      }
    });
    synthesize(loop, y, sy);
    updateResidual();
  }

  @Override
  double robustEnd(double c) {
    double rsdl = 0;
    for (int i = 0; i < x.length; i++) {
      double xv = x[i];
      z[i] = (float) (z[i] + c * (xv - y[i]));
      double r = xv - yPrev[i];
      rsdl += r * r;
    }
    return rsdl;
  }

  @Override
  SparseCode code() {
    return SparseCode.fromDense(count, height, width, x);
  }
}
