package org.sparsecode.core.image;

import org.jtransforms.fft.DoubleFFT_2D;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Olshausen whitening, exactly as SLIP's {@code Image.whitening} computes it with {@code white_n_learning = 0}
 * (the parametric filter of Olshausen &amp; Field, {@code olshausen_whitening_filt}; the paper's learning images), in
 * float64. On SLIP's fftshift-ed frequency grid for an {@code H × W} image ({@code N_X = H} rows,
 * {@code N_Y = W} columns):
 *
 * <pre>
 *   f_x = (i - H/2) / H (rows),  f_y = (j - W/2) / W (columns),  f = sqrt(f_x² + f_y²), f = 1e-6 at DC
 *   P = f^(-2 alpha);  P /= mean(P)
 *   K = P^(-1/2) · exp(-(f / f0)^steepness);  K /= mean(K)
 *   out = Re(ifft2(ifftshift(fftshift(fft2(img)) · K)))
 * </pre>
 *
 * The DC guard makes {@code P} huge at zero frequency, so {@code K(0) ≈ 0}: the mean of the image is removed
 * (a constant image maps to about 0). For odd sides the grid is {@code (i - floor(H/2)) / H}, which puts
 * zero frequency where numpy's fftshift does (SLIP's own {@code mgrid} is one sample too long for odd
 * sides). Each channel is filtered on its own. The filter of the last image size is cached.
 */
public final class OlshausenWhitening implements ImagePreprocessor {
  /** SLIP's DC guard: the squared radius written at zero frequency. */
  private static final double DC_GUARD_R2 = 1e-12;

  private final double alpha;
  private final double f0;
  private final double steepness;
  /** The filter of the last size seen, in fft2's (unshifted) layout. */
  private volatile Cached cached;

  private record Cached(int height, int width, double[] unshifted, DoubleFFT_2D fft) {}

  /**
   * Creates the step.
   *
   * @param settings alpha, f0 and steepness, validated
   */
  public OlshausenWhitening(WhitenSettings settings) {
    this.alpha = settings.alpha();
    this.f0 = settings.f0();
    this.steepness = settings.steepness();
  }

  /**
   * The whitening filter {@code K} in SLIP's fftshift layout (zero frequency at {@code [H/2, W/2]}).
   *
   * @param height the image rows H, at least 1
   * @param width the image columns W, at least 1
   * @param settings alpha, f0, steepness
   * @return {@code H × W} gains, row-major, with mean 1
   */
  public static double[] filter(int height, int width, WhitenSettings settings) {
    int n = height * width;
    double[] f = new double[n];
    for (int i = 0; i < height; i++) {
      double fx = (i - height / 2) * 1.0 / height;
      for (int j = 0; j < width; j++) {
        double fy = (j - width / 2) * 1.0 / width;
        double r2 = fx * fx + fy * fy;
        if (i == height / 2 && j == width / 2) {
          r2 = DC_GUARD_R2;
        }
        f[i * width + j] = Math.sqrt(r2);
      }
    }
    // SLIP.olshausen_whitening_filt, in numpy's order of operations
    double[] k = new double[n];
    double meanP = 0.0;
    for (int p = 0; p < n; p++) {
      k[p] = Math.pow(f[p], -settings.alpha() * 2);
      meanP += k[p];
    }
    meanP /= n;
    double meanK = 0.0;
    for (int p = 0; p < n; p++) {
      double lowPass = Math.exp(-Math.pow(f[p] / settings.f0(), settings.steepness()));
      k[p] = Math.pow(k[p] / meanP, -0.5) * lowPass;
      meanK += k[p];
    }
    meanK /= n;
    for (int p = 0; p < n; p++) {
      k[p] /= meanK;
    }
    return k;
  }

  @Override
  public Image apply(Image in) {
    int h = in.height();
    int w = in.width();
    Cached c = cached;
    if (c == null || c.height() != h || c.width() != w) {
      c = new Cached(h, w, unshift(filter(h, w, new WhitenSettings(alpha, f0, steepness)), h, w),
          new DoubleFFT_2D(h, w));
      cached = c;
    }
    double[] k = c.unshifted();
    double[] out = new double[in.pixels().length];
    double[] z = new double[2 * h * w];
    for (int ch = 0; ch < in.channels(); ch++) {
      int base = ch * h * w;
      for (int p = 0; p < h * w; p++) {
        z[2 * p] = in.pixels()[base + p];
        z[2 * p + 1] = 0.0;
      }
      c.fft().complexForward(z);
      for (int p = 0; p < h * w; p++) {
        z[2 * p] *= k[p];
        z[2 * p + 1] *= k[p];
      }
      c.fft().complexInverse(z, true);
      for (int p = 0; p < h * w; p++) {
        out[base + p] = z[2 * p];
      }
    }
    return new Image(in.id(), w, h, in.channels(), out);
  }

  /**
   * {@code ifftshift(fftshift(F) · K) = F · ifftshift(K)}: fft2's bin {@code (u, v)} sits at
   * {@code ((u + H/2) mod H, (v + W/2) mod W)} of the shifted layout, for either parity.
   */
  private static double[] unshift(double[] shifted, int h, int w) {
    double[] out = new double[h * w];
    for (int u = 0; u < h; u++) {
      int s = (u + h / 2) % h;
      for (int v = 0; v < w; v++) {
        out[u * w + v] = shifted[s * w + (v + w / 2) % w];
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "whiten(alpha=" + alpha + ", f0=" + f0 + ", steepness=" + steepness + ")";
  }
}
