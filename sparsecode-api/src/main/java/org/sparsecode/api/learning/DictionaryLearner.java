package org.sparsecode.api.learning;

import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Learns (or fine-tunes) a dictionary from images, starting from an initial one.
 *
 * <p>Laws: deterministic for a fixed seed; the initial dictionary is not modified; the result has the
 * initial dictionary's shape.
 */
@FunctionalInterface
public interface DictionaryLearner {

  /**
   * Learns.
   *
   * @param initial the starting kernels (a log-Gabor dictionary to fine-tune, or noise)
   * @param images the training images
   * @param listener receives each step's objective
   * @return the learned dictionary
   */
  Dictionary learn(Dictionary initial, ImageSource images, LearnListener listener);
}
