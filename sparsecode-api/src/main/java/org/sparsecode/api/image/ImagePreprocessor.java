package org.sparsecode.api.image;

/**
 * One step of image preparation (centre crop, resize, grey, local contrast normalisation, whitening,
 * mask). Law: the input is not modified; the output keeps the input's id.
 */
@FunctionalInterface
public interface ImagePreprocessor {

  /**
   * Applies the step.
   *
   * @param in the image, not modified
   * @return a new image
   */
  Image apply(Image in);
}
