package org.sparsecode.learning.online;

import java.util.Arrays;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ComplexSpectra;
import org.sparsecode.core.fft.DoubleFft2d;

/**
 * The data term ½‖Σ_k d_k * x_k − s‖² of one image with fixed codes and its gradient with respect to the
 * kernel pixels, which both dictionary learners descend: g_k = IDFT(conj(Ẑ_k) R̂) (SPORCO's dstep: {@code
 * gradf = inner(conj(Zf), Ryf, axisK)}) restricted to the top-left k×k block (the convention of {@link
 * Dictionary}: circular convolution with the kernel zero-padded at the top-left). Works kernel by kernel, so
 * that only O(H·W) spectra are held: 3K + 1 FFTs of the image size, one more for the value.
 */
public final class DataTermGradient {
  private DataTermGradient() {}

  /**
   * What one image adds besides its gradient.
   *
   * @param value ½‖Σ d_k * x_k − s‖², NaN when it was not asked for
   * @param lipschitz L_D, the largest Σ_k |Ẑ_k|² over the frequencies
   * @param outsideEnergy Σ g² outside the k×k blocks (what the projection on the kernel support removes)
   */
  public record Sums(double value, double lipschitz, double outsideEnergy) {}

  /**
   * Adds the pixel gradient of one image to {@code gradient}.
   *
   * @param d the dictionary
   * @param image the grey image s
   * @param code the codes x
   * @param gradient kernel-major ({@link Dictionary#kernels()}), {@code count · k²}, added to; null for the
   *     value and L_D only
   * @param value whether to compute the data term itself (one inverse FFT more)
   * @return the value, L_D and the energy outside the blocks (0 without a gradient)
   */
  public static Sums accumulate(Dictionary d, Image image, SparseCode code, double[] gradient, boolean value) {
    int h = image.height();
    int w = image.width();
    int k = d.size();
    int count = d.count();
    int plane = h * w;
    DoubleFft2d fft = new DoubleFft2d(h, w);
    int len = fft.spectrumLength();
    double[] work = fft.newWork();
    double[] residual = new double[len];
    double[] zSpec = new double[len];
    double[] dSpec = new double[len];
    double[] power = new double[len / 2];
    double[] map = new double[plane];
    double[] pad = new double[plane];
    double[] kernels = d.kernels();
    int[] idx = code.indices();
    double[] val = code.values();

    // R^ = sum_k Z^_k D^_k - S^ (SPORCO dstep: Ryf = inner(Zf, Df, axisM) - Sf).
    fft.forward(image.pixels(), 0, residual, 0, work);
    for (int i = 0; i < len; i++) {
      residual[i] = -residual[i];
    }
    int p = 0;
    for (int j = 0; j < count; j++) {
      p = denseMap(idx, val, p, j, plane, map);
      fft.forward(map, 0, zSpec, 0, work);
      // only the top-left k x k block of pad is ever written here: the rest stays 0
      for (int r = 0; r < k; r++) {
        System.arraycopy(kernels, (j * k + r) * k, pad, r * w, k);
      }
      fft.forward(pad, 0, dSpec, 0, work);
      for (int i = 0; i < len; i += 2) {
        double zr = zSpec[i];
        double zi = zSpec[i + 1];
        double dr = dSpec[i];
        double di = dSpec[i + 1];
        residual[i] += zr * dr - zi * di;
        residual[i + 1] += zr * di + zi * dr;
        power[i >> 1] += zr * zr + zi * zi;
      }
    }
    double lip = 0;
    for (double v : power) {
      lip = Math.max(lip, v);
    }
    double data = Double.NaN;
    if (value) {
      System.arraycopy(residual, 0, zSpec, 0, len);
      fft.inverseInPlace(zSpec, 0, pad, 0, work);
      data = 0;
      for (double v : pad) {
        data += v * v;
      }
      data *= 0.5;
    }
    if (gradient == null) {
      return new Sums(data, lip, 0);
    }
    // g^_k = conj(Z^_k) R^, back to space, keep the k x k block.
    double outsideEnergy = 0;
    p = 0;
    for (int j = 0; j < count; j++) {
      p = denseMap(idx, val, p, j, plane, map);
      fft.forward(map, 0, zSpec, 0, work);
      ComplexSpectra.conjugateTimes(zSpec, residual, len);
      fft.inverseInPlace(zSpec, 0, pad, 0, work);
      int base = j * k * k;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = pad[y * w + x];
          if (y < k && x < k) {
            gradient[base + y * k + x] += v;
          } else {
            outsideEnergy += v * v;
          }
        }
      }
      Arrays.fill(pad, 0.0);
    }
    return new Sums(data, lip, outsideEnergy);
  }

  /** Fills {@code map} with kernel j's code map from the k-major sparse code, from position p; returns the end. */
  private static int denseMap(int[] idx, double[] val, int p, int j, int plane, double[] map) {
    Arrays.fill(map, 0.0);
    int offset = j * plane;
    int end = offset + plane;
    int q = p;
    while (q < idx.length && idx[q] < end) {
      map[idx[q] - offset] = val[q];
      q++;
    }
    return q;
  }
}
