package org.sparsecode.eval.coefficients;

import java.util.function.DoubleUnaryOperator;

/** The coefficient of determination shared by the fits of this package. */
final class GoodnessOfFit {

  private GoodnessOfFit() {
  }

  /**
   * R² = 1 − SS_res / SS_tot on the linear scale (the paper's definition for the histogram fit).
   *
   * @param x abscissae
   * @param y observations
   * @param model the fitted model
   * @return R², or {@code NaN} when the observations have no variance or fewer than two points
   */
  static double rSquared(double[] x, double[] y, DoubleUnaryOperator model) {
    int n = y.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - model.applyAsDouble(x[i]);
      ssRes += r * r;
      ssTot += (y[i] - mean) * (y[i] - mean);
    }
    return ssTot > 0 ? 1.0 - ssRes / ssTot : Double.NaN;
  }
}
