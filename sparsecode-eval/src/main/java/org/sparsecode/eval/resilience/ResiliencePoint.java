package org.sparsecode.eval.resilience;

/**
 * One point of a resilience curve.
 *
 * @param cutoff the cutoff as given: the absolute cutoff c, or the divisor c of the ceil form
 * @param threshold the magnitude below which coefficients were zeroed: c, or {@code max|x| / c}
 * @param psnr PSNR in dB of the thresholded code's reconstruction (peak = range of the image)
 * @param sparseness {@code 1 − nnz / size} of the thresholded code
 * @param nonZeros number of coefficients kept
 */
public record ResiliencePoint(double cutoff, double threshold, double psnr, double sparseness, int nonZeros) {}
