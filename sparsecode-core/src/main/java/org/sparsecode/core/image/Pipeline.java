package org.sparsecode.core.image;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Preprocessing steps applied in order.
 *
 * @param steps the steps, first applied first; may be empty (identity)
 */
public record Pipeline(List<ImagePreprocessor> steps) implements ImagePreprocessor {

  /** Copies the list. */
  public Pipeline {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }

  @Override
  public Image apply(Image in) {
    Image img = in;
    for (ImagePreprocessor step : steps) {
      img = step.apply(img);
    }
    return img;
  }

  @Override
  public String toString() {
    return steps.stream().map(Object::toString).collect(Collectors.joining(" -> ", "[", "]"));
  }
}
