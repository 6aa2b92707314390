package org.sparsecode.core.image;

/**
 * Bicubic resampling exactly as Pillow 9.4's {@code Image.resize(size, Image.BICUBIC)}
 * ({@code src/libImaging/Resample.c}): a separable two-pass filter, horizontal pass first, with the cubic
 * convolution kernel {@code a = -0.5}, support {@code 2 · max(scale, 1)} (the kernel is stretched when
 * down-sampling, so it also low-passes), and coefficients normalised to sum 1 for each output pixel.
 *
 * <p>For 8-bit data ({@link #resize8Bit}) it reproduces Pillow's fixed-point arithmetic bit for bit:
 * coefficients scaled by {@code 2^22} ({@code PRECISION_BITS = 32 - 8 - 2}) and rounded half away from
 * zero to ints, integer accumulation starting at {@code 2^21} (rounding), result {@code >> 22} clipped to
 * 0–255, and a uint8 intermediate image between the two passes. For other data ({@link #resizeReal}) it
 * follows Pillow's float path (mode {@code F}) in double precision: same coefficients, no rounding.
 */
public final class PillowBicubic {
  /** Pillow's {@code PRECISION_BITS} for 8-bit images. */
  static final int PRECISION_BITS = 32 - 8 - 2;
  /** Pillow's bicubic support at scale 1. */
  private static final double SUPPORT = 2.0;

  private PillowBicubic() {}

  /** Filter taps of one pass: output pixel {@code i} reads {@code count[i]} inputs from {@code first[i]}. */
  private record Taps(int[] first, int[] count, int ksize, double[] weights) {

    /** Pillow's {@code normalize_coeffs_8bpc}: round half away from zero after scaling by 2^22. */
    int[] fixedPoint() {
      int[] out = new int[weights.length];
      double one = 1 << PRECISION_BITS;
      for (int i = 0; i < weights.length; i++) {
        double w = weights[i];
        out[i] = w < 0 ? (int) (-0.5 + w * one) : (int) (0.5 + w * one);
      }
      return out;
    }
  }

  /** The cubic convolution kernel of Keys with {@code a = -0.5} (Pillow's {@code bicubic_filter}). */
  static double cubic(double x) {
    final double a = -0.5;
    double ax = x < 0.0 ? -x : x;
    if (ax < 1.0) {
      return ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
    }
    if (ax < 2.0) {
      return (((ax - 5) * ax + 8) * ax - 4) * a;
    }
    return 0.0;
  }

  /**
   * Pillow's {@code precompute_coeffs} for the box {@code [0, inSize]} (the whole image).
   *
   * @param inSize input length
   * @param outSize output length
   * @return the taps
   */
  private static Taps taps(int inSize, int outSize) {
    // in0 = 0 and in1 = inSize are floats in Pillow; exact for any realistic size.
    double scale = (double) inSize / outSize;
    double filterscale = Math.max(scale, 1.0);
    double support = SUPPORT * filterscale;
    int ksize = (int) Math.ceil(support) * 2 + 1;
    int[] first = new int[outSize];
    int[] count = new int[outSize];
    double[] kk = new double[outSize * ksize];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      double ww = 0.0;
      double ss = 1.0 / filterscale;
      // (int) truncates toward zero as C's cast does; the clamp handles the negative side.
      int xmin = (int) (center - support + 0.5);
      if (xmin < 0) {
        xmin = 0;
      }
      int xmax = (int) (center + support + 0.5);
      if (xmax > inSize) {
        xmax = inSize;
      }
      xmax -= xmin;
      int base = xx * ksize;
      for (int x = 0; x < xmax; x++) {
        double w = cubic((x + xmin - center + 0.5) * ss);
        kk[base + x] = w;
        ww += w;
      }
      if (ww != 0.0) {
        for (int x = 0; x < xmax; x++) {
          kk[base + x] /= ww;
        }
      }
      first[xx] = xmin;
      count[xx] = xmax;
    }
    return new Taps(first, count, ksize, kk);
  }

  /** Pillow's {@code clip8}: the accumulator shifted down by PRECISION_BITS and clipped to 0–255. */
  private static int clip8(int acc) {
    int v = acc >> PRECISION_BITS;
    return v < 0 ? 0 : Math.min(v, 255);
  }

  /**
   * Resizes one 8-bit channel with Pillow's fixed-point arithmetic.
   *
   * @param in {@code inH × inW} values 0–255, row-major
   * @param inW input width
   * @param inH input height
   * @param outW output width
   * @param outH output height
   * @return {@code outH × outW} values 0–255, row-major
   */
  public static int[] resize8Bit(int[] in, int inW, int inH, int outW, int outH) {
    checkShape(in.length, inW, inH, outW, outH);
    int[] cur = in;
    int curW = inW;
    // Pillow skips a pass whose size does not change (need_horizontal / need_vertical).
    if (outW != inW) {
      Taps t = taps(inW, outW);
      int[] k = t.fixedPoint();
      int[] out = new int[outW * inH];
      for (int y = 0; y < inH; y++) {
        int row = y * inW;
        for (int xx = 0; xx < outW; xx++) {
          int base = xx * t.ksize();
          int xmin = t.first()[xx];
          int n = t.count()[xx];
          int acc = 1 << (PRECISION_BITS - 1);
          for (int x = 0; x < n; x++) {
            acc += cur[row + xmin + x] * k[base + x];
          }
          out[y * outW + xx] = clip8(acc);
        }
      }
      cur = out;
      curW = outW;
    }
    if (outH != inH) {
      Taps t = taps(inH, outH);
      int[] k = t.fixedPoint();
      int[] out = new int[curW * outH];
      for (int yy = 0; yy < outH; yy++) {
        int base = yy * t.ksize();
        int ymin = t.first()[yy];
        int n = t.count()[yy];
        for (int xx = 0; xx < curW; xx++) {
          int acc = 1 << (PRECISION_BITS - 1);
          for (int y = 0; y < n; y++) {
            acc += cur[(ymin + y) * curW + xx] * k[base + y];
          }
          out[yy * curW + xx] = clip8(acc);
        }
      }
      cur = out;
    }
    return cur == in ? in.clone() : cur;
  }

  /**
   * Resizes one real-valued channel: Pillow's float path (mode {@code F}) in double precision.
   *
   * @param in {@code inH × inW} values, row-major
   * @param inW input width
   * @param inH input height
   * @param outW output width
   * @param outH output height
   * @return {@code outH × outW} values, row-major
   */
  public static double[] resizeReal(double[] in, int inW, int inH, int outW, int outH) {
    checkShape(in.length, inW, inH, outW, outH);
    double[] cur = in;
    int curW = inW;
    if (outW != inW) {
      Taps t = taps(inW, outW);
      double[] k = t.weights();
      double[] out = new double[outW * inH];
      for (int y = 0; y < inH; y++) {
        int row = y * inW;
        for (int xx = 0; xx < outW; xx++) {
          int base = xx * t.ksize();
          int xmin = t.first()[xx];
          int n = t.count()[xx];
          double acc = 0.0;
          for (int x = 0; x < n; x++) {
            acc += cur[row + xmin + x] * k[base + x];
          }
          out[y * outW + xx] = acc;
        }
      }
      cur = out;
      curW = outW;
    }
    if (outH != inH) {
      Taps t = taps(inH, outH);
      double[] k = t.weights();
      double[] out = new double[curW * outH];
      for (int yy = 0; yy < outH; yy++) {
        int base = yy * t.ksize();
        int ymin = t.first()[yy];
        int n = t.count()[yy];
        for (int xx = 0; xx < curW; xx++) {
          double acc = 0.0;
          for (int y = 0; y < n; y++) {
            acc += cur[(ymin + y) * curW + xx] * k[base + y];
          }
          out[yy * curW + xx] = acc;
        }
      }
      cur = out;
    }
    return cur == in ? in.clone() : cur;
  }

  private static void checkShape(int length, int inW, int inH, int outW, int outH) {
    if (inW < 1 || inH < 1 || outW < 1 || outH < 1) {
      throw new IllegalArgumentException("sizes must be >= 1: " + inW + "x" + inH + " -> " + outW + "x" + outH);
    }
    if (length != inW * inH) {
      throw new IllegalArgumentException(length + " values for " + inW + "x" + inH);
    }
  }
}
