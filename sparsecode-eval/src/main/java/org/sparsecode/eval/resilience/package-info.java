/**
 * Resilience of a code to thresholding (the paper's resilience analysis):
 * {@link org.sparsecode.eval.resilience.Resilience} zeroes small coefficients without re-optimisation and
 * measures PSNR and sparseness at each cutoff, either absolute ({@code |x| < c}) or relative to the largest
 * coefficient (the "ceil" form, {@code |x| < max|x| / c}).
 */
package org.sparsecode.eval.resilience;
