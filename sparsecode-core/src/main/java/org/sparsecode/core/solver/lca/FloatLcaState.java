package org.sparsecode.core.solver.lca;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.FloatDictionarySpectra;
import org.sparsecode.core.fft.FloatFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The LCA arrays and passes in float32 storage (scalar arithmetic and sums always in float32). All buffers
 * are allocated here, once per solve; the passes allocate nothing.
 */
// GENERATED from DoubleLcaState.java by PrecisionTwinsTest; edit the template.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
final class FloatLcaState extends LcaState {
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
  /** F: DFT(T(u)), then DFT(Dᵀ(s − D T(u)) + T(u)). */
  private final float[] spectra;
  /** u: the K potential maps. */
  private final float[] u;
  /** Per worker: one H × W map and one FFT work buffer. */
  private final float[][] maps;
  private final float[][] work;
  /** Per worker: one spectral column (2H values) of the residual. */
  private final float[][] columnScratch;
  /** Per spectral column: its share of ‖R̂‖² (weighted by the column's multiplicity). */
  private final Sums columnSums;

  /**
   * Number of array elements a solve allocates (kernel spectra included), for the heap estimate made
   * before allocating.
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
    return count * area + 2 * count * len + len + threads * (area + 8L * width + len + 2L * height);
  }

  FloatLcaState(FloatDictionarySpectra d, Image image, int threads) {
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
    this.spectra = new float[Math.multiplyExact(count, len)];
    this.u = new float[Math.multiplyExact(count, area)];
    this.maps = new float[threads][area];
    this.work = new float[threads][];
    for (int w = 0; w < threads; w++) {
      work[w] = fft.newWork();
    }
    this.columnScratch = new float[threads][2 * height];
    this.columnSums = new Sums(fft.columns(), 1);
  }

  @Override
  void transformCode(ParallelLoop loop, Threshold threshold, Sums sums) {
    final boolean hard = threshold.hard();
    final boolean nonNegative = threshold.nonNegative();
    loop.forEach(count, (w, k) -> {
      float[] a = maps[w];
      int o = k * area;
      double l1 = 0;
      // Element-wise arithmetic in the storage precision (var locals), sums in float32. The branches are
      // predictable: almost every potential is below the threshold.
      var t = (float) threshold.lambda();
      for (int i = 0; i < area; i++) {
        var v = u[o + i];
        var av = v > t ? (hard ? v : v - t) : !nonNegative && v < -t ? (hard ? v : v + t) : 0;
        a[i] = av;
        l1 += Math.abs(av);
      }
      sums.set(k, L1, l1);
      fft.forward(a, 0, spectra, k * len, work[w]);
    });
  }

  @Override
  double drive(ParallelLoop loop) {
    // Spectral column c of every kernel is contiguous, so each worker streams through whole columns: first
    // R̂ = Ŝ − Σ_k D̂_k F_k, then F_k += conj(D̂_k) R̂.
    final int h = height;
    loop.forEach(fft.columns(), (w, c) -> {
      float[] r = columnScratch[w];
      int col = 2 * c * h;
      System.arraycopy(shat, col, r, 0, 2 * h);
      for (int k = 0; k < count; k++) {
        int o = k * len + col;
        for (int i = 0; i < 2 * h; i += 2) {
          var dr = dhat[o + i];
          var di = dhat[o + i + 1];
          var fr = spectra[o + i];
          var fi = spectra[o + i + 1];
          r[i] = (float) (r[i] - (dr * fr - di * fi));
          r[i + 1] = (float) (r[i + 1] - (dr * fi + di * fr));
        }
      }
      double sum = 0;
      for (int i = 0; i < 2 * h; i++) {
        double ri = r[i];
        sum += ri * ri;
      }
      for (int k = 0; k < count; k++) {
        int o = k * len + col;
        for (int i = 0; i < 2 * h; i += 2) {
          var dr = dhat[o + i];
          var di = dhat[o + i + 1];
          var rr = r[i];
          var ri = r[i + 1];
          spectra[o + i] = (float) (spectra[o + i] + (dr * rr + di * ri));
          spectra[o + i + 1] = (float) (spectra[o + i + 1] + (dr * ri - di * rr));
        }
      }
      columnSums.set(c, 0, fft.columnMultiplicity(c) * sum);
    });
    return columnSums.total(0) / area / 2;
  }

  @Override
  void step(ParallelLoop loop, double step, Sums sums) {
    loop.forEach(count, (w, k) -> {
      float[] b = maps[w];
      fft.inverseInPlace(spectra, k * len, b, 0, work[w]);
      int o = k * area;
      double du2 = 0;
      double u2 = 0;
      var eta = (float) step;
      for (int i = 0; i < area; i++) {
        var uold = u[o + i];
        var du = eta * (b[i] - uold);
        var unew = uold + du;
        u[o + i] = unew;
        double d = du;
        double n = unew;
        du2 += d * d;
        u2 += n * n;
      }
      sums.set(k, DU2, du2);
      sums.set(k, U2, u2);
    });
  }

  @Override
  void start(SparseCode initial, Threshold threshold) {
    java.util.Arrays.fill(u, 0);
    if (initial != null) {
      int[] idx = initial.indices();
      var val = initial.values(); // always float32
      for (int n = 0; n < idx.length; n++) {
        u[idx[n]] = (float) threshold.inverse(val[n]);
      }
    }
  }

  @Override
  void settle(ParallelLoop loop, Threshold threshold) {
    final boolean nonNegative = threshold.nonNegative();
    loop.forEach(count, (w, k) -> {
      float[] b = maps[w];
      fft.inverseInPlace(spectra, k * len, b, 0, work[w]);
      int o = k * area;
      var t = (float) threshold.lambda();
      for (int i = 0; i < area; i++) {
        var v = u[o + i];
        boolean inactive = !(v > t) && (nonNegative || !(v < -t));
        if (inactive) {
          // b = (Dᵀr) + a with a = 0 here: the potential's equilibrium given the other coefficients, clipped
          // to the dead zone (below λ when non-negative) so that the coefficient stays 0.
          var e = b[i];
          u[o + i] = e > t ? t : !nonNegative && e < -t ? -t : e;
        }
      }
    });
  }

  @Override
  SparseCode code(Threshold threshold) {
    float[] x = new float[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = (float) threshold.apply(u[i]);
    }
    return SparseCode.fromDense(count, height, width, x);
  }
}
