package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Resizes to {@code size × size} with Pillow's bicubic filter ({@link PillowBicubic}), each channel on its
 * own. An image whose values are all integers in 0–255 (as read from an 8-bit file) goes through Pillow's
 * 8-bit fixed-point path, bit-exact with {@code PIL.Image.resize((size, size), Image.BICUBIC)} on a uint8
 * image and with integer 0–255 output; any other image through the real-valued path (Pillow's mode
 * {@code F}, in double). A non-square image is stretched: crop first ({@link CenterCrop}) to keep the
 * aspect ratio.
 */
public final class Resize implements ImagePreprocessor {
  private final int size;

  /**
   * Creates the step.
   *
   * @param size the output width and height, at least 1
   */
  public Resize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    this.size = size;
  }

  @Override
  public Image apply(Image in) {
    int w = in.width();
    int h = in.height();
    int plane = w * h;
    double[] out = new double[in.channels() * size * size];
    boolean eightBit = isEightBit(in.pixels());
    for (int c = 0; c < in.channels(); c++) {
      if (eightBit) {
        int[] ch = new int[plane];
        for (int i = 0; i < plane; i++) {
          ch[i] = (int) in.pixels()[c * plane + i];
        }
        int[] r = PillowBicubic.resize8Bit(ch, w, h, size, size);
        for (int i = 0; i < r.length; i++) {
          out[c * size * size + i] = r[i];
        }
      } else {
        double[] ch = new double[plane];
        System.arraycopy(in.pixels(), c * plane, ch, 0, plane);
        double[] r = PillowBicubic.resizeReal(ch, w, h, size, size);
        System.arraycopy(r, 0, out, c * size * size, r.length);
      }
    }
    return new Image(in.id(), size, size, in.channels(), out);
  }

  /** Whether every value is an integer in 0–255, i.e. the image is exactly representable as uint8. */
  static boolean isEightBit(double[] px) {
    for (double v : px) {
      if (!(v >= 0 && v <= 255) || v != Math.rint(v)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The output side.
   *
   * @return the size in pixels
   */
  public int size() {
    return size;
  }

  @Override
  public String toString() {
    return "resize(" + size + ")";
  }
}
