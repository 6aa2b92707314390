package org.sparsecode.core.io;

/**
 * IEEE 754 half precision (binary16, NumPy's {@code float16}, {@code <f2} in a {@code .npy} header): 1 sign
 * bit, 5 exponent bits (bias 15), 10 fraction bits. Largest finite value 65504, smallest normal 2^-14,
 * smallest subnormal 2^-24; the relative rounding error of a normal value is at most 2^-11.
 */
public final class Float16 {
  /** The largest finite half value. */
  public static final float MAX_VALUE = 65504f;

  private Float16() {}

  /**
   * Rounds a float to the nearest half, ties to even (as NumPy's {@code astype(float16)}); values whose
   * magnitude rounds above {@link #MAX_VALUE} become infinities, NaN stays NaN.
   *
   * @param value the float
   * @return the half's 16 bits
   */
  public static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int magnitude = bits & 0x7fff_ffff;
    if (magnitude > 0x7f80_0000) {
      // NaN: keep the top fraction bits, and make sure one is set (a quiet NaN)
      return (short) (sign | 0x7c00 | 0x0200 | (magnitude >>> 13) & 0x03ff);
    }
    if (magnitude >= 0x477f_f000) {
      // 65520 and above (infinity too) round to infinity: 65520 is the midpoint between 65504 and 2^16
      return (short) (sign | 0x7c00);
    }
    int exponent = (magnitude >>> 23) - 127;
    if (exponent < -25 || magnitude == 0) {
      // below half the smallest subnormal 2^-24 (or exactly zero): rounds to zero
      return (short) sign;
    }
    int significand;
    int shift;
    int halfExponent;
    if (exponent >= -14) {
      // a normal half: drop 13 fraction bits
      significand = magnitude & 0x007f_ffff;
      shift = 13;
      halfExponent = exponent + 15;
    } else {
      // a subnormal half (or zero after rounding): the implicit 1 becomes explicit, shifted further right
      significand = magnitude & 0x007f_ffff | 0x0080_0000;
      shift = 13 + (-14 - exponent);
      halfExponent = 0;
    }
    int kept = significand >>> shift;
    int rest = significand & ((1 << shift) - 1);
    int halfway = 1 << (shift - 1);
    if (rest > halfway || rest == halfway && (kept & 1) == 1) {
      kept++;
    }
    // a carry out of the fraction moves into the exponent field, which is the right result (up to infinity)
    return (short) (sign | (halfExponent << 10) + kept);
  }

  /**
   * The float a half stands for (exact: every half is a float).
   *
   * @param half the half's 16 bits
   * @return its value
   */
  public static float toFloat(short half) {
    int h = half & 0xffff;
    int sign = (h & 0x8000) << 16;
    int exponent = (h >>> 10) & 0x1f;
    int fraction = h & 0x03ff;
    if (exponent == 0) {
      float v = fraction * 0x1p-24f;
      return sign == 0 ? v : -v;
    }
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f80_0000 | fraction << 13);
    }
    return Float.intBitsToFloat(sign | (exponent - 15 + 127) << 23 | fraction << 13);
  }
}
