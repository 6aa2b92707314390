package org.sparsecode.core.image;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * The checks an image passes when a source loads it, before any solver sees it: every value finite and the
 * image not constant, as read and after each preprocessing step. A constant image has no PSNR (its peak is
 * the image's range, max − min, as SPORCO computes it, so the PSNR would be −∞ or NaN) and nothing to code;
 * local contrast normalisation turns a constant image into zeros, NaN (0/0) or amplified rounding noise.
 * Each problem is reported with the image's file and the step that produced it.
 */
public final class ImageChecks {
  /** Relative range under which an image counts as constant (rounding of a constant through a step). */
  static final double CONSTANT_TOLERANCE = 1e-10;

  private ImageChecks() {}

  /**
   * Applies a preprocessing one step at a time, checking the image before the first step and after each.
   *
   * @param raw the image as read
   * @param preprocessor the source's preprocessing (a {@link Pipeline} is checked after each of its steps)
   * @param name the image's file or resource, for messages
   * @return the preprocessed image
   * @throws SparsecodeException naming the file (and the step) when the image holds a NaN or infinite value
   *     or is constant
   */
  public static Image prepare(Image raw, ImagePreprocessor preprocessor, String name) {
    problem(raw).ifPresent(p -> {
      throw new SparsecodeException("image file " + name + " " + p + advice(p, false));
    });
    List<ImagePreprocessor> steps = preprocessor instanceof Pipeline pipeline ? pipeline.steps()
        : List.of(preprocessor);
    Image img = raw;
    for (int i = 0; i < steps.size(); i++) {
      img = steps.get(i).apply(img);
      int step = i;
      problem(img).ifPresent(p -> {
        throw new SparsecodeException("image file " + name + ", after preprocessing step '" + steps.get(step)
            + "' (" + (step + 1) + " of " + steps.size() + "), " + p + advice(p, true));
      });
    }
    return img;
  }

  /**
   * What makes an image unusable, if anything.
   *
   * @param img the image
   * @return e.g. {@code holds NaN at row 3, column 4} or {@code is constant (every value is 0.0)}; empty
   *     when every value is finite and the values are not all (nearly) equal
   */
  public static Optional<String> problem(Image img) {
    double[] px = img.pixels();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < px.length; i++) {
      double v = px[i];
      if (!Double.isFinite(v)) {
        int plane = img.width() * img.height();
        int c = i / plane;
        int y = (i % plane) / img.width();
        int x = i % img.width();
        return Optional.of("holds " + v + " at row " + y + ", column " + x
            + (img.channels() > 1 ? " (channel " + c + ")" : ""));
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    if (range <= CONSTANT_TOLERANCE * Math.max(Math.abs(min), Math.abs(max))) {
      String size = img.width() + "x" + img.height();
      return Optional.of("is constant (" + (img.area() == 1 ? "a single pixel, " : size + ", ")
          + "every value is " + String.format(Locale.ROOT, "%.6g", min) + ")");
    }
    return Optional.empty();
  }

  private static String advice(String problem, boolean afterStep) {
    if (problem.startsWith("holds")) {
      return ": every pixel must be a finite number" + (afterStep ? "; check the step's settings in"
          + " images.preprocess" : "; fix or remove the file");
    }
    return ": PSNR, whose peak is the image's range (max - min), is undefined for a constant image, and"
        + " there is nothing to code; " + (afterStep ? "the image is flat where the steps look (a centre"
        + " crop of a uniform area, say): remove it or change images.preprocess" : "remove it from the images");
  }
}
