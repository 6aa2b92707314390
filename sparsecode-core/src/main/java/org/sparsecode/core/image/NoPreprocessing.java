package org.sparsecode.core.image;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/** The identity step ({@code none}): images are used as read. */
public final class NoPreprocessing implements ImagePreprocessor {

  @Override
  public Image apply(Image in) {
    return in;
  }

  @Override
  public String toString() {
    return "none";
  }
}
