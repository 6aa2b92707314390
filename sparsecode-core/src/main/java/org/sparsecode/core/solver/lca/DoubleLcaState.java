package org.sparsecode.core.solver.lca;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The LCA arrays and passes in float64 storage (scalar arithmetic and sums always in float64). All buffers
 * are allocated here, once per solve; the passes allocate nothing.
 */
// Template: FloatLcaState.java is generated from this file by PrecisionTwinsTest.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
final class DoubleLcaState extends LcaState {
  private final int count;
  private final int height;
  private final int width;
  private final int area;
  private final int len;
  private final DoubleFft2d fft;
  /** D̂: K kernel spectra. */
  private final double[] dhat;
  /** Ŝ: the image spectrum. */
  private final double[] shat;
  /** F: DFT(T(u)) (valid when {@link #prepared}). */
  private final double[] spectra;
  /** R̂ = Ŝ − Σ_k D̂_k F_k, from {@link #drive}. */
  private final double[] residual;
  /** u: the K potential maps. */
  private final double[] u;
  /** Per worker: one H × W map, one half spectrum (a drive) and one FFT work buffer. */
  private final double[][] maps;
  private final double[][] drives;
  private final double[][] work;
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
   * @return the element count (times 8 bytes in float64, 4 in float32)
   */
  static long elements(int count, int height, int width, int threads) {
    long area = (long) height * width;
    long len = 2L * height * (width / 2 + 1);
    return count * area + 2 * count * len + 2 * len + threads * (area + 8L * width + 2 * len);
  }

  DoubleLcaState(DoubleDictionarySpectra d, Image image, int threads) {
    this.count = d.count();
    this.height = d.height();
    this.width = d.width();
    this.area = height * width;
    this.fft = d.fft();
    this.len = fft.spectrumLength();
    this.dhat = d.spectra();
    double[] s = new double[area];
    var pixels = image.pixels(); // always float64
    for (int i = 0; i < area; i++) {
      s[i] = (double) pixels[i];
    }
    this.shat = new double[len];
    fft.forward(s, 0, shat, 0, fft.newWork());
    this.spectra = new double[Math.multiplyExact(count, len)];
    this.residual = new double[len];
    this.u = new double[Math.multiplyExact(count, area)];
    this.maps = new double[threads][area];
    this.drives = new double[threads][len];
    this.work = new double[threads][];
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
      double[] a = maps[w];
      int o = k * area;
      double l1 = 0;
      // Element-wise arithmetic in the storage precision (var locals), sums in float64. The branches are
      // predictable: almost every potential is below the threshold.
      var t = (double) threshold.lambda();
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
    final double[] r = residual;
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
          r[col + i] = (double) (r[col + i] - (dr * fr - di * fi));
          r[col + i + 1] = (double) (r[col + i + 1] - (dr * fi + di * fr));
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
  private double[] drive(int w, int k) {
    double[] f = drives[w];
    double[] r = residual;
    int dk = k * len;
    for (int i = 0; i < len; i += 2) {
      var dr = dhat[dk + i];
      var di = dhat[dk + i + 1];
      var rr = r[i];
      var ri = r[i + 1];
      f[i] = (double) (spectra[dk + i] + (dr * rr + di * ri));
      f[i + 1] = (double) (spectra[dk + i + 1] + (dr * ri - di * rr));
    }
    double[] b = maps[w];
    fft.inverseInPlace(f, 0, b, 0, work[w]);
    return b;
  }

  @Override
  void step(ParallelLoop loop, double step, Threshold threshold, Sums sums, boolean prepareNext) {
    final boolean hard = threshold.hard();
    final boolean nonNegative = threshold.nonNegative();
    loop.forEach(count, (w, k) -> {
      double[] b = drive(w, k);
      int o = k * area;
      double du2 = 0;
      double u2 = 0;
      double l1 = 0;
      var eta = (double) step;
      var t = (double) threshold.lambda();
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
      var val = initial.values(); // always float64
      for (int n = 0; n < idx.length; n++) {
        u[idx[n]] = (double) threshold.inverse(val[n]);
      }
    }
  }

  @Override
  void settle(ParallelLoop loop, Threshold threshold) {
    final boolean nonNegative = threshold.nonNegative();
    loop.forEach(count, (w, k) -> {
      double[] b = drive(w, k);
      int o = k * area;
      var t = (double) threshold.lambda();
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
    double[] x = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      x[i] = (double) threshold.apply(u[i]);
    }
    return SparseCode.fromDense(count, height, width, x);
  }
}
