package org.sparsecode.downstream;

/**
 * The paper's "ceil" cutoff: in one sample (all its channels together), every entry whose magnitude is below the
 * sample's maximum divided by {@code ceil} is set to 0. The maximum is of the values, not of their magnitudes,
 * as the paper's {@code x[abs(x) < x.max() / ceil] = 0}; it is applied after the normalisation, at training and
 * test time. {@code ceil} 4 and 2 zero what lies below 25 % and 50 % of the maximum.
 */
public final class Cutoff {
  private Cutoff() {}

  /**
   * Applies the cutoff to one sample in place.
   *
   * @param values the buffer holding the sample
   * @param offset the sample's first value
   * @param length its number of values
   * @param ceil the divisor, above 1; 0 (or any value not above 1) leaves the sample as it is
   * @return the number of entries set to 0 (those that were 0 already not counted)
   */
  public static int apply(float[] values, int offset, int length, double ceil) {
    if (!(ceil > 1) || length == 0) {
      return 0;
    }
    float max = Float.NEGATIVE_INFINITY;
    for (int i = offset; i < offset + length; i++) {
      max = Math.max(max, values[i]);
    }
    double threshold = max / ceil;
    int zeroed = 0;
    for (int i = offset; i < offset + length; i++) {
      if (Math.abs(values[i]) < threshold && values[i] != 0) {
        values[i] = 0;
        zeroed++;
      }
    }
    return zeroed;
  }
}
