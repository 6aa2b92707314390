package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.jtransforms.fft.DoubleFFT_2D;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.PluginRegistry;

class OlshausenWhiteningTest {
  private static final WhitenSettings PAPER = WhitenSettings.defaults();

  @Test
  void defaultsAreSlipsParameters() {
    assertThat(PAPER.alpha()).isEqualTo(1.4);
    assertThat(PAPER.f0()).isEqualTo(0.4);
    assertThat(PAPER.steepness()).isEqualTo(4.0);
  }

  @Test
  void nonPositiveSettingsAreConfigErrorsNamingTheKey() {
    assertThat(configError(() -> new WhitenSettings(0.0, null, null)).key()).isEqualTo("alpha");
    assertThat(configError(() -> new WhitenSettings(null, -0.4, null)).key()).isEqualTo("f0");
    assertThat(configError(() -> new WhitenSettings(null, null, Double.NaN)).key()).isEqualTo("steepness");
  }

  @Test
  void pluginIsRegisteredAsWhiten() {
    Object settings = PluginRegistry.load().find(ImagePreprocessor.class, "whiten").settings();
    assertThat(settings).isEqualTo(WhitenSettings.class);
  }

  @Test
  void filterHasMeanOneAndDependsOnlyOnTheRadius() {
    int n = 16;
    double[] k = OlshausenWhitening.filter(n, n, PAPER);
    double mean = 0;
    for (double v : k) {
      mean += v;
    }
    assertThat(mean / k.length).isCloseTo(1.0, within(1e-12));
    // Every pixel at the same integer squared radius (di² + dj²) from DC must have the same gain.
    Map<Integer, Double> byRadius = new HashMap<>();
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int r2 = (i - n / 2) * (i - n / 2) + (j - n / 2) * (j - n / 2);
        double v = k[i * n + j];
        Double seen = byRadius.putIfAbsent(r2, v);
        if (seen != null) {
          worst = Math.max(worst, Math.abs(seen - v) / Math.abs(seen));
        }
      }
    }
    assertThat(worst).isLessThan(1e-12);
  }

  @Test
  void constantImageMapsToAboutZero() {
    // K(DC) = (P(DC)/mean P)^(-1/2) · 1 / mean(K), with P(DC) = (1e-6)^(-2.8) dominating mean P and the
    // other raw gains huge: 5.29e-8 for N = 32 (measured; numpy gives 5.39e-8 for N = 8), so a constant 0.5
    // becomes 2.6e-8 everywhere.
    int n = 32;
    double[] k = OlshausenWhitening.filter(n, n, PAPER);
    assertThat(k[n / 2 * n + n / 2]).isLessThan(1e-7);
    double[] ones = new double[n * n];
    Arrays.fill(ones, 0.5);
    Image out = new OlshausenWhitening(PAPER).apply(Image.grey("c", n, n, ones));
    for (double v : out.pixels()) {
      assertThat(v).isCloseTo(0.5 * k[n / 2 * n + n / 2], within(1e-12));
      assertThat(Math.abs(v)).isLessThan(1e-7);
    }
  }

  @Test
  void oneOverFSpectrumBecomesFlatOverMidFrequencies() {
    // Seeded Gaussian noise shaped to power f^-2.8 (SLIP's model, alpha 1.4). Over rings of radius 6..32 bins
    // (f = 0.05..0.25 cycles/pixel) on 128², the ring-averaged power spans max/min = 137 before whitening
    // (measured, seed 11; the model's (32/6)^2.8 = 108 plus sampling noise; 68 to 166 over seeds 1..5) and
    // 1.96 after (1.69 to 2.28 over seeds 1..5): the low-pass's exp(-2 (0.25/0.4)^4) = 0.74 plus the noise of
    // rings of 40 to 200 bins.
    int n = 128;
    Random random = new Random(11);
    double[] z = new double[2 * n * n];
    for (int p = 0; p < n * n; p++) {
      z[2 * p] = random.nextGaussian();
    }
    DoubleFFT_2D fft = new DoubleFFT_2D(n, n);
    fft.complexForward(z);
    for (int u = 0; u < n; u++) {
      for (int v = 0; v < n; v++) {
        double f = Math.hypot(signed(u, n), signed(v, n)) / n;
        double gain = f == 0 ? 0 : Math.pow(f, -1.4);
        z[2 * (u * n + v)] *= gain;
        z[2 * (u * n + v) + 1] *= gain;
      }
    }
    fft.complexInverse(z, true);
    double[] img = new double[n * n];
    for (int p = 0; p < n * n; p++) {
      img[p] = z[2 * p];
    }
    double before = ringSpread(img, n, 6, 32);
    double after = ringSpread(new OlshausenWhitening(PAPER).apply(Image.grey("1/f", n, n, img)).pixels(), n, 6, 32);
    assertThat(before).isGreaterThan(50.0);
    assertThat(after).isLessThan(2.5);
  }

  @Test
  void matchesADirectDftOfSlipsFormulaOnSmallImages() {
    assertMatchesDirectDft(8, 8, 1e-12);
    // non-square: f_x runs along the H rows with step 1/H, f_y along the W columns with step 1/W
    assertMatchesDirectDft(6, 10, 1e-12);
    assertMatchesDirectDft(7, 5, 1e-12);
  }

  @Test
  void matchesNumpyAndSlipOnAnEightByEightImage() {
    // Values from numpy 2.4 running SLIP's olshausen_whitening_filt / FTfilter on the image below
    // (float64): out[0, 0], out[3, 5], out[7, 7].
    double[] in = deterministic(8, 8);
    double[] out = new OlshausenWhitening(PAPER).apply(Image.grey("g", 8, 8, in)).pixels();
    assertThat(out[0]).isCloseTo(NUMPY_00, within(1e-12));
    assertThat(out[3 * 8 + 5]).isCloseTo(NUMPY_35, within(1e-12));
    assertThat(out[63]).isCloseTo(NUMPY_77, within(1e-12));
  }

  private static final double NUMPY_00 = -0.614978061706005;
  private static final double NUMPY_35 = 0.14838359580128893;
  private static final double NUMPY_77 = 0.44148033619356364;

  private static void assertMatchesDirectDft(int h, int w, double tol) {
    double[] in = deterministic(h, w);
    double[] got = new OlshausenWhitening(PAPER).apply(Image.grey("g", w, h, in)).pixels();
    double[] want = directDft(in, h, w);
    assertThat(Resources.maxAbsDiff(got, want)).isLessThan(tol);
  }

  /** Deterministic test values in [0, 1): a fractional-part sequence. */
  private static double[] deterministic(int h, int w) {
    double[] in = new double[h * w];
    for (int p = 0; p < in.length; p++) {
      in[p] = (p * 0.6180339887498949 + 0.3 * Math.sin(p)) % 1.0;
      if (in[p] < 0) {
        in[p] += 1;
      }
    }
    return in;
  }

  /** numpy's fftfreq numerator: 0..(n-1)/2 then -(n/2)..-1. */
  private static int signed(int u, int n) {
    return u <= (n - 1) / 2 ? u : u - n;
  }

  /**
   * SLIP's whitening written from its formula, with O((HW)²) direct DFTs and no shifts: the gain of DFT bin
   * (u, v) is K at (f_x, f_y) = (signed(u)/H, signed(v)/W), with SLIP's guard f = 1e-6 at DC.
   */
  private static double[] directDft(double[] in, int h, int w) {
    double[] k = new double[h * w];
    double[] f = new double[h * w];
    for (int u = 0; u < h; u++) {
      for (int v = 0; v < w; v++) {
        double fx = signed(u, h) / (double) h;
        double fy = signed(v, w) / (double) w;
        f[u * w + v] = u == 0 && v == 0 ? 1e-6 : Math.sqrt(fx * fx + fy * fy);
      }
    }
    double meanP = 0;
    for (int p = 0; p < k.length; p++) {
      meanP += Math.pow(f[p], -2.8) / k.length;
    }
    double meanK = 0;
    for (int p = 0; p < k.length; p++) {
      k[p] = 1 / Math.sqrt(Math.pow(f[p], -2.8) / meanP) * Math.exp(-Math.pow(f[p] / 0.4, 4));
      meanK += k[p] / k.length;
    }
    double[] re = new double[h * w];
    double[] im = new double[h * w];
    for (int u = 0; u < h; u++) {
      for (int v = 0; v < w; v++) {
        double sr = 0;
        double si = 0;
        for (int x = 0; x < h; x++) {
          for (int y = 0; y < w; y++) {
            double a = -2 * Math.PI * ((double) u * x / h + (double) v * y / w);
            sr += in[x * w + y] * Math.cos(a);
            si += in[x * w + y] * Math.sin(a);
          }
        }
        double g = k[u * w + v] / meanK;
        re[u * w + v] = sr * g;
        im[u * w + v] = si * g;
      }
    }
    double[] out = new double[h * w];
    for (int x = 0; x < h; x++) {
      for (int y = 0; y < w; y++) {
        double s = 0;
        for (int u = 0; u < h; u++) {
          for (int v = 0; v < w; v++) {
            double a = 2 * Math.PI * ((double) u * x / h + (double) v * y / w);
            s += re[u * w + v] * Math.cos(a) - im[u * w + v] * Math.sin(a);
          }
        }
        out[x * w + y] = s / (h * w);
      }
    }
    return out;
  }

  /** max/min over rings r0..r1 (radius rounded to whole bins) of the ring-averaged power |fft2|². */
  private static double ringSpread(double[] img, int n, int r0, int r1) {
    double[] z = new double[2 * n * n];
    for (int p = 0; p < n * n; p++) {
      z[2 * p] = img[p];
    }
    new DoubleFFT_2D(n, n).complexForward(z);
    double[] sum = new double[n];
    int[] count = new int[n];
    for (int u = 0; u < n; u++) {
      for (int v = 0; v < n; v++) {
        int r = (int) Math.round(Math.hypot(signed(u, n), signed(v, n)));
        if (r < n) {
          int p = u * n + v;
          sum[r] += z[2 * p] * z[2 * p] + z[2 * p + 1] * z[2 * p + 1];
          count[r]++;
        }
      }
    }
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int r = r0; r <= r1; r++) {
      double mean = sum[r] / count[r];
      max = Math.max(max, mean);
      min = Math.min(min, mean);
    }
    return max / min;
  }

  private static ConfigException configError(Runnable r) {
    try {
      r.run();
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no ConfigException");
  }
}
