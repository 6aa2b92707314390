package org.sparsecode.core.solver.admm;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The CBPDN ADMM arrays and passes in float64 storage (scalar arithmetic and sums always in float64). All
 * buffers are allocated here, once per solve; the passes allocate nothing.
 */
// Template: FloatAdmmState.java is generated from this file by PrecisionTwinsTest.
@SuppressWarnings("cast") // casts to the storage type: no-ops here, roundings in the float32 twin
final class DoubleAdmmState extends AdmmState {
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
  /** Σ_k |D̂_k|² per frequency. */
  private final double[] dnorm;
  /** F: DFT(Y − U) (valid when {@link #prepared}), or scratch for {@link #fidelityOfY} and {@link #start}. */
  private final double[] spectra;
  /**
   * The Sherman–Morrison correction per frequency, {@code g = (Ŝ − Σ_k D̂_k F_k) / (ρ + Σ_k |D̂_k|²)}: with it
   * {@code X̂_k = F_k + conj(D̂_k) g}, formed kernel by kernel where X̂_k is transformed back.
   */
  private final double[] correction;
  private final double[] y;
  private final double[] u;
  /** Per worker: one H × W map, one half spectrum (X̂_k) and one FFT work buffer. */
  private final double[][] maps;
  private final double[][] xhat;
  private final double[][] work;
  /** Whether {@link #spectra} holds DFT(Y − U) of the current Y and U. */
  private boolean prepared;
  /** Per worker: one spectral column (2H values). */
  private final double[][] columnScratch;
  private final PartialSums columnSums;

  /**
   * Number of array elements a solve allocates, for the heap estimate made before allocating.
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
    return 2 * count * area + 2 * count * len + 3 * len + threads * (area + width + 2 * len + 2L * height);
  }

  DoubleAdmmState(DoubleDictionarySpectra d, Image image, int threads) {
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
    this.dnorm = new double[len / 2];
    for (int f = 0; f < len / 2; f++) {
      double a = 0;
      for (int k = 0; k < count; k++) {
        double dr = dhat[k * len + 2 * f];
        double di = dhat[k * len + 2 * f + 1];
        a += dr * dr + di * di;
      }
      dnorm[f] = (double) a;
    }
    this.spectra = new double[Math.multiplyExact(count, len)];
    this.correction = new double[len];
    this.y = new double[Math.multiplyExact(count, area)];
    this.u = new double[Math.multiplyExact(count, area)];
    this.maps = new double[threads][area];
    this.xhat = new double[threads][len];
    this.work = new double[threads][];
    for (int w = 0; w < threads; w++) {
      work[w] = fft.newWork();
    }
    this.columnScratch = new double[threads][2 * height];
    this.columnSums = new PartialSums(fft.columns(), 1);
  }

  @Override
  void start(ParallelLoop loop, SparseCode initial, double rho) {
    java.util.Arrays.fill(y, (double) 0);
    int[] idx = initial.indices();
    var values = initial.values(); // always float64
    for (int n = 0; n < idx.length; n++) {
      y[idx[n]] = (double) values[n];
    }
    // F_k = DFT(Y_k); then, per spectral column, R̂ = Ŝ − Σ_k D̂_k F_k and F_k = conj(D̂_k) R̂ / ρ; U_k = IDFT(F_k).
    loop.forEach(count, (w, k) -> fft.forward(y, k * area, spectra, k * len, work[w]));
    final int h = height;
    loop.forEach(fft.columns(), (w, c) -> {
      double[] g = columnScratch[w];
      int col = 2 * c * h;
      for (int i = 0; i < 2 * h; i++) {
        g[i] = shat[col + i];
      }
      for (int k = 0; k < count; k++) {
        int o = k * len + col;
        for (int i = 0; i < 2 * h; i += 2) {
          double dr = dhat[o + i];
          double di = dhat[o + i + 1];
          double fr = spectra[o + i];
          double fi = spectra[o + i + 1];
          g[i] = (double) (g[i] - (dr * fr - di * fi));
          g[i + 1] = (double) (g[i + 1] - (dr * fi + di * fr));
        }
      }
      for (int k = 0; k < count; k++) {
        int o = k * len + col;
        for (int i = 0; i < 2 * h; i += 2) {
          double dr = dhat[o + i];
          double di = dhat[o + i + 1];
          spectra[o + i] = (double) ((dr * g[i] + di * g[i + 1]) / rho);
          spectra[o + i + 1] = (double) ((dr * g[i + 1] - di * g[i]) / rho);
        }
      }
    });
    loop.forEach(count, (w, k) -> fft.inverseInPlace(spectra, k * len, u, k * area, work[w]));
    prepared = false;
  }

  @Override
  void transformAuxiliary(ParallelLoop loop, double divisor) {
    if (prepared && divisor == 1) {
      return;
    }
    prepared = true;
    loop.forEach(count, (w, k) -> {
      double[] m = maps[w];
      int o = k * area;
      if (divisor != 1) {
        // The float32 twin divides in double (one rounding of the exact quotient): dividing floats would be
        // faster but changes the last bit of U, and with it every float32 result after an AutoRho rescaling.
        for (int i = 0; i < area; i++) {
          double uv = u[o + i] / divisor;
          u[o + i] = (double) uv;
          m[i] = (double) (y[o + i] - uv);
        }
      } else {
        for (int i = 0; i < area; i++) {
          m[i] = (double) (y[o + i] - u[o + i]);
        }
      }
      fft.forward(m, 0, spectra, k * len, work[w]);
    });
  }

  @Override
  double solveX(ParallelLoop loop, double rho) {
    // Sherman–Morrison (SPORCO solvedbi_sm) with b_k = conj(D̂_k) Ŝ + ρ F_k, a = Σ_k |D̂_k|² and
    // P = Σ_k D̂_k F_k simplifies exactly to X̂_k = F_k + conj(D̂_k) g with g = (Ŝ − P) / (ρ + a), and the
    // residual at X to Σ_k D̂_k X̂_k − Ŝ = −ρ g. Only g is computed here, in one pass over D̂ and F: X̂_k is
    // formed in update, where it is transformed back, so F and D̂ are read once each here and once there, and
    // F is not written. Spectral column c of every kernel is contiguous, so each worker streams through whole
    // columns.
    final int h = height;
    final double[] g = correction;
    loop.forEach(fft.columns(), (w, c) -> {
      int col = 2 * c * h;
      java.util.Arrays.fill(g, col, col + 2 * h, 0);
      DoubleDictionarySpectra.addProducts(dhat, spectra, count, len, col, h, g, col);
      double sum = 0;
      for (int i = col; i < col + 2 * h; i += 2) {
        double scale = rho + dnorm[i / 2];
        double gr = (shat[i] - g[i]) / scale;
        double gi = (shat[i + 1] - g[i + 1]) / scale;
        g[i] = (double) gr;
        g[i + 1] = (double) gi;
        sum += gr * gr + gi * gi;
      }
      columnSums.set(c, 0, fft.columnMultiplicity(c) * sum);
    });
    // ½‖Σ_k d_k * x_k − s‖² by Parseval, with the residual spectrum −ρ g.
    return rho * rho * columnSums.total(0) / area / 2;
  }

  @Override
  void update(ParallelLoop loop, double alpha, double lambdaOverRho, L1Weights weights, boolean nonNegative,
      PartialSums sums, boolean prepareNext) {
    double beta = 1 - alpha;
    final double[] g = correction;
    loop.forEach(count, (w, k) -> {
      // X̂_k = F_k + conj(D̂_k) g in the storage precision (var locals: no widening in the float32 twin), into
      // the worker's spectrum, transformed back at once.
      double[] f = xhat[w];
      int dk = k * len;
      for (int i = 0; i < len; i += 2) {
        var dr = dhat[dk + i];
        var di = dhat[dk + i + 1];
        var gr = g[i];
        var gi = g[i + 1];
        f[i] = (double) (spectra[dk + i] + (dr * gr + di * gi));
        f[i + 1] = (double) (spectra[dk + i + 1] + (dr * gi - di * gr));
      }
      double[] x = maps[w];
      fft.inverseInPlace(f, 0, x, 0, work[w]);
      double threshold = lambdaOverRho * weights.get(k);
      int o = k * area;
      double x2 = 0;
      double y2 = 0;
      double xmy2 = 0;
      double u2 = 0;
      double dy2 = 0;
      double x1 = 0;
      // Element-wise arithmetic in the storage precision (var locals), sums in float64.
      var a = (double) alpha;
      var b = (double) beta;
      var t = (double) threshold;
      for (int i = 0; i < area; i++) {
        var xv = x[i];
        var yold = y[o + i];
        var uold = u[o + i];
        var ax = a * xv + b * yold;
        var v = ax + uold;
        // soft(v, t) = sign(v) max(|v| − t, 0), with the same roundings as SPORCO's prox_l1. The branches
        // are predictable: almost every coefficient is below the threshold.
        var yv = v > t ? v - t : v < -t ? v + t : 0;
        if (nonNegative && yv < 0) {
          yv = 0;
        }
        var uv = uold + (ax - yv);
        y[o + i] = yv;
        u[o + i] = uv;
        // The next iteration's Y − U, in place of X (read above).
        x[i] = (double) (yv - uv);
        var xmy = xv - yv;
        var dy = yold - yv;
        x2 += xv * xv;
        y2 += yv * yv;
        xmy2 += xmy * xmy;
        u2 += uv * uv;
        dy2 += dy * dy;
        x1 += Math.abs(xv);
      }
      sums.set(k, X2, x2);
      sums.set(k, Y2, y2);
      sums.set(k, XMY2, xmy2);
      sums.set(k, U2, u2);
      sums.set(k, DY2, dy2);
      sums.set(k, X1, x1);
      if (prepareNext) {
        fft.forward(x, 0, spectra, dk, work[w]);
      }
    });
    prepared = prepareNext;
  }

  @Override
  double fidelityOfY(ParallelLoop loop, PartialSums sums) {
    loop.forEach(count, (w, k) -> {
      int o = k * area;
      double l1 = 0;
      for (int i = 0; i < area; i++) {
        l1 += Math.abs(y[o + i]);
      }
      sums.set(k, Y1, l1);
      fft.forward(y, o, spectra, k * len, work[w]);
    });
    // Per spectral column: R̂ = Σ_k D̂_k F_k − Ŝ and its energy, with the column's multiplicity (Parseval).
    final int h = height;
    loop.forEach(fft.columns(), (w, c) -> {
      double[] g = columnScratch[w];
      int col = 2 * c * h;
      for (int i = 0; i < 2 * h; i++) {
        g[i] = (double) -shat[col + i];
      }
      DoubleDictionarySpectra.addProducts(dhat, spectra, count, len, col, h, g, 0);
      double sum = 0;
      for (int i = 0; i < 2 * h; i++) {
        double r = g[i];
        sum += r * r;
      }
      columnSums.set(c, 0, fft.columnMultiplicity(c) * sum);
    });
    prepared = false;
    return columnSums.total(0) / area / 2;
  }

  @Override
  SparseCode code() {
    return SparseCode.fromDense(count, height, width, y);
  }
}
