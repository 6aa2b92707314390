package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoubleFft2dTest {

  static double[] random(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextDouble(-1, 1);
    }
    return a;
  }

  /** The textbook DFT, O(H²W²): {@code X[r, c] = Σ x[y, x] exp(−2πi (ry/H + cx/W))}. */
  static double[] naiveHalfSpectrum(double[] x, int h, int w) {
    int cols = w / 2 + 1;
    double[] out = new double[2 * h * cols];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < cols; c++) {
        double re = 0;
        double im = 0;
        for (int y = 0; y < h; y++) {
          for (int xx = 0; xx < w; xx++) {
            double phase = -2 * Math.PI * (((long) r * y % h) / (double) h + ((long) c * xx % w) / (double) w);
            re += x[y * w + xx] * Math.cos(phase);
            im += x[y * w + xx] * Math.sin(phase);
          }
        }
        out[2 * (c * h + r)] = re;
        out[2 * (c * h + r) + 1] = im;
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"60, 90", "15, 21", "7, 9", "8, 8", "1, 5", "6, 1", "1, 1"})
  void forwardMatchesANaiveDftTo1e10(int h, int w) {
    double[] x = random(h * w, 1);
    DoubleFft2d fft = new DoubleFft2d(h, w);
    double[] spec = new double[fft.spectrumLength()];
    fft.forward(x, 0, spec, 0, fft.newWork());
    // Rounding of an O(HW log HW) transform vs an O((HW)²) sum of terms of size 1: well below 1e-10.
    double[] expected = naiveHalfSpectrum(x, h, w);
    for (int i = 0; i < spec.length; i++) {
      assertThat(spec[i]).as("element %d", i).isCloseTo(expected[i], within(1e-10));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"60, 90", "15, 21", "7, 9", "64, 64", "1, 5", "6, 1", "1, 1"})
  void inverseUndoesForwardTo1e13(int h, int w) {
    double[] x = random(h * w, 2);
    DoubleFft2d fft = new DoubleFft2d(h, w);
    double[] spec = new double[fft.spectrumLength()];
    double[] work = fft.newWork();
    fft.forward(x, 0, spec, 0, work);
    double[] specCopy = spec.clone();
    double[] back = new double[h * w + 3];
    fft.inverse(spec, 0, back, 3, work);
    assertThat(spec).as("the spectrum is left unchanged").containsExactly(specCopy);
    for (int i = 0; i < h * w; i++) {
      assertThat(back[3 + i]).isCloseTo(x[i], within(1e-13));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"60, 90", "15, 21", "1, 1"})
  void squaredNormOfTheSpectrumIsTheSquaredNormOfTheArray(int h, int w) {
    double[] x = random(h * w, 3);
    DoubleFft2d fft = new DoubleFft2d(h, w);
    double[] spec = new double[fft.spectrumLength()];
    fft.forward(x, 0, spec, 0, fft.newWork());
    double direct = 0;
    for (double v : x) {
      direct += v * v;
    }
    assertThat(fft.squaredNorm(spec, 0)).isCloseTo(direct, within(1e-12 * direct));
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"60, 90", "15, 21"})
  void float32TwinAgreesWithFloat64To1e5(int h, int w) {
    double[] x = random(h * w, 4);
    float[] xf = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      xf[i] = (float) x[i];
    }
    DoubleFft2d fft = new DoubleFft2d(h, w);
    FloatFft2d ffft = new FloatFft2d(h, w);
    double[] spec = new double[fft.spectrumLength()];
    float[] specf = new float[ffft.spectrumLength()];
    fft.forward(x, 0, spec, 0, fft.newWork());
    ffft.forward(xf, 0, specf, 0, ffft.newWork());
    // Single-precision rounding (6e-8) grows like log(HW) times the spectrum's scale sqrt(HW) ~ 70.
    for (int i = 0; i < spec.length; i++) {
      assertThat((double) specf[i]).isCloseTo(spec[i], within(1e-4));
    }
    float[] back = new float[h * w];
    ffft.inverse(specf, 0, back, 0, ffft.newWork());
    for (int i = 0; i < x.length; i++) {
      assertThat((double) back[i]).isCloseTo(x[i], within(1e-5));
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"64, 64", "15, 21"})
  void inverseInPlaceGivesTheSameArrayAsInverse(int h, int w) {
    double[] x = random(h * w, 5);
    DoubleFft2d fft = new DoubleFft2d(h, w);
    double[] spec = new double[fft.spectrumLength()];
    double[] work = fft.newWork();
    fft.forward(x, 0, spec, 0, work);
    double[] a = new double[h * w];
    double[] b = new double[h * w];
    fft.inverse(spec, 0, a, 0, work);
    fft.inverseInPlace(spec, 0, b, 0, work);
    assertThat(b).containsExactly(a);
  }
}
