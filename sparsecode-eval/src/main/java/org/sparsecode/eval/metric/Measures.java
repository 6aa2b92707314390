package org.sparsecode.eval.metric;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.metric.Evaluation;

/**
 * The formulas behind the metric plugins, as plain functions of arrays so that other code (resilience
 * curves, reports) can call them without building an {@link Evaluation}.
 */
public final class Measures {
  private Measures() {}

  /**
   * The mean squared error {@code mean((s − r)²)}.
   *
   * @param reference the image s, row-major
   * @param reconstruction the reconstruction r, same length
   * @return the MSE, 0 for identical arrays
   * @throws IllegalArgumentException if the lengths differ or are 0
   */
  public static double mse(double[] reference, double[] reconstruction) {
    if (reference.length != reconstruction.length || reference.length == 0) {
      throw new IllegalArgumentException("mse: arrays of " + reference.length + " and " + reconstruction.length
          + " values");
    }
    return squaredError(reference, reconstruction) / reference.length;
  }

  /**
   * The summed squared error {@code Σ (s − r)²}, accumulated in double precision.
   *
   * @param reference the image s
   * @param reconstruction the reconstruction r, same length
   * @return the sum of squared differences
   */
  public static double squaredError(double[] reference, double[] reconstruction) {
    double sum = 0;
    for (int i = 0; i < reference.length; i++) {
      double e = reference[i] - reconstruction[i];
      sum += e * e;
    }
    return sum;
  }

  /**
   * PSNR in decibels with the peak taken as the range of the reference, as SPORCO's {@code metric.psnr}
   * (and the paper) computes it: {@code 10 log10((max(s) − min(s))² / mse(s, r))}.
   *
   * @param reference the image s
   * @param reconstruction the reconstruction r, same length
   * @return the PSNR; {@code +∞} when {@code r = s}; {@code −∞} when s is constant and r differs; NaN when
   *     s is constant and equal to r
   */
  public static double psnr(double[] reference, double[] reconstruction) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : reference) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    double mse = mse(reference, reconstruction);
    if (mse == 0) {
      // a perfect reconstruction: the Metric law PSNR(x, x) = +∞ (0/0 only for a constant image)
      return range == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
    }
    return 10 * Math.log10(range * range / mse);
  }

  /**
   * The CBPDN objective {@code ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁} at the evaluation's code.
   *
   * @param evaluation the image, code and reconstruction
   * @return the objective; NaN when the evaluation's λ is NaN (a solver without λ)
   */
  public static double objective(Evaluation evaluation) {
    double lambda = evaluation.lambda();
    if (Double.isNaN(lambda)) {
      return Double.NaN;
    }
    Image s = evaluation.image();
    double data = 0.5 * squaredError(s.pixels(), evaluation.reconstruction());
    return data + lambda * evaluation.code().l1();
  }
}
