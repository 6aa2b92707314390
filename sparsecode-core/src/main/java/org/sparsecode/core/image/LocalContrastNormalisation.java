package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Local contrast normalisation, exactly as SPORCO's {@code signal.local_contrast_normalise(s, n)} and the
 * paper's torch port ({@code img_processing.local_contrast_normalise}) compute it, in float64:
 *
 * <pre>
 *   N = 2n + 1, t = linspace(-3, 3, N), g[a,b] = exp(-(t_a² + t_b²) / 2), g /= sum(g)
 *   sp   = symmetric pad of s by n (numpy mode 'symmetric'), P = (H + 2n, W + 2n)
 *   smn  = g ⊛ sp                      (circular on the padded grid, centred: roll by -n)
 *   s1   = sp - smn
 *   snrm = sqrt(max(g ⊛ s1², 0));  snrm = max(mean(snrm over the padded grid), snrm)
 *   out  = (s1 / snrm)[n:-n, n:-n]
 * </pre>
 *
 * The circular wrap inside the padded grid is part of the reference: it feeds {@code snrm} in the border
 * and hence the global mean. Here the circular sums are computed directly ({@code N²} taps per pixel),
 * which equals the reference's FFT route to rounding (fixtures README §2). Each channel is normalised on
 * its own. The Gaussian's sample spacing is {@code 6 / (N - 1)}, not one pixel, whatever {@code n}.
 */
public final class LocalContrastNormalisation implements ImagePreprocessor {
  private final int n;

  /**
   * Creates the step.
   *
   * @param n the half-width of the {@code (2n + 1)²} window, at least 1 (the paper uses 7)
   */
  public LocalContrastNormalisation(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    this.n = n;
  }

  @Override
  public Image apply(Image in) {
    int h = in.height();
    int w = in.width();
    double[] out = new double[in.pixels().length];
    double[] channel = new double[h * w];
    for (int c = 0; c < in.channels(); c++) {
      System.arraycopy(in.pixels(), c * h * w, channel, 0, h * w);
      double[] r = normalise(channel, h, w, n);
      System.arraycopy(r, 0, out, c * h * w, h * w);
    }
    return new Image(in.id(), w, h, in.channels(), out);
  }

  /**
   * The normalised Gaussian window: {@code t = linspace(-3, 3, 2n + 1)} (numpy's linspace: {@code i · step
   * - 3}, the last sample exactly 3), {@code g = exp(-(t_a² + t_b²) / 2)}, divided by its sum.
   *
   * @param n the half-width
   * @return {@code (2n + 1)²} weights, row-major
   */
  static double[] gaussian(int n) {
    int size = 2 * n + 1;
    double[] t = new double[size];
    double step = 6.0 / (size - 1);
    for (int i = 0; i < size; i++) {
      t[i] = i * step + -3.0;
    }
    t[size - 1] = 3.0;
    double[] g = new double[size * size];
    double sum = 0.0;
    for (int a = 0; a < size; a++) {
      for (int b = 0; b < size; b++) {
        double v = Math.exp(-(t[a] * t[a] + t[b] * t[b]) / 2.0);
        g[a * size + b] = v;
        sum += v;
      }
    }
    for (int i = 0; i < g.length; i++) {
      g[i] /= sum;
    }
    return g;
  }

  /**
   * Normalises one channel.
   *
   * @param s {@code h × w} values, row-major
   * @param h rows
   * @param w columns
   * @param n the half-width of the window
   * @return {@code h × w} normalised values
   */
  public static double[] normalise(double[] s, int h, int w, int n) {
    int size = 2 * n + 1;
    int p0 = h + 2 * n;
    int p1 = w + 2 * n;
    double[] g = gaussian(n);
    double[] sp = new double[p0 * p1];
    for (int i = 0; i < p0; i++) {
      int si = symmetric(i - n, h);
      for (int j = 0; j < p1; j++) {
        sp[i * p1 + j] = s[si * w + symmetric(j - n, w)];
      }
    }
    double[] smn = circularCentred(g, size, n, sp, p0, p1);
    double[] s1 = new double[sp.length];
    double[] s1sq = new double[sp.length];
    for (int i = 0; i < sp.length; i++) {
      s1[i] = sp[i] - smn[i];
      s1sq[i] = s1[i] * s1[i];
    }
    double[] snrm = circularCentred(g, size, n, s1sq, p0, p1);
    double mean = 0.0;
    for (int i = 0; i < snrm.length; i++) {
      snrm[i] = Math.sqrt(Math.max(snrm[i], 0.0));
      mean += snrm[i];
    }
    mean /= snrm.length;
    double[] out = new double[h * w];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        int k = (i + n) * p1 + j + n;
        out[i * w + j] = s1[k] / Math.max(mean, snrm[k]);
      }
    }
    return out;
  }

  /**
   * {@code out[i,j] = sum_ab g[a,b] x[(i + n - a) mod p0, (j + n - b) mod p1]}: the reference's
   * {@code roll(ifft2(fft2(g zero-padded) · fft2(x)), (-n, -n))}, computed directly.
   */
  private static double[] circularCentred(double[] g, int size, int n, double[] x, int p0, int p1) {
    double[] out = new double[p0 * p1];
    int[] cols = new int[size];
    for (int i = 0; i < p0; i++) {
      for (int j = 0; j < p1; j++) {
        for (int b = 0; b < size; b++) {
          cols[b] = Math.floorMod(j + n - b, p1);
        }
        double acc = 0.0;
        for (int a = 0; a < size; a++) {
          int row = Math.floorMod(i + n - a, p0) * p1;
          int ga = a * size;
          for (int b = 0; b < size; b++) {
            acc += g[ga + b] * x[row + cols[b]];
          }
        }
        out[i * p1 + j] = acc;
      }
    }
    return out;
  }

  /** numpy's 'symmetric' padding index: the signal mirrored with its edge repeated, period {@code 2 len}. */
  private static int symmetric(int i, int len) {
    int m = Math.floorMod(i, 2 * len);
    return m < len ? m : 2 * len - 1 - m;
  }

  /**
   * The window half-width.
   *
   * @return n
   */
  public int n() {
    return n;
  }
}
