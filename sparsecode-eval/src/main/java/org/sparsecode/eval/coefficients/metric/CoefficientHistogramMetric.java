package org.sparsecode.eval.coefficients.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.eval.coefficients.CoefficientHistogram;
import org.sparsecode.eval.coefficients.ExponentialFit;

/**
 * The exponential fit of one image's coefficient histogram as a metric ({@link CoefficientHistogram}: 65 bins
 * on [0.01, 1] of the signed values, so only x &gt; 0 counts, normalised to sum 1, fitted with a·e^(−b·x)).
 *
 * <p>The curve has one point, {@value #POINT}, with the quantities {@code a} (probability per bin at x = 0),
 * {@code b} (decay rate, per unit of x), {@code r2} (R² of the fit on the linear scale) and {@code counted}
 * (the number of coefficients the histogram holds, the fit's sample). An image with fewer than two occupied
 * bins has {@code a}, {@code b}, {@code r2} NaN. The scalar {@link #evaluate} is the rate {@code b}: higher
 * means the values fall off faster (more small coefficients).
 */
public final class CoefficientHistogramMetric implements CurveMetric {

  /** The key of the curve's only point. */
  public static final String POINT = "fit";

  @Override
  public Map<String, Map<String, Double>> curve(Evaluation e) {
    CoefficientHistogram h = CoefficientHistogram.of(e.code());
    ExponentialFit fit = h.fit();
    Map<String, Double> point = new LinkedHashMap<>();
    point.put("a", fit.a());
    point.put("b", fit.b());
    point.put("r2", fit.rSquared());
    point.put("counted", (double) h.total());
    return Map.of(POINT, Collections.unmodifiableMap(point));
  }

  @Override
  public double evaluate(Evaluation e) {
    return CoefficientHistogram.of(e.code()).fit().b();
  }
}
