package org.sparsecode.core.image;

import org.sparsecode.api.Checks;

/**
 * Settings of the {@code resize} preprocessing step, and of the {@code local-contrast} and
 * {@code paper-learning} paths that resize. Inside an image source's {@code preprocess:} a step without
 * {@code size} takes the source's {@code size}.
 *
 * @param size the output width and height in pixels, at least {@link Preprocessing#MIN_SIZE} (8);
 *     default {@link Preprocessing#DEFAULT_SIZE} (the paper's 256)
 */
public record ResizeSettings(Integer size) {
  /** Fills the default and validates. */
  public ResizeSettings {
    if (size == null) {
      size = Preprocessing.DEFAULT_SIZE;
    }
    Checks.atLeast("size", size, Preprocessing.MIN_SIZE);
  }
}
