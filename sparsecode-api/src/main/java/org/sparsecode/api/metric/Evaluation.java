package org.sparsecode.api.metric;

import java.util.Objects;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/**
 * Everything a metric may look at for one coded image.
 *
 * @param image the (preprocessed) grey image that was coded
 * @param dictionary the dictionary used
 * @param code the code returned by the solver
 * @param reconstruction {@code Σ_k d_k * x_k}, row-major, the image's size
 * @param lambda the solver's λ, or {@code NaN} when it has none
 */
public record Evaluation(Image image, Dictionary dictionary, SparseCode code, double[] reconstruction,
    double lambda) {

  /**
   * Validates sizes.
   *
   * @throws IllegalArgumentException if the reconstruction does not have the image's size
   */
  public Evaluation {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reconstruction, "reconstruction");
    if (reconstruction.length != image.area()) {
      throw new IllegalArgumentException("reconstruction has " + reconstruction.length + " values, image "
          + image.area());
    }
  }

  /**
   * Builds the evaluation, reconstructing the image from the code.
   *
   * @param image the coded image
   * @param dictionary the dictionary
   * @param code the code
   * @param lambda the solver's λ
   * @return the evaluation
   */
  public static Evaluation of(Image image, Dictionary dictionary, SparseCode code, double lambda) {
    return new Evaluation(image, dictionary, code, code.reconstruct(dictionary), lambda);
  }
}
