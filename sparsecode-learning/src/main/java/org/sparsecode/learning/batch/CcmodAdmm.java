package org.sparsecode.learning.batch;

import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The constrained dictionary update of batch CDL, SPORCO's {@code admm.ccmod.ConvCnstrMOD_IterSM} (convolutional
 * constrained MOD, Wohlberg 2016, "Efficient algorithms for convolutional sparse representations", IEEE TIP
 * 25(1), §V): for fixed codes x_ik of N images s_i, minimise {@code ½ Σ_i ‖Σ_k d_k * x_ik − s_i‖²} subject to
 * d_k ∈ C = {supported on the k×k top-left block, (zero mean,) ‖d_k‖₂ = 1}, by ADMM with the split D = Y:
 * <ol>
 *   <li>x-step, per frequency: {@code (Σ_i ẑ_iᴴ ẑ_i + σI) d̂ = Σ_i conj(ẑ_i) ŝ_i + σ DFT(Y − U)}, where ẑ_i is the
 *       row of the K code spectra of image i at that frequency; solved by iterated Sherman–Morrison over the
 *       images (SPORCO's {@code linalg.solvemdbi_ism}; the N rank-one corrections γ_i, δ_i depend only on the
 *       codes and σ, so they are computed once per code change and each iteration costs O(N·K) per frequency);
 *   <li>relaxation {@code AX = αX + (1 − α)Y}, α = {@value #RELAXATION} (SPORCO's ccmod default);
 *   <li>y-step {@code Y = P_C(AX + U)}: crop to the k×k top-left support, subtract the mean if zero-mean, divide
 *       by the ℓ2 norm (SPORCO's {@code cnvrep.getPcn}: a norm of 0 is left as is);
 *   <li>u-step {@code U ← U + AX − Y}.
 * </ol>
 * σ is fixed (no AutoRho). Y and U persist between calls, as SPORCO's dictionary-learning loop keeps its
 * dictionary solver and only replaces the codes. The dictionary is Y (always in C).
 *
 * <p>Memory: Y, U and X as K images of H×W, the code spectra and corrections (2·N·K half spectra) and one
 * spectrum buffer per kernel: for small image sets. Not thread-safe.
 */
final class CcmodAdmm {
  /** SPORCO's ConvCnstrMOD {@code RelaxParam} default. */
  static final double RELAXATION = 1.8;

  private final int size;
  private final int count;
  private final int height;
  private final int width;
  private final int len;
  private final double sigma;
  private final boolean zeroMean;
  private final DoubleFft2d fft;
  private final ParallelLoop loop;
  private final double[][] work;
  private final double[][] spatial;
  private final double[] y;
  private final double[] u;
  private final double[] x;
  private final double[] spectra;
  private double[][] zf;
  private double[][] gamma;
  private double[][] delta;
  private double[] zsf;

  /**
   * Starts from a dictionary: Y = P_C(initial zero-padded), U = 0.
   *
   * @param initial the starting kernels
   * @param height image rows H
   * @param width image columns W
   * @param sigma the ADMM penalty σ
   * @param zeroMean whether C requires zero-mean atoms
   * @param loop the workers
   */
  CcmodAdmm(Dictionary initial, int height, int width, double sigma, boolean zeroMean, ParallelLoop loop) {
    this.size = initial.size();
    this.count = initial.count();
    this.height = height;
    this.width = width;
    this.sigma = sigma;
    this.zeroMean = zeroMean;
    this.fft = new DoubleFft2d(height, width);
    this.len = fft.spectrumLength();
    this.loop = loop;
    int plane = height * width;
    this.y = new double[count * plane];
    this.u = new double[count * plane];
    this.x = new double[count * plane];
    this.spectra = new double[count * len];
    this.work = new double[loop.threads()][];
    this.spatial = new double[loop.threads()][];
    double[] d = initial.kernels();
    for (int k = 0; k < count; k++) {
      for (int r = 0; r < size; r++) {
        System.arraycopy(d, (k * size + r) * size, y, k * plane + r * width, size);
      }
      project(y, k);
    }
  }

  /**
   * Replaces the codes (SPORCO {@code setcoef}) and precomputes the Sherman–Morrison corrections.
   *
   * @param codeSpectra N arrays of K half spectra, kernel k at {@code k · len}
   * @param imageSpectra N half spectra of the images
   */
  void setCodes(double[][] codeSpectra, double[][] imageSpectra) {
    int n = codeSpectra.length;
    this.zf = codeSpectra;
    if (gamma == null || gamma.length != n) {
      gamma = new double[n][count * len];
      delta = new double[n][len];
      zsf = new double[count * len];
    }
    int half = len / 2;
    loop.forEach(loop.threads(), (w, block) -> {
      int from = loop.start(block, half);
      int to = loop.start(block + 1, half);
      for (int f = from; f < to; f++) {
        corrections(f, n, imageSpectra);
      }
    });
  }

  /** Σ_i conj(ẑ_ik) ŝ_i and the iterated Sherman–Morrison γ_i, δ_i at one frequency (SPORCO solvemdbi_ism). */
  private void corrections(int f, int n, double[][] imageSpectra) {
    int p = 2 * f;
    for (int k = 0; k < count; k++) {
      double re = 0;
      double im = 0;
      for (int i = 0; i < n; i++) {
        double zr = zf[i][k * len + p];
        double zi = zf[i][k * len + p + 1];
        double sr = imageSpectra[i][p];
        double si = imageSpectra[i][p + 1];
        re += zr * sr + zi * si;
        im += zr * si - zi * sr;
      }
      zsf[k * len + p] = re;
      zsf[k * len + p + 1] = im;
    }
    for (int i = 0; i < n; i++) {
      double[] g = gamma[i];
      double[] z = zf[i];
      // γ_i starts as a_i / σ with a_i = conj(ẑ_i) ...
      for (int k = 0; k < count; k++) {
        g[k * len + p] = z[k * len + p] / sigma;
        g[k * len + p + 1] = -z[k * len + p + 1] / sigma;
      }
      // ... and receives the corrections of the previous images: γ_i = (σI + Σ_{l<i} a_l a_lᴴ)⁻¹ a_i
      for (int l = 0; l < i; l++) {
        applyCorrection(l, g, p);
      }
      double dr = 1;
      double di = 0;
      for (int k = 0; k < count; k++) {
        double zr = z[k * len + p];
        double zi = z[k * len + p + 1];
        double gr = g[k * len + p];
        double gi = g[k * len + p + 1];
        dr += zr * gr - zi * gi;
        di += zr * gi + zi * gr;
      }
      delta[i][p] = dr;
      delta[i][p + 1] = di;
    }
  }

  /** v ← v − γ_l (ẑ_l · v) / δ_l at frequency offset p (v in the code-spectrum layout). */
  private void applyCorrection(int l, double[] v, int p) {
    double[] z = zf[l];
    double[] g = gamma[l];
    double cr = 0;
    double ci = 0;
    for (int k = 0; k < count; k++) {
      double zr = z[k * len + p];
      double zi = z[k * len + p + 1];
      double vr = v[k * len + p];
      double vi = v[k * len + p + 1];
      cr += zr * vr - zi * vi;
      ci += zr * vi + zi * vr;
    }
    double dr = delta[l][p];
    double di = delta[l][p + 1];
    double den = dr * dr + di * di;
    double qr = (cr * dr + ci * di) / den;
    double qi = (ci * dr - cr * di) / den;
    for (int k = 0; k < count; k++) {
      double gr = g[k * len + p];
      double gi = g[k * len + p + 1];
      v[k * len + p] -= gr * qr - gi * qi;
      v[k * len + p + 1] -= gr * qi + gi * qr;
    }
  }

  /**
   * Runs ADMM iterations with the current codes.
   *
   * @param iterations how many
   * @throws IllegalStateException if no codes were set
   */
  void iterate(int iterations) {
    if (zf == null) {
      throw new IllegalStateException("setCodes first");
    }
    int plane = height * width;
    int n = zf.length;
    int half = len / 2;
    for (int it = 0; it < iterations; it++) {
      // b = Σ_i conj(ẑ_i) ŝ_i + σ DFT(Y − U)
      loop.forEach(count, (w, k) -> {
        double[] buf = buffer(w);
        for (int q = 0; q < plane; q++) {
          buf[q] = y[k * plane + q] - u[k * plane + q];
        }
        fft.forward(buf, 0, spectra, k * len, work(w));
        for (int q = k * len, end = q + len; q < end; q++) {
          spectra[q] = zsf[q] + sigma * spectra[q];
        }
      });
      // x = (σI + Σ a_i a_iᴴ)⁻¹ b: β = b/σ, then the N corrections
      loop.forEach(loop.threads(), (w, block) -> {
        int from = loop.start(block, half);
        int to = loop.start(block + 1, half);
        for (int f = from; f < to; f++) {
          int p = 2 * f;
          for (int k = 0; k < count; k++) {
            spectra[k * len + p] /= sigma;
            spectra[k * len + p + 1] /= sigma;
          }
          for (int i = 0; i < n; i++) {
            applyCorrection(i, spectra, p);
          }
        }
      });
      loop.forEach(count, (w, k) -> {
        fft.inverse(spectra, k * len, x, k * plane, work(w));
        // relaxation, projection, dual update
        for (int q = k * plane, end = q + plane; q < end; q++) {
          double ax = RELAXATION * x[q] + (1 - RELAXATION) * y[q];
          x[q] = ax;
          y[q] = ax + u[q];
        }
        project(y, k);
        for (int q = k * plane, end = q + plane; q < end; q++) {
          u[q] += x[q] - y[q];
        }
      });
    }
  }

  /** P_C on kernel k of an H×W-per-kernel array: crop to the top-left k×k, zero-mean (option), unit norm. */
  private void project(double[] a, int k) {
    int base = k * height * width;
    double mean = 0;
    for (int r = 0; r < height; r++) {
      for (int c = 0; c < width; c++) {
        int q = base + r * width + c;
        if (r >= size || c >= size) {
          a[q] = 0;
        } else {
          mean += a[q];
        }
      }
    }
    mean /= size * size;
    double ss = 0;
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        int q = base + r * width + c;
        if (zeroMean) {
          a[q] -= mean;
        }
        ss += a[q] * a[q];
      }
    }
    double norm = Math.sqrt(ss);
    if (norm > 0) {
      for (int r = 0; r < size; r++) {
        for (int c = 0; c < size; c++) {
          a[base + r * width + c] /= norm;
        }
      }
    }
  }

  /**
   * The current dictionary Y, cropped to k×k.
   *
   * @return a new dictionary (unit-norm atoms)
   */
  Dictionary dictionary() {
    double[] d = new double[count * size * size];
    int plane = height * width;
    for (int k = 0; k < count; k++) {
      for (int r = 0; r < size; r++) {
        System.arraycopy(y, k * plane + r * width, d, (k * size + r) * size, size);
      }
    }
    return Dictionary.of(size, count, d);
  }

  private double[] work(int w) {
    if (work[w] == null) {
      work[w] = fft.newWork();
    }
    return work[w];
  }

  private double[] buffer(int w) {
    if (spatial[w] == null) {
      spatial[w] = new double[height * width];
    }
    return spatial[w];
  }
}
