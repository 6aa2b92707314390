/**
 * Coefficient statistics of sparse codes, as the paper's Part one analyses (its reference code's
 * {@code coeff_analysis.histo_coeffs} and {@code ori_coeffs}): the histogram of coefficient values with
 * its exponential fit ({@link org.sparsecode.eval.coefficients.CoefficientHistogram}), and the activity
 * over θ per B_θ with its two-peak von Mises fit plus the coefficient energy per B_θ
 * ({@link org.sparsecode.eval.coefficients.OrientationActivity},
 * {@link org.sparsecode.eval.coefficients.VonMisesFit}); both pooled over many images, with partial pools of
 * disjoint images merging exactly, by {@link org.sparsecode.eval.coefficients.CoefficientPool}. Fits use
 * Commons Math's Levenberg–Marquardt optimiser. Pure library code: nothing here reads configuration.
 */
package org.sparsecode.eval.coefficients;
