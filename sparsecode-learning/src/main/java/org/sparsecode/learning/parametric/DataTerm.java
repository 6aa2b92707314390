package org.sparsecode.learning.parametric;

import java.util.Arrays;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.fft.ComplexSpectra;
import org.sparsecode.core.fft.DoubleFft2d;

/**
 * The data term ½‖Σ_k d_k * x_k − s‖² of one image with fixed codes, and its gradient with respect to the
 * kernel pixels: g_k = the correlation of the residual with x_k cropped to the kernel support, IDFT(conj(Ẑ_k)
 * R̂) restricted to the top-left k×k block (the convention of {@link Dictionary}: circular convolution with
 * the kernel zero-padded at the top-left), as the online-CDL learner computes it. Costs 3K + 2 FFTs of the
 * image size; holds O(H·W) spectra, kernel by kernel.
 */
public final class DataTerm {
  private DataTerm() {}

  /**
   * Adds the pixel gradient of one image to {@code gradient} and returns its data term.
   *
   * @param d the dictionary
   * @param image the grey image s
   * @param code the codes x
   * @param gradient kernel-major, {@code count · k²}, added to; may be null for the value only
   * @return ½‖Σ d_k * x_k − s‖²
   */
  public static double evaluate(Dictionary d, Image image, SparseCode code, double[] gradient) {
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
    double[] map = new double[plane];
    double[] pad = new double[plane];
    double[] kernels = d.kernels();
    int[] idx = code.indices();
    double[] val = code.values();

    fft.forward(image.pixels(), 0, residual, 0, work);
    for (int i = 0; i < len; i++) {
      residual[i] = -residual[i];
    }
    int p = 0;
    for (int j = 0; j < count; j++) {
      p = denseMap(idx, val, p, j, plane, map);
      fft.forward(map, 0, zSpec, 0, work);
      Arrays.fill(pad, 0.0);
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
      }
    }
    System.arraycopy(residual, 0, zSpec, 0, len);
    fft.inverseInPlace(zSpec, 0, pad, 0, work);
    double value = 0;
    for (double v : pad) {
      value += v * v;
    }
    value *= 0.5;
    if (gradient == null) {
      return value;
    }
    p = 0;
    for (int j = 0; j < count; j++) {
      p = denseMap(idx, val, p, j, plane, map);
      fft.forward(map, 0, zSpec, 0, work);
      ComplexSpectra.conjugateTimes(zSpec, residual, len);
      fft.inverseInPlace(zSpec, 0, pad, 0, work);
      int base = j * k * k;
      for (int y = 0; y < k; y++) {
        for (int x = 0; x < k; x++) {
          gradient[base + y * k + x] += pad[y * w + x];
        }
      }
    }
    return value;
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
