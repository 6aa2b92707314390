package org.sparsecode.downstream;

import java.util.SplittableRandom;

/**
 * What the network's input goes through, per sample, in the paper's order: a left-right flip with probability
 * 1/2 (training only), the normalisation {@code (v - mean) / std} of every value, then the {@link Cutoff}. The
 * paper's resize to 32×32 is done when the codes are stored (their f × f block means).
 *
 * @param mean subtracted from every value
 * @param std divides every value, above 0
 * @param ceil the cutoff's divisor, 0 for none
 * @param flip whether training samples are flipped at random
 */
public record InputTransform(double mean, double std, double ceil, boolean flip) {

  /**
   * Transforms one sample of {@code channels × side × side} values from {@code in} into {@code out}.
   *
   * @param in the samples, C order
   * @param from the sample's first value in {@code in}
   * @param out where it goes, at {@code offset}
   * @param offset the first value written
   * @param channels its channels
   * @param side its side
   * @param random the source of the flips, or {@code null} for no flip (test time)
   */
  public void apply(float[] in, int from, float[] out, int offset, int channels, int side, SplittableRandom random) {
    boolean mirror = flip && random != null && random.nextBoolean();
    float m = (float) mean;
    float s = (float) std;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < side; y++) {
        int row = (c * side + y) * side;
        for (int x = 0; x < side; x++) {
          float v = in[from + row + (mirror ? side - 1 - x : x)];
          out[offset + row + x] = (v - m) / s;
        }
      }
    }
    Cutoff.apply(out, offset, channels * side * side, ceil);
  }
}
