package org.sparsecode.core.solver;

import java.util.SplittableRandom;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.DoubleFft2d;
import org.sparsecode.core.fft.FloatDictionarySpectra;

/**
 * The Lipschitz constant {@code L = ‖DᵀD‖₂} of the gradient {@code Dᵀ(Dx − s)} of the data term
 * {@code ½‖Σ_k d_k * x_k − s‖²} of single-channel convolutional sparse coding on an {@code H × W} periodic
 * domain (SPORCO's circular convention), in float64.
 *
 * <p>In the DFT domain the operator {@code DᵀD} is block diagonal: at each frequency f it is the rank-one
 * {@code K × K} matrix {@code conj(a) aᵀ} with {@code a_k = D̂_k(f)}, whose only non-zero eigenvalue is
 * {@code Σ_k |D̂_k(f)|²}. Hence {@code L = max_f Σ_k |D̂_k(f)|²} exactly ({@link #exact}); for the paper's
 * dictionary ({@code dict_full_D}, 144 kernels 12 × 12, peak 1) at 64 × 64 it is 2409.532…, far above
 * SPORCO's default {@code L = 500}. {@link #powerIteration} estimates the same number by power iteration
 * on {@code DᵀD}, as a check or for operators where the closed form is not available. Both are used to
 * choose step sizes ({@code 1/L} for FISTA/ISTA, the LCA time constant).
 */
public final class Lipschitz {

  private Lipschitz() {}

  /**
   * The exact constant {@code max_f Σ_k |D̂_k(f)|²}, with {@code D̂_k} the DFT of kernel k zero-padded at
   * the top-left of an {@code H × W} array (the real kernels' spectra are conjugate-symmetric, so the
   * half spectrum covers every value).
   *
   * @param dictionary the kernels
   * @param height image rows H
   * @param width image columns W
   * @return L, {@code ≥ 0} (0 only for an all-zero dictionary)
   * @throws IllegalArgumentException if a kernel is larger than the image
   */
  public static double exact(Dictionary dictionary, int height, int width) {
    return exact(new DoubleDictionarySpectra(dictionary, height, width));
  }

  /**
   * The exact constant from already transformed kernels.
   *
   * @param spectra the kernel spectra at the image size
   * @return {@code max_f Σ_k |D̂_k(f)|²}
   */
  public static double exact(DoubleDictionarySpectra spectra) {
    double[] sigma = powerSpectrum(spectra);
    double max = 0;
    for (int i = 0; i < sigma.length; i++) {
      max = Math.max(max, sigma[i]);
    }
    return max;
  }

  /**
   * The exact constant from kernels transformed in float32 (sums in float64): the constant of the
   * float32-rounded kernels, within about 1e-7 relative of the float64 value.
   *
   * @param spectra the kernel spectra at the image size
   * @return {@code max_f Σ_k |D̂_k(f)|²}
   */
  public static double exact(FloatDictionarySpectra spectra) {
    int len = spectra.spectrumLength();
    float[] d = spectra.spectra();
    double[] sigma = new double[len / 2];
    for (int k = 0; k < spectra.count(); k++) {
      int at = k * len;
      for (int i = 0; i < len; i += 2) {
        double re = d[at + i];
        double im = d[at + i + 1];
        sigma[i >> 1] += re * re + im * im;
      }
    }
    double max = 0;
    for (double v : sigma) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * {@code Σ_k |D̂_k(f)|²} at every frequency of the half spectrum.
   *
   * @param spectra the kernel spectra
   * @return one value per half-spectrum frequency, in the spectra's order
   */
  static double[] powerSpectrum(DoubleDictionarySpectra spectra) {
    int len = spectra.spectrumLength();
    double[] d = spectra.spectra();
    double[] sigma = new double[len / 2];
    for (int k = 0; k < spectra.count(); k++) {
      int at = k * len;
      for (int i = 0; i < len; i += 2) {
        double re = d[at + i];
        double im = d[at + i + 1];
        sigma[i >> 1] += re * re + im * im;
      }
    }
    return sigma;
  }

  /**
   * Estimates L by power iteration on {@code DᵀD}: from seeded random maps x (uniform in [−1, 1)),
   * {@code iterations} times {@code x ← DᵀD x / ‖DᵀD x‖}, the operators applied with FFTs (in the DFT
   * domain, {@code (DᵀDx)^_k = conj(D̂_k) Σ_j D̂_j X̂_j}); returns the Rayleigh quotient
   * {@code ‖Dx‖² / ‖x‖²} of the last iterate, a lower bound of L that converges to it. Norms use
   * Parseval's identity on the half spectrum.
   *
   * <p>Convergence is slow for convolutional dictionaries: the maximum of {@code Σ_k |D̂_k(f)|²} is not an
   * isolated eigenvalue but the top of a smooth function of f, so the error falls roughly as 1/iterations
   * (full dictionary at 64 × 64: −0.9 % after 50 iterations, −0.13 % after 200, −0.04 % after 400). Prefer
   * {@link #exact}, which is cheaper and tight.
   *
   * @param dictionary the kernels
   * @param height image rows H
   * @param width image columns W
   * @param iterations the number of applications of {@code DᵀD}, at least 1
   * @param seed the seed of the random start
   * @return the estimate, {@code ≤ L} up to rounding
   * @throws IllegalArgumentException if {@code iterations < 1} or a kernel is larger than the image
   */
  public static double powerIteration(Dictionary dictionary, int height, int width, int iterations, long seed) {
    if (iterations < 1) {
      throw new IllegalArgumentException("power iteration needs at least 1 iteration, got " + iterations);
    }
    DoubleDictionarySpectra spectra = new DoubleDictionarySpectra(dictionary, height, width);
    DoubleFft2d fft = spectra.fft();
    int count = spectra.count();
    int len = spectra.spectrumLength();
    double[] d = spectra.spectra();
    double[] x = new double[Math.multiplyExact(count, len)];
    double[] map = new double[height * width];
    double[] work = fft.newWork();
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < map.length; i++) {
        map[i] = 2 * random.nextDouble() - 1;
      }
      fft.forward(map, 0, x, k * len, work);
    }
    double[] s = new double[len];
    double rayleigh = 0;
    for (int it = 0; it < iterations; it++) {
      // s = Σ_k D̂_k X̂_k (the spectrum of D x).
      java.util.Arrays.fill(s, 0.0);
      for (int k = 0; k < count; k++) {
        int at = k * len;
        for (int i = 0; i < len; i += 2) {
          double dr = d[at + i];
          double di = d[at + i + 1];
          double xr = x[at + i];
          double xi = x[at + i + 1];
          s[i] += dr * xr - di * xi;
          s[i + 1] += dr * xi + di * xr;
        }
      }
      double xNorm2 = 0;
      for (int k = 0; k < count; k++) {
        xNorm2 += fft.squaredNorm(x, k * len);
      }
      rayleigh = fft.squaredNorm(s, 0) / xNorm2;
      // x ← DᵀD x = conj(D̂_k) s, then normalised to unit ℓ2 norm (the scale cancels in the quotient).
      double yNorm2 = 0;
      for (int k = 0; k < count; k++) {
        int at = k * len;
        for (int i = 0; i < len; i += 2) {
          double dr = d[at + i];
          double di = d[at + i + 1];
          x[at + i] = dr * s[i] + di * s[i + 1];
          x[at + i + 1] = dr * s[i + 1] - di * s[i];
        }
        yNorm2 += fft.squaredNorm(x, at);
      }
      if (yNorm2 == 0) {
        return 0;
      }
      double scale = 1 / Math.sqrt(yNorm2);
      for (int i = 0; i < x.length; i++) {
        x[i] *= scale;
      }
    }
    return rayleigh;
  }
}
