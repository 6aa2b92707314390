package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/** Multiplies every value by a factor ({@code 1/255} maps 8-bit values to [0, 1], as the paper's {@code / 255}). */
public final class Scale implements ImagePreprocessor {
  private final double factor;

  /**
   * Creates the step.
   *
   * @param factor the multiplier, finite
   */
  public Scale(double factor) {
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("factor must be finite, got " + factor);
    }
    this.factor = factor;
  }

  @Override
  public Image apply(Image in) {
    double[] p = in.pixels();
    double[] out = new double[p.length];
    if (factor == ScaleSettings.DEFAULT_FACTOR) {
      // x / 255 rather than x * (1/255): the reference divides, and the two differ in the last bit.
      for (int i = 0; i < p.length; i++) {
        out[i] = p[i] / 255.0;
      }
    } else {
      for (int i = 0; i < p.length; i++) {
        out[i] = p[i] * factor;
      }
    }
    return new Image(in.id(), in.width(), in.height(), in.channels(), out);
  }

  /**
   * The multiplier.
   *
   * @return the factor
   */
  public double factor() {
    return factor;
  }

  @Override
  public String toString() {
    return "scale(" + factor + ")";
  }
}
