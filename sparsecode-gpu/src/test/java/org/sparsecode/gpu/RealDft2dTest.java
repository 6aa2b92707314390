package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sparsecode.core.fft.DoubleFft2d;

class RealDft2dTest {

  /** N random maps of H × W, row-interleaved ([H, N, W]), and the same maps one after the other. */
  private static double[][] maps(int n, int h, int w, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] m = new double[n][h * w];
    for (double[] map : m) {
      for (int i = 0; i < map.length; i++) {
        map[i] = r.nextDouble() * 2 - 1;
      }
    }
    return m;
  }

  private static INDArray interleave(double[][] m, int h, int w, DataType dtype) {
    int n = m.length;
    double[] flat = new double[n * h * w];
    for (int k = 0; k < n; k++) {
      for (int y = 0; y < h; y++) {
        System.arraycopy(m[k], y * w, flat, (y * n + k) * w, w);
      }
    }
    return Nd4j.create(flat, new long[] {h, n, w}, DataType.DOUBLE).castTo(dtype);
  }

  @Test
  void forwardAgreesWithTheCoreFftOnOddAndEvenSizes() {
    for (int[] size : new int[][] {{8, 12}, {7, 9}, {16, 16}}) {
      int h = size[0];
      int w = size[1];
      int n = 3;
      double[][] m = maps(n, h, w, 7);
      RealDft2d dft = new RealDft2d(h, w, DataType.DOUBLE);
      int c = dft.columns();
      INDArray re = Nd4j.create(DataType.DOUBLE, h, n, c);
      INDArray im = Nd4j.create(DataType.DOUBLE, h, n, c);
      dft.forward(interleave(m, h, w, DataType.DOUBLE), re, im, Nd4j.create(DataType.DOUBLE, h, n, c),
          Nd4j.create(DataType.DOUBLE, h, n, c));
      DoubleFft2d fft = new DoubleFft2d(h, w);
      double[] spectrum = new double[fft.spectrumLength()];
      double worst = 0;
      for (int k = 0; k < n; k++) {
        fft.forward(m[k], 0, spectrum, 0, fft.newWork());
        for (int col = 0; col < c; col++) {
          for (int y = 0; y < h; y++) {
            worst = Math.max(worst, Math.abs(spectrum[2 * (col * h + y)] - re.getDouble(y, k, col)));
            worst = Math.max(worst, Math.abs(spectrum[2 * (col * h + y) + 1] - im.getDouble(y, k, col)));
          }
        }
      }
      assertThat(worst).as("size %dx%d", h, w).isLessThan(1e-12);
    }
  }

  @Test
  void inverseUndoesForwardInFloat32() {
    int h = 32;
    int w = 24;
    int n = 5;
    RealDft2d dft = new RealDft2d(h, w, DataType.FLOAT);
    int c = dft.columns();
    INDArray x = interleave(maps(n, h, w, 3), h, w, DataType.FLOAT);
    INDArray re = Nd4j.create(DataType.FLOAT, h, n, c);
    INDArray im = Nd4j.create(DataType.FLOAT, h, n, c);
    INDArray a = Nd4j.create(DataType.FLOAT, h, n, c);
    INDArray b = Nd4j.create(DataType.FLOAT, h, n, c);
    dft.forward(x, re, im, a, b);
    INDArray back = Nd4j.create(DataType.FLOAT, h, n, w);
    dft.inverse(re, im, back, a, b);
    assertThat(back.sub(x).amaxNumber().doubleValue()).isLessThan(1e-5);
  }
}
