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
  /** F: DFT(T(u)) (valid when {@link #prepared}). */
  private final float[] spectra;
  /** R̂ = Ŝ − Σ_k D̂_k F_k, from {@link #drive}. */
  private final float[] residual;
  /** u: the K potential maps. */
  private final float[] u;
  /** Per worker: one H × W map, one half spectrum (a drive) and one FFT work buffer. */
  private final float[][] maps;
  private final float[][] drives;
  private final float[][] work;
  /** Per spectral column: its share of ‖R̂‖² (weighted by the column's multiplicity). */
  private final Sums columnSums;
  /** Whether {@link #spectra} holds DFT(T(u)) of the current u (and {@link #NEXT_L1} its ℓ1 norms). */
  private boolean prepared;

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
    return count * area + 2 * count * len + 2 * len + threads * (area + 8L * width + 2 * len);
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
    this.residual = new float[len];
    this.u = new float[Math.multiplyExact(count, area)];
    this.maps = new float[threads][area];
    this.drives = new float[threads][len];
    this.work = new float[threads][];
    for (int w = 0; w < threads; w++) {
      work[w] = fft.newWork();
    }
    this.columnSums = new Sums(fft.columns(), 1);
  }

  @Override
  void transformCode(ParallelLoop loop, Threshold threshold, Sums sums) {
    if (prepared) {
      for (int k = 0; k < count; k++) {
        sums.set(k, L1, sums.get(k, NEXT_L1));
      }
      return;
    }
    prepared = true;
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
    // Spectral column c of every kernel is contiguous, so each worker streams through whole columns:
    // R̂ = Ŝ − Σ_k D̂_k F_k, one read of D̂ and F. F_k + conj(D̂_k) R̂ is formed where it is transformed back.
    final int h = height;
    final float[] r = residual;
    loop.forEach(fft.columns(), (w, c) -> {
      int col = 2 * c * h;
      System.arraycopy(shat, col, r, col, 2 * h);
      for (int k = 0; k < count; k++) {
        int o = k * len + col;
        for (int i = 0; i < 2 * h; i += 2) {
          var dr = dhat[o + i];
          var di = dhat[o + i + 1];
          var fr = spectra[o + i];
          var fi = spectra[o + i + 1];
          r[col + i] = (float) (r[col + i] - (dr * fr - di * fi));
          r[col + i + 1] = (float) (r[col + i + 1] - (dr * fi + di * fr));
        }
      }
      double sum = 0;
      for (int i = col; i < col + 2 * h; i++) {
        double ri = r[i];
        sum += ri * ri;
      }
      columnSums.set(c, 0, fft.columnMultiplicity(c) * sum);
    });
    return columnSums.total(0) / area / 2;
  }

  /**
   * {@code b_k = IDFT(F_k + conj(D̂_k) R̂)}, the drive {@code Dᵀ(s − D a) + a} of kernel k, into the worker's
   * map (the sum in the storage precision: var locals, no widening in the float32 twin).
   */
  private float[] drive(int w, int k) {
    float[] f = drives[w];
    float[] r = residual;
    int dk = k * len;
    for (int i = 0; i < len; i += 2) {
      var dr = dhat[dk + i];
      var di = dhat[dk + i + 1];
      var rr = r[i];
      var ri = r[i + 1];
      f[i] = (float) (spectra[dk + i] + (dr * rr + di * ri));
      f[i + 1] = (float) (spectra[dk + i + 1] + (dr * ri - di * rr));
    }
    float[] b = maps[w];
    fft.inverseInPlace(f, 0, b, 0, work[w]);
    return b;
  }

  @Override
  void step(ParallelLoop loop, double step, Threshold threshold, Sums sums, boolean prepareNext) {
    final boolean hard = threshold.hard();
    final boolean nonNegative = threshold.nonNegative();
    loop.forEach(count, (w, k) -> {
      float[] b = drive(w, k);
      int o = k * area;
      double du2 = 0;
      double u2 = 0;
      double l1 = 0;
      var eta = (float) step;
      var t = (float) threshold.lambda();
      for (int i = 0; i < area; i++) {
        var uold = u[o + i];
        var du = eta * (b[i] - uold);
        var unew = uold + du;
        u[o + i] = unew;
        double d = du;
        double n = unew;
        du2 += d * d;
        u2 += n * n;
        // The next step's code T(u), in place of b (read above), as transformCode computes it.
        var av = unew > t ? (hard ? unew : unew - t) : !nonNegative && unew < -t ? (hard ? unew : unew + t) : 0;
        b[i] = av;
        l1 += Math.abs(av);
      }
      sums.set(k, DU2, du2);
      sums.set(k, U2, u2);
      if (prepareNext) {
        sums.set(k, NEXT_L1, l1);
        fft.forward(b, 0, spectra, k * len, work[w]);
      }
    });
    prepared = prepareNext;
  }

  @Override
  void start(SparseCode initial, Threshold threshold) {
    prepared = false;
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
      float[] b = drive(w, k);
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
    prepared = false;
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
