package org.sparsecode.core.image;

import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Converts RGB to grey with torchvision's {@code Grayscale} weights, {@code 0.2989 R + 0.587 G + 0.114 B},
 * in double and without rounding (the paper converts after the resize). A grey image is returned as is.
 */
public final class Grey implements ImagePreprocessor {
  /** Weight of the red channel (torchvision {@code rgb_to_grayscale}). */
  public static final double RED = 0.2989;
  /** Weight of the green channel. */
  public static final double GREEN = 0.587;
  /** Weight of the blue channel. */
  public static final double BLUE = 0.114;

  @Override
  public Image apply(Image in) {
    if (in.channels() == 1) {
      return in;
    }
    if (in.channels() != 3) {
      throw new SparsecodeException("image " + in.id() + ": grey needs 1 or 3 channels, got " + in.channels());
    }
    int plane = in.area();
    double[] p = in.pixels();
    double[] out = new double[plane];
    for (int i = 0; i < plane; i++) {
      out[i] = RED * p[i] + GREEN * p[plane + i] + BLUE * p[2 * plane + i];
    }
    return Image.grey(in.id(), in.width(), in.height(), out);
  }

  @Override
  public String toString() {
    return "grey";
  }
}
