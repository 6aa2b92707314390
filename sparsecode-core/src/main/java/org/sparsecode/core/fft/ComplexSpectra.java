package org.sparsecode.core.fft;

/**
 * Element-wise operations on interleaved complex spectra ({@code re, im, re, im, ...}) that the dictionary
 * gradients share.
 */
public final class ComplexSpectra {
  private ComplexSpectra() {}

  /**
   * {@code a ← conj(a) · b}, element by element: the spectrum of the correlation of {@code a}'s signal with
   * {@code b}'s (the gradient of ½‖Σ d_k * x_k − s‖² with respect to d_k is the correlation of the residual
   * with x_k).
   *
   * @param a the first spectrum, overwritten with the product
   * @param b the second spectrum
   * @param length the number of doubles to process (twice the complex values)
   */
  public static void conjugateTimes(double[] a, double[] b, int length) {
    for (int i = 0; i < length; i += 2) {
      double ar = a[i];
      double ai = -a[i + 1];
      double br = b[i];
      double bi = b[i + 1];
      a[i] = ar * br - ai * bi;
      a[i + 1] = ar * bi + ai * br;
    }
  }
}
