package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * SLIP's spatial mask ({@code Image.init}; the paper's kernels and learning images are masked) for the
 * image's size, multiplied into every channel:
 *
 * <pre>
 *   x, y = mgrid[-1:1:H j, -1:1:W j]     (x_i = i · 2/(H-1) - 1 along rows, y_j along columns)
 *   R = sqrt(x² + y²)
 *   mask = ((cos(π R) + 1) / 2 · [R &lt; 1])^(1 / exponent)
 * </pre>
 *
 * The corners, where {@code R ≥ 1}, are exactly 0. numpy's {@code mgrid} with a complex step computes
 * {@code i · step + start} without forcing the last sample to the stop value, and so does this class. The mask
 * of the last image size is cached.
 */
public final class CircularMask implements ImagePreprocessor {
  private final double exponent;
  private volatile Cached cached;

  private record Cached(int height, int width, double[] mask) {}

  /**
   * Creates the step.
   *
   * @param exponent the mask is the raised-cosine disc to the power {@code 1/exponent}; finite, {@code > 0}
   */
  public CircularMask(double exponent) {
    if (!Double.isFinite(exponent) || exponent <= 0) {
      throw new IllegalArgumentException("exponent must be finite and > 0, got " + exponent);
    }
    this.exponent = exponent;
  }

  /**
   * The mask for one size.
   *
   * @param height rows H, at least 1
   * @param width columns W, at least 1
   * @param exponent the root applied to the raised-cosine disc (SLIP: 3)
   * @return {@code H × W} weights in [0, 1], row-major
   */
  public static double[] mask(int height, int width, double exponent) {
    double[] x = grid(height);
    double[] y = grid(width);
    double[] m = new double[height * width];
    for (int i = 0; i < height; i++) {
      for (int j = 0; j < width; j++) {
        double r = Math.sqrt(x[i] * x[i] + y[j] * y[j]);
        double disc = (Math.cos(Math.PI * r) + 1) / 2 * (r < 1.0 ? 1.0 : 0.0);
        m[i * width + j] = Math.pow(disc, 1.0 / exponent);
      }
    }
    return m;
  }

  /** numpy's {@code mgrid[-1:1:n j]}: {@code i · (2 / (n - 1)) - 1}; a single sample is -1. */
  private static double[] grid(int n) {
    double[] g = new double[n];
    double step = n > 1 ? 2.0 / (n - 1) : 0.0;
    for (int i = 0; i < n; i++) {
      g[i] = i * step + -1.0;
    }
    return g;
  }

  @Override
  public Image apply(Image in) {
    int h = in.height();
    int w = in.width();
    Cached c = cached;
    if (c == null || c.height() != h || c.width() != w) {
      c = new Cached(h, w, mask(h, w, exponent));
      cached = c;
    }
    double[] m = c.mask();
    double[] p = in.pixels();
    double[] out = new double[p.length];
    for (int ch = 0; ch < in.channels(); ch++) {
      int base = ch * h * w;
      for (int q = 0; q < h * w; q++) {
        out[base + q] = p[base + q] * m[q];
      }
    }
    return new Image(in.id(), w, h, in.channels(), out);
  }

  /**
   * The root applied to the disc.
   *
   * @return the exponent
   */
  public double exponent() {
    return exponent;
  }

  @Override
  public String toString() {
    return "circular-mask(" + exponent + ")";
  }
}
