package org.sparsecode.gpu;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.DoubleDictionarySpectra;
import org.sparsecode.core.fft.DoubleFft2d;

/**
 * The fixed spectra of a solve, transformed once on the host in float64 with sparsecode-core's FFT (the numbers
 * the core solvers start from) and rounded once to the device's type: the kernels' {@code D̂} and the images'
 * {@code Ŝ}, in the row-interleaved layout of {@link RealDft2d}.
 */
final class Spectra {
  private Spectra() {}

  /**
   * The kernels' spectra, zero-padded at the top-left to {@code H × W}.
   *
   * @param dictionary the kernels
   * @param height H
   * @param width W
   * @param type the device type
   * @return real and imaginary parts, each {@code [H, 1, K, W/2+1]}
   */
  static INDArray[] kernels(Dictionary dictionary, int height, int width, DataType type) {
    DoubleDictionarySpectra d = new DoubleDictionarySpectra(dictionary, height, width);
    int count = d.count();
    int columns = width / 2 + 1;
    int len = d.spectrumLength();
    double[] s = d.spectra();
    double[] re = new double[count * height * columns];
    double[] im = new double[re.length];
    for (int k = 0; k < count; k++) {
      for (int c = 0; c < columns; c++) {
        for (int h = 0; h < height; h++) {
          int from = k * len + 2 * (c * height + h);
          int to = (h * count + k) * columns + c;
          re[to] = s[from];
          im[to] = s[from + 1];
        }
      }
    }
    return new INDArray[] {Nd4jOps.device(re, type, height, 1, count, columns),
        Nd4jOps.device(im, type, height, 1, count, columns)};
  }

  /**
   * {@code Σ_k |D̂_k|²} at every frequency, in float64 and then rounded.
   *
   * @param dictionary the kernels
   * @param height H
   * @param width W
   * @param type the device type
   * @return {@code [H, 1, W/2+1]}
   */
  static INDArray power(Dictionary dictionary, int height, int width, DataType type) {
    DoubleDictionarySpectra d = new DoubleDictionarySpectra(dictionary, height, width);
    int columns = width / 2 + 1;
    int len = d.spectrumLength();
    double[] s = d.spectra();
    double[] p = new double[height * columns];
    for (int k = 0; k < d.count(); k++) {
      for (int c = 0; c < columns; c++) {
        for (int h = 0; h < height; h++) {
          int from = k * len + 2 * (c * height + h);
          p[h * columns + c] += s[from] * s[from] + s[from + 1] * s[from + 1];
        }
      }
    }
    return Nd4jOps.device(p, type, height, 1, columns);
  }

  /**
   * The images' spectra.
   *
   * @param images B images of {@code H × W}
   * @param height H
   * @param width W
   * @param type the device type
   * @return real and imaginary parts, each {@code [H, B, W/2+1]}
   */
  static INDArray[] images(List<Image> images, int height, int width, DataType type) {
    DoubleFft2d fft = new DoubleFft2d(height, width);
    int batch = images.size();
    int columns = width / 2 + 1;
    double[] spectrum = new double[fft.spectrumLength()];
    double[] work = fft.newWork();
    double[] re = new double[height * batch * columns];
    double[] im = new double[re.length];
    for (int b = 0; b < batch; b++) {
      fft.forward(images.get(b).pixels(), 0, spectrum, 0, work);
      for (int c = 0; c < columns; c++) {
        for (int h = 0; h < height; h++) {
          int to = (h * batch + b) * columns + c;
          re[to] = spectrum[2 * (c * height + h)];
          im[to] = spectrum[2 * (c * height + h) + 1];
        }
      }
    }
    return new INDArray[] {Nd4jOps.device(re, type, height, batch, columns),
        Nd4jOps.device(im, type, height, batch, columns)};
  }
}
