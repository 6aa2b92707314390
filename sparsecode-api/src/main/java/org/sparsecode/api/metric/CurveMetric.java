package org.sparsecode.api.metric;

import java.util.Map;

/**
 * A metric that measures a curve rather than one number, for example the resilience of a code: PSNR and
 * sparseness after zeroing the coefficients below each of several cutoffs.
 *
 * <p>The run engine stores the curve under the metric's name in the image's entry of {@code results.json}
 * (a nested map, point key, then quantity name, then value) and writes one {@code metrics.csv} column per
 * point and quantity. {@link #evaluate(Evaluation)} stays meaningful for callers that need one number: each
 * implementation documents which point of the curve it returns.
 *
 * <p>Laws: pure (same evaluation, same curve); the outer map's keys are in the configured order and the same
 * for every evaluation of one instance; every inner map has the same quantity names, in the same order.
 */
public interface CurveMetric extends Metric {

  /**
   * Measures the curve.
   *
   * @param evaluation the image, dictionary, code and reconstruction
   * @return point key (e.g. a cutoff as {@link Double#toString(double)} writes it) to quantity name to value,
   *     insertion-ordered and unmodifiable
   */
  Map<String, Map<String, Double>> curve(Evaluation evaluation);
}
