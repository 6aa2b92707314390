package org.sparsecode.eval.coefficients;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;

/**
 * A fit of the exponential decay {@code y = a·e^(−b·x)} (the paper's {@code exp_decay}).
 *
 * <p>Two stages: a least-squares line through {@code (x, ln y)} over the points with {@code y > 0} (the
 * start), then Levenberg–Marquardt ({@link SimpleCurveFitter}) on the linear scale over all points, as
 * lmfit does in the paper's code. The reported {@code a}, {@code b} and R² (linear scale,
 * {@code 1 − SS_res/SS_tot}) are those of the Levenberg–Marquardt stage; when it fails to converge they
 * are the log-space ones and {@link #method()} says so. Unlike lmfit's call no bounds are imposed
 * (the paper bounds a ∈ [0.01, 10], b ∈ [1, 20]).
 *
 * @param a amplitude at x = 0; {@code NaN} when no fit was possible
 * @param b decay rate; {@code NaN} when no fit was possible
 * @param rSquared R² of the reported parameters on the linear scale; {@code NaN} when no fit
 * @param logA the log-space start's amplitude
 * @param logB the log-space start's rate
 * @param method {@link #LEVENBERG_MARQUARDT}, {@link #LOG_LINEAR} (LM failed) or {@link #NONE} (fewer
 *     than two positive points)
 */
public record ExponentialFit(double a, double b, double rSquared, double logA, double logB, String method) {

  /** The reported parameters are the Levenberg–Marquardt refinement. */
  public static final String LEVENBERG_MARQUARDT = "levenberg-marquardt";
  /** The reported parameters are the log-space least squares (LM did not converge). */
  public static final String LOG_LINEAR = "log-linear";
  /** Too few positive points: everything is {@code NaN}. */
  public static final String NONE = "none";

  /** The result of no fit at all. */
  public static final ExponentialFit EMPTY = new ExponentialFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, NONE);

  private static final int MAX_ITERATIONS = 2000;

  /** a·e^(−b·x) with its gradient in (a, b). */
  private static final ParametricUnivariateFunction MODEL = new ParametricUnivariateFunction() {
    @Override
    public double value(double x, double... p) {
      return p[0] * Math.exp(-p[1] * x);
    }

    @Override
    public double[] gradient(double x, double... p) {
      double e = Math.exp(-p[1] * x);
      return new double[] {e, -p[0] * x * e};
    }
  };

  /**
   * The value of the fitted model.
   *
   * @param x the abscissa
   * @return {@code a·e^(−b·x)}
   */
  public double value(double x) {
    return a * Math.exp(-b * x);
  }

  /**
   * Fits {@code a·e^(−b·x)} to points.
   *
   * @param x abscissae
   * @param y observations (zeros are used by the LM stage, skipped by the log-space start)
   * @return the fit; {@link #EMPTY} when fewer than two observations are positive
   */
  public static ExponentialFit fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("exponential fit: " + x.length + " abscissae, " + y.length + " values");
    }
    // log-space least squares: ln y = ln a − b x over the positive (finite) observations
    int n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (y[i] > 0 && Double.isFinite(y[i])) {
        double ly = Math.log(y[i]);
        n++;
        sx += x[i];
        sy += ly;
        sxx += x[i] * x[i];
        sxy += x[i] * ly;
      }
    }
    double det = n * sxx - sx * sx;
    if (n < 2 || det <= 0) {
      return EMPTY;
    }
    double slope = (n * sxy - sx * sy) / det;
    double logA = Math.exp((sy - slope * sx) / n);
    double logB = -slope;
    List<WeightedObservedPoint> points = new ArrayList<>(x.length);
    for (int i = 0; i < x.length; i++) {
      points.add(new WeightedObservedPoint(1.0, x[i], y[i]));
    }
    try {
      double[] p = SimpleCurveFitter.create(MODEL, new double[] {logA, logB}).withMaxIterations(MAX_ITERATIONS)
          .fit(points);
      if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
        double r2 = GoodnessOfFit.rSquared(x, y, v -> p[0] * Math.exp(-p[1] * v));
        return new ExponentialFit(p[0], p[1], r2, logA, logB, LEVENBERG_MARQUARDT);
      }
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      // LM did not converge: fall through to the log-space parameters, flagged by the method
    }
    double r2 = GoodnessOfFit.rSquared(x, y, v -> logA * Math.exp(-logB * v));
    return new ExponentialFit(logA, logB, r2, logA, logB, LOG_LINEAR);
  }
}
