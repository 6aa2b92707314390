package org.sparsecode.core.fft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sparsecode.api.ConfigException;

/** FFTW and JTransforms compute the same transforms; the choice parses and resolves as documented. */
class FftBackendTest {

  /** FFTW is shipped for linux-x86_64 only; the build that refuses it runs {@link FftFallbackTest}. */
  static void assumeFftw() {
    assumeTrue(FftBackend.fftwAvailable(), "FFTW refused or not shipped here: " + FftBackend.fftwFailure());
  }

  static double maxAbs(double[] a) {
    double m = 0;
    for (double v : a) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  @Test
  void fftwLoadsOnLinuxX8664UnlessRefused() {
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && "amd64".equals(System.getProperty("os.arch"))
        && !Boolean.getBoolean(FftBackend.DISABLE_PROPERTY) && System.getenv(FftBackend.DISABLE_ENV) == null);
    assertThat(FftBackend.fftwFailure()).isNull();
    assertThat(FftBackend.AUTO.resolve()).isEqualTo(FftBackend.FFTW);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"256, 256", "60, 90", "15, 21", "7, 9", "8, 8", "1, 5", "6, 1", "1, 1"})
  void float64ForwardOnFftwEqualsJTransformsTo1e13Relative(int h, int w) {
    assumeFftw();
    double[] x = DoubleFft2dTest.random(h * w, 11);
    DoubleFft2d fftw = new DoubleFft2d(h, w, FftBackend.FFTW);
    DoubleFft2d jt = new DoubleFft2d(h, w, FftBackend.JTRANSFORMS);
    assertThat(fftw.backend()).isEqualTo(FftBackend.FFTW);
    assertThat(jt.backend()).isEqualTo(FftBackend.JTRANSFORMS);
    // Offsets on both sides: the engines must honour them.
    double[] image = new double[3 + h * w];
    System.arraycopy(x, 0, image, 3, h * w);
    double[] a = new double[5 + fftw.spectrumLength()];
    double[] b = new double[5 + jt.spectrumLength()];
    fftw.forward(image, 3, a, 5, fftw.newWork());
    jt.forward(image, 3, b, 5, jt.newWork());
    double tolerance = 1e-13 * Math.max(1, maxAbs(b));
    for (int i = 0; i < a.length; i++) {
      assertThat(Math.abs(a[i] - b[i])).as("element %d", i).isLessThanOrEqualTo(tolerance);
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"256, 256", "60, 90", "15, 21", "7, 9", "1, 5", "6, 1", "1, 1"})
  void float64InverseOnFftwEqualsJTransformsTo1e13AndKeepsTheSpectrum(int h, int w) {
    assumeFftw();
    DoubleFft2d fftw = new DoubleFft2d(h, w, FftBackend.FFTW);
    DoubleFft2d jt = new DoubleFft2d(h, w, FftBackend.JTRANSFORMS);
    double[] spectrum = new double[jt.spectrumLength()];
    jt.forward(DoubleFft2dTest.random(h * w, 12), 0, spectrum, 0, jt.newWork());
    double[] before = spectrum.clone();
    double[] a = new double[2 + h * w];
    double[] b = new double[2 + h * w];
    fftw.inverse(spectrum, 0, a, 2, fftw.newWork());
    assertThat(spectrum).isEqualTo(before);
    jt.inverse(spectrum, 0, b, 2, jt.newWork());
    for (int i = 0; i < a.length; i++) {
      assertThat(Math.abs(a[i] - b[i])).as("pixel %d", i).isLessThanOrEqualTo(1e-13);
    }
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"256, 256", "60, 90", "15, 21", "7, 9"})
  void float32OnFftwEqualsJTransformsWithinSinglePrecision(int h, int w) {
    assumeFftw();
    FloatFft2d fftw = new FloatFft2d(h, w, FftBackend.FFTW);
    FloatFft2d jt = new FloatFft2d(h, w, FftBackend.JTRANSFORMS);
    float[] x = new float[h * w];
    SplittableRandom rng = new SplittableRandom(13);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextDouble(-1, 1);
    }
    float[] a = new float[fftw.spectrumLength()];
    float[] b = new float[jt.spectrumLength()];
    fftw.forward(x, 0, a, 0, fftw.newWork());
    jt.forward(x, 0, b, 0, jt.newWork());
    // Each output sums H·W terms of size 1: single-precision rounding of the two algorithms differs by
    // about sqrt(HW) log(HW) ulp of the spectrum's scale.
    double scale = Math.sqrt(h * w);
    for (int i = 0; i < a.length; i++) {
      assertThat((double) Math.abs(a[i] - b[i])).as("element %d", i).isLessThanOrEqualTo(2e-5 * scale);
    }
    float[] ya = new float[h * w];
    float[] yb = new float[h * w];
    fftw.inverse(a, 0, ya, 0, fftw.newWork());
    jt.inverse(b, 0, yb, 0, jt.newWork());
    for (int i = 0; i < ya.length; i++) {
      assertThat(Math.abs(ya[i] - x[i])).as("pixel %d", i).isLessThanOrEqualTo(1e-5f);
      assertThat(Math.abs(yb[i] - x[i])).as("pixel %d", i).isLessThanOrEqualTo(1e-5f);
    }
  }

  @Test
  void fftwPlansAreSharedPerShapeAndGiveTheSameResultOnEightThreadsAsOnOne() throws Exception {
    assumeFftw();
    int h = 48;
    int w = 40;
    DoubleFft2d fft = new DoubleFft2d(h, w, FftBackend.FFTW);
    int n = 64;
    double[] images = DoubleFft2dTest.random(n * h * w, 14);
    int len = fft.spectrumLength();
    double[] serial = new double[n * len];
    for (int k = 0; k < n; k++) {
      fft.forward(images, k * h * w, serial, k * len, null);
    }
    double[] parallel = new double[n * len];
    double[] back = new double[n * h * w];
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        int j = k;
        // A second instance of the same shape shares the plans (made once).
        DoubleFft2d mine = new DoubleFft2d(h, w, FftBackend.FFTW);
        done.add(pool.submit(() -> {
          for (int rep = 0; rep < 20; rep++) {
            mine.forward(images, j * h * w, parallel, j * len, null);
            mine.inverse(parallel, j * len, back, j * h * w, null);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(parallel).isEqualTo(serial);
    for (int i = 0; i < back.length; i++) {
      assertThat(Math.abs(back[i] - images[i])).as("pixel %d", i).isLessThanOrEqualTo(1e-14);
    }
  }

  @ParameterizedTest(name = "{0}x{1}, {2} arrays")
  @CsvSource({"256, 256, 8", "60, 90, 3", "15, 21, 5", "1, 5, 2"})
  void float64BatchedPlansEqualOneTransformPerArrayAndKeepTheSpectra(int h, int w, int count) {
    assumeFftw();
    DoubleFft2d fft = new DoubleFft2d(h, w, FftBackend.FFTW);
    int area = h * w;
    int len = fft.spectrumLength();
    double[] images = new double[1 + count * area];
    System.arraycopy(DoubleFft2dTest.random(count * area, 15), 0, images, 1, count * area);
    double[] batched = new double[2 + count * len];
    double[] single = new double[2 + count * len];
    fft.forwardMany(images, 1, count, batched, 2, fft.newWork());
    for (int k = 0; k < count; k++) {
      fft.forward(images, 1 + k * area, single, 2 + k * len, fft.newWork());
    }
    double tolerance = 1e-13 * Math.max(1, maxAbs(single));
    for (int i = 0; i < single.length; i++) {
      assertThat(Math.abs(batched[i] - single[i])).as("element %d", i).isLessThanOrEqualTo(tolerance);
    }
    double[] kept = batched.clone();
    double[] back = new double[3 + count * area];
    fft.inverseMany(batched, 2, count, back, 3, fft.newWork());
    assertThat(batched).isEqualTo(kept);
    for (int i = 0; i < count * area; i++) {
      assertThat(Math.abs(back[3 + i] - images[1 + i])).as("pixel %d", i).isLessThanOrEqualTo(1e-13);
    }
  }

  @Test
  void float32BatchedPlansEqualOneTransformPerArrayWithinSinglePrecision() {
    assumeFftw();
    int h = 64;
    int w = 48;
    int count = 6;
    FloatFft2d fft = new FloatFft2d(h, w, FftBackend.FFTW);
    float[] images = new float[count * h * w];
    SplittableRandom rng = new SplittableRandom(16);
    for (int i = 0; i < images.length; i++) {
      images[i] = (float) rng.nextDouble(-1, 1);
    }
    int len = fft.spectrumLength();
    float[] batched = new float[count * len];
    float[] single = new float[count * len];
    fft.forwardMany(images, 0, count, batched, 0, fft.newWork());
    for (int k = 0; k < count; k++) {
      fft.forward(images, k * h * w, single, k * len, fft.newWork());
    }
    for (int i = 0; i < single.length; i++) {
      assertThat((double) Math.abs(batched[i] - single[i])).as("element %d", i).isLessThanOrEqualTo(1e-4);
    }
    float[] back = new float[count * h * w];
    fft.inverseMany(batched, 0, count, back, 0, fft.newWork());
    for (int i = 0; i < back.length; i++) {
      assertThat(Math.abs(back[i] - images[i])).as("pixel %d", i).isLessThanOrEqualTo(1e-5f);
    }
  }

  @Test
  void batchedTransformsOnJTransformsAreOneTransformPerArray() {
    int h = 12;
    int w = 10;
    int count = 4;
    DoubleFft2d fft = new DoubleFft2d(h, w, FftBackend.JTRANSFORMS);
    double[] images = DoubleFft2dTest.random(count * h * w, 17);
    int len = fft.spectrumLength();
    double[] batched = new double[count * len];
    double[] single = new double[count * len];
    fft.forwardMany(images, 0, count, batched, 0, fft.newWork());
    for (int k = 0; k < count; k++) {
      fft.forward(images, k * h * w, single, k * len, fft.newWork());
    }
    assertThat(batched).isEqualTo(single);
    double[] back = new double[count * h * w];
    double[] one = new double[h * w];
    fft.inverseMany(batched, 0, count, back, 0, fft.newWork());
    for (int k = 0; k < count; k++) {
      fft.inverse(single, k * len, one, 0, fft.newWork());
      assertThat(java.util.Arrays.copyOfRange(back, k * h * w, (k + 1) * h * w)).isEqualTo(one);
    }
  }

  @Test
  void parsesTheThreeYamlSpellingsAndRejectsOthersNamingTheKey() {
    assertThat(FftBackend.parse("auto")).isEqualTo(FftBackend.AUTO);
    assertThat(FftBackend.parse("fftw")).isEqualTo(FftBackend.FFTW);
    assertThat(FftBackend.parse("jtransforms")).isEqualTo(FftBackend.JTRANSFORMS);
    assertThatThrownBy(() -> FftBackend.parse("FFTW")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be auto, fftw or jtransforms, got 'FFTW'");
  }

  @Test
  void jtransformsResolvesToItselfEvenWhenFftwLoads() {
    assertThat(FftBackend.JTRANSFORMS.resolve()).isEqualTo(FftBackend.JTRANSFORMS);
    assertThat(new DoubleFft2d(4, 4, FftBackend.JTRANSFORMS).backend()).isEqualTo(FftBackend.JTRANSFORMS);
  }
}
