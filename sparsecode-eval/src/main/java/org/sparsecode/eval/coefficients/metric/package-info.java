/**
 * The coefficient statistics of the paper's Part one analyses as per-image metrics a user lists in YAML
 * {@code metrics:}: {@code coefficient-histogram} (the exponential fit
 * a·e^(−b·x) of the 65-bin histogram of the coefficient values in [0.01, 1], with its R²) and
 * {@code orientation-activity} (per orientation bandwidth B_θ, the two-peak von Mises fit of the activity over
 * θ and the group's share of the coefficient energy). Both are
 * {@link org.sparsecode.api.metric.CurveMetric}s: results.json holds a small nested map per image and
 * metrics.csv one column per quantity; the histograms themselves are pooled over the images
 * ({@link org.sparsecode.eval.coefficients.CoefficientPool}), not written per image.
 */
package org.sparsecode.eval.coefficients.metric;
