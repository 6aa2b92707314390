package org.sparsecode.eval.metric;

import org.sparsecode.api.SparsecodeException;
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
   * @return the PSNR; {@code +∞} when {@code r = s}
   * @throws SparsecodeException when s is constant (the peak is 0: the PSNR would be −∞, or NaN for
   *     {@code r = s}) or holds a NaN or infinite value; image sources refuse such images when they load them,
   *     so this guards sources that do not
   */
  public static double psnr(double[] reference, double[] reconstruction) {
    return psnr(reference, reconstruction, "the reference image");
  }

  /**
   * PSNR of a coded image ({@link #psnr(double[], double[])}), naming the image in the error.
   *
   * @param reference the coded image s
   * @param reconstruction the reconstruction r, same length as its pixels
   * @return the PSNR; {@code +∞} when {@code r = s}
   * @throws SparsecodeException naming the image when it is constant or not finite
   */
  public static double psnr(Image reference, double[] reconstruction) {
    return psnr(reference.pixels(), reconstruction, "image '" + reference.id() + "'");
  }

  private static double psnr(double[] reference, double[] reconstruction, String what) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : reference) {
      if (!Double.isFinite(v)) {
        throw new SparsecodeException("PSNR is undefined for " + what + ": it holds " + v);
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double range = max - min;
    if (!(range > 0)) {
      throw new SparsecodeException("PSNR is undefined for " + what + ": it is constant (every value is " + min
          + "), and the PSNR's peak is the image's range (max - min)");
    }
    double mse = mse(reference, reconstruction);
    if (mse == 0) {
      // a perfect reconstruction: the Metric law PSNR(x, x) = +∞
      return Double.POSITIVE_INFINITY;
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
