package org.sparsecode.eval.front;

/**
 * Two dictionaries' sparseness compared at one PSNR: over the images where both fronts reach that PSNR, the mean
 * of each and the mean of the per-image differences {@code a − b} with its percentile-bootstrap CI over images.
 *
 * @param psnr the PSNR level, dB
 * @param n the number of images where both fronts reach the level (the others are left out)
 * @param meanA dictionary a's mean sparseness over those images; NaN when {@code n} is 0
 * @param meanB dictionary b's mean sparseness over those images; NaN when {@code n} is 0
 * @param meanDiff the mean of {@code a_i − b_i} over those images (positive: a sparser); NaN when {@code n} is 0
 * @param lo lower end of the CI of {@code meanDiff}; NaN when {@code n} is below 2
 * @param hi upper end of the CI of {@code meanDiff}; NaN when {@code n} is below 2
 * @param confidence the confidence level, e.g. 0.95
 * @param resamples the number of bootstrap resamples
 * @param seed the bootstrap seed
 */
public record MatchedDifference(double psnr, int n, double meanA, double meanB, double meanDiff, double lo,
    double hi, double confidence, int resamples, long seed) {

  /**
   * Whether the CI excludes 0: the two dictionaries differ at this PSNR at the CI's level.
   *
   * @return {@code true} when both ends are finite and of the same sign
   */
  public boolean excludesZero() {
    return lo > 0 || hi < 0;
  }
}
