package org.sparsecode.api.metric;

/**
 * A scalar measure of one coded image; its plugin name is the column name in results
 * ({@code psnr}, {@code sparseness}, ...).
 *
 * <p>Laws: pure (same evaluation, same value); documented direction (higher or lower is better); for
 * example PSNR of a perfect reconstruction is {@code +∞} and the sparseness of the zero code is 1.
 */
@FunctionalInterface
public interface Metric {

  /**
   * Measures.
   *
   * @param evaluation the image, dictionary, code and reconstruction
   * @return the value
   */
  double evaluate(Evaluation evaluation);
}
