package org.sparsecode.core.image;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code resize} preprocessing step, and of the {@code local-contrast} and
 * {@code paper-learning} paths that resize. Inside an image source's {@code preprocess:} a step without
 * {@code size} takes the source's {@code size}.
 *
 * @param size the output width and height in pixels, at least {@link Preprocessing#MIN_SIZE} (8);
 *     default {@link Preprocessing#DEFAULT_SIZE} (the paper's 256)
 */
public record ResizeSettings(Integer size) {
  /**
   * The largest image side any source or step accepts: a side of {@code n} pixels is {@code n²} values per
   * channel in one array, and a larger image would not fit one (nor is it a sane size to code).
   */
  public static final int MAX_SIZE = 16384;

  /** Fills the default and validates. */
  public ResizeSettings {
    if (size == null) {
      size = Preprocessing.DEFAULT_SIZE;
    }
    Checks.atLeast("size", size, Preprocessing.MIN_SIZE);
    if (size > MAX_SIZE) {
      throw new ConfigException("size", "must be in [" + Preprocessing.MIN_SIZE + ", " + MAX_SIZE + "] pixels, got "
          + size);
    }
  }
}
