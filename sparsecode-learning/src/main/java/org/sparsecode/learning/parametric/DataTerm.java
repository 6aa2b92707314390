package org.sparsecode.learning.parametric;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.learning.online.DataTermGradient;

/**
 * The data term ½‖Σ_k d_k * x_k − s‖² of one image with fixed codes, and its gradient with respect to the
 * kernel pixels: g_k = the correlation of the residual with x_k cropped to the kernel support, IDFT(conj(Ẑ_k)
 * R̂) restricted to the top-left k×k block (the convention of {@link Dictionary}: circular convolution with
 * the kernel zero-padded at the top-left): the online-CDL learner's computation ({@link DataTermGradient}), with
 * the value. Costs 3K + 2 FFTs of the image size; holds O(H·W) spectra, kernel by kernel.
 */
public final class DataTerm {
  private DataTerm() {}

  /**
   * Adds the pixel gradient of one image to {@code gradient} and returns its data term.
   *
   * @param d the dictionary
   * @param image the grey image s
   * @param code the codes x
   * @param gradient kernel-major, {@code count · k²}, added to; may be null for the value only
   * @return ½‖Σ d_k * x_k − s‖²
   */
  public static double evaluate(Dictionary d, Image image, SparseCode code, double[] gradient) {
    return DataTermGradient.accumulate(d, image, code, gradient, true).value();
  }
}
