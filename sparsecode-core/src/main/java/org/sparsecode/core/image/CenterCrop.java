package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Crops the largest centred square: side {@code s = min(w, h)}, left {@code (w - s) / 2}, top
 * {@code (h - s) / 2} (integer division), as the paper's PIL crop boxes (coffee 600×400 → box
 * {@code [100, 0, 500, 400]}, chelsea 451×300 → {@code [75, 0, 375, 300]}). A square image is returned
 * unchanged in content.
 */
public final class CenterCrop implements ImagePreprocessor {

  @Override
  public Image apply(Image in) {
    int w = in.width();
    int h = in.height();
    int s = Math.min(w, h);
    int left = (w - s) / 2;
    int top = (h - s) / 2;
    double[] out = new double[in.channels() * s * s];
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < s; y++) {
        System.arraycopy(in.pixels(), (c * h + top + y) * w + left, out, (c * s + y) * s, s);
      }
    }
    return new Image(in.id(), s, s, in.channels(), out);
  }

  @Override
  public String toString() {
    return "center-crop";
  }
}
