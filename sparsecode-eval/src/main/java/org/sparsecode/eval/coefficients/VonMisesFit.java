package org.sparsecode.eval.coefficients;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.ParametricUnivariateFunction;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.SimpleCurveFitter;
import org.apache.commons.math3.fitting.WeightedObservedPoint;

/**
 * A fit of the paper's two-peak von Mises model of activity over orientation (its reference
 * code's {@code ori_coeffs}):
 *
 * <pre>
 *   f(θ) = c + A₁·exp(κ₁·(cos 2(θ − μ₁) − 1)) + A₂·exp(κ₂·(cos 2(θ − μ₂) − 1))
 * </pre>
 *
 * <p>Orientations are defined modulo π, hence the factor 2 (period π); the paper's
 * {@code cos(fmod(2(x − φ), 2π))} is the same function. With the {@code − 1} inside, {@code A_i} is the
 * height of peak i above the baseline {@code c}.
 *
 * <p>Start (Levenberg–Marquardt, Commons Math {@link SimpleCurveFitter}): {@code c} = the minimum, μ₁, μ₂
 * at the two largest circular local maxima (the second at μ₁ + π/2 when there is only one), A_i the
 * heights above the minimum and κ_i from each peak's half width at half maximum
 * ({@code κ = ln 2 / (1 − cos 2δ)}). After the fit μ_i is reduced to [0, π) and the peaks are ordered by
 * amplitude (peak 1 the larger). κ is bounded to (0, {@link #kappaBound(int)}], the narrowest peak the
 * sampling resolves (by the change of variable κ = κ_max·σ(u)); the amplitudes are unconstrained, so a
 * negative amplitude (a trough) is reported as found.
 *
 * @param mu1 centre of the larger peak, radians in [0, π)
 * @param kappa1 its concentration
 * @param amplitude1 its height above the baseline
 * @param mu2 centre of the smaller peak, radians in [0, π)
 * @param kappa2 its concentration
 * @param amplitude2 its height above the baseline
 * @param baseline the constant c
 * @param rSquared R² = 1 − SS_res/SS_tot of the fit
 */
public record VonMisesFit(double mu1, double kappa1, double amplitude1, double mu2, double kappa2, double amplitude2,
    double baseline, double rSquared) {

  /** No fit: every parameter {@code NaN}. */
  public static final VonMisesFit EMPTY = new VonMisesFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  private static final int PARAMETERS = 7;
  private static final int MAX_ITERATIONS = 5000;
  private static final double KAPPA_MIN = 0.05;
  private static final double KAPPA_MAX = 100;

  /**
   * The model with parameters p = (c, A₁, μ₁, u₁, A₂, μ₂, u₂), κ_i = κ_max·σ(u_i) (σ the logistic function):
   * the concentrations are bounded by {@code kappaMax} without a constrained optimiser.
   */
  private static ParametricUnivariateFunction model(double kappaMax) {
    return new ParametricUnivariateFunction() {
      @Override
      public double value(double x, double... p) {
        return p[0] + lobe(x, p[1], p[2], kappa(p[3], kappaMax)) + lobe(x, p[4], p[5], kappa(p[6], kappaMax));
      }

      @Override
      public double[] gradient(double x, double... p) {
        double[] g = new double[PARAMETERS];
        g[0] = 1;
        lobeGradient(x, p[1], p[2], kappa(p[3], kappaMax), kappaMax, g, 1);
        lobeGradient(x, p[4], p[5], kappa(p[6], kappaMax), kappaMax, g, 4);
        return g;
      }
    };
  }

  /** κ = κ_max·σ(u). */
  private static double kappa(double u, double kappaMax) {
    return kappaMax / (1 + Math.exp(-u));
  }

  /** The u of a κ strictly inside (0, κ_max). */
  private static double logit(double kappa, double kappaMax) {
    double f = Math.max(1e-6, Math.min(1 - 1e-6, kappa / kappaMax));
    return Math.log(f / (1 - f));
  }

  /**
   * The largest concentration the samples resolve: a peak whose full width at half maximum is narrower than
   * the spacing π/n of n orientations falls between two samples, where its height and width are not
   * determined by the data (an unbounded fit then puts spikes between the samples). FWHM ≥ π/n means
   * κ ≤ ln 2 / (1 − cos(π/n)): about 20 for the 12 orientations of the 'full' dictionary, 730 for 'thin''s 72.
   *
   * @param orientations the number of sampled orientations
   * @return the bound on κ
   */
  public static double kappaBound(int orientations) {
    return Math.log(2) / (1 - Math.cos(Math.PI / orientations));
  }

  /**
   * The value of the fitted model.
   *
   * @param theta orientation in radians
   * @return f(θ)
   */
  public double value(double theta) {
    return baseline + lobe(theta, amplitude1, mu1, kappa1) + lobe(theta, amplitude2, mu2, kappa2);
  }

  private static double lobe(double x, double a, double mu, double kappa) {
    return a * Math.exp(kappa * (Math.cos(2 * (x - mu)) - 1));
  }

  private static void lobeGradient(double x, double a, double mu, double kappa, double kappaMax, double[] g,
      int at) {
    double cos = Math.cos(2 * (x - mu));
    double e = Math.exp(kappa * (cos - 1));
    g[at] = e;
    // d/dμ of κ·cos 2(x − μ) = 2κ·sin 2(x − μ)
    g[at + 1] = a * e * 2 * kappa * Math.sin(2 * (x - mu));
    // dκ/du = κ(1 − κ/κ_max)
    g[at + 2] = a * e * (cos - 1) * kappa * (1 - kappa / kappaMax);
  }

  /**
   * Fits the two-peak model to activity over orientation.
   *
   * @param theta orientations in radians, in [0, π), sorted increasingly and roughly evenly spread
   * @param activity the activity at each orientation
   * @return the fit; {@link #EMPTY} with fewer than 8 points (7 parameters), an activity without
   *     variance, or when Levenberg–Marquardt fails
   */
  public static VonMisesFit fit(double[] theta, double[] activity) {
    int n = theta.length;
    if (n != activity.length) {
      throw new IllegalArgumentException("von Mises fit: " + n + " orientations, " + activity.length + " values");
    }
    if (n <= PARAMETERS) {
      return EMPTY;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : activity) {
      if (!Double.isFinite(v)) {
        return EMPTY;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (!(max > min)) {
      return EMPTY;
    }
    double kappaMax = kappaBound(n);
    double[] start = start(theta, activity, min);
    start[3] = logit(start[3], kappaMax);
    start[6] = logit(start[6], kappaMax);
    ParametricUnivariateFunction model = model(kappaMax);
    List<WeightedObservedPoint> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new WeightedObservedPoint(1.0, theta[i], activity[i]));
    }
    double[] p;
    try {
      p = SimpleCurveFitter.create(model, start).withMaxIterations(MAX_ITERATIONS).fit(points);
    } catch (MathIllegalStateException | MathIllegalArgumentException e) {
      return EMPTY;
    }
    for (double v : p) {
      if (!Double.isFinite(v)) {
        return EMPTY;
      }
    }
    double r2 = GoodnessOfFit.rSquared(theta, activity, x -> model.value(x, p));
    double mu1 = wrap(p[2]);
    double mu2 = wrap(p[5]);
    double kappa1 = kappa(p[3], kappaMax);
    double kappa2 = kappa(p[6], kappaMax);
    if (Math.abs(p[1]) >= Math.abs(p[4])) {
      return new VonMisesFit(mu1, kappa1, p[1], mu2, kappa2, p[4], p[0], r2);
    }
    return new VonMisesFit(mu2, kappa2, p[4], mu1, kappa1, p[1], p[0], r2);
  }

  /** The start: baseline, then the two largest circular local maxima with half-width κ estimates. */
  private static double[] start(double[] theta, double[] y, double min) {
    int n = y.length;
    int first = -1;
    int second = -1;
    for (int i = 0; i < n; i++) {
      double prev = y[(i - 1 + n) % n];
      double next = y[(i + 1) % n];
      if (y[i] >= prev && y[i] > next || y[i] > prev && y[i] >= next) {
        if (first < 0 || y[i] > y[first]) {
          second = first;
          first = i;
        } else if (second < 0 || y[i] > y[second]) {
          second = i;
        }
      }
    }
    if (first < 0) {
      first = argMax(y);
    }
    double spacing = Math.PI / n;
    double[] s = new double[PARAMETERS];
    s[0] = min;
    s[1] = y[first] - min;
    s[2] = theta[first];
    s[3] = kappaFromHalfWidth(y, first, min, spacing);
    if (second >= 0) {
      s[4] = y[second] - min;
      s[5] = theta[second];
      s[6] = kappaFromHalfWidth(y, second, min, spacing);
    } else {
      s[4] = 0.1 * s[1];
      s[5] = wrap(theta[first] + Math.PI / 2);
      s[6] = 1;
    }
    return s;
  }

  private static int argMax(double[] y) {
    int best = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] > y[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * κ such that exp(κ(cos 2δ − 1)) = ½ at the half width δ, δ counted in steps from the peak to the first
   * point (either side) at or below half the height above the minimum.
   */
  private static double kappaFromHalfWidth(double[] y, int peak, double min, double spacing) {
    int n = y.length;
    double half = min + 0.5 * (y[peak] - min);
    int steps = 1;
    while (steps < n / 2 && y[(peak + steps) % n] > half && y[((peak - steps) % n + n) % n] > half) {
      steps++;
    }
    double delta = Math.max(0.5, steps - 0.5) * spacing;
    double kappa = Math.log(2) / (1 - Math.cos(2 * delta));
    return Math.max(KAPPA_MIN, Math.min(KAPPA_MAX, kappa));
  }

  /**
   * An orientation reduced to [0, π).
   *
   * @param theta radians
   * @return θ mod π in [0, π)
   */
  static double wrap(double theta) {
    double r = theta % Math.PI;
    return r < 0 ? r + Math.PI : r;
  }
}
