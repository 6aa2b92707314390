package org.sparsecode.api.kernel;

/**
 * The log-Gabor (or Gabor) parameters of one kernel when known; {@code NaN} where unknown (learned or
 * random kernels).
 *
 * @param theta orientation in radians, in [0, π)
 * @param bTheta orientation bandwidth B_θ in radians
 * @param phase phase in radians
 * @param sf0 peak spatial frequency in cycles per pixel
 * @param bsf radial bandwidth B_sf
 */
public record KernelInfo(double theta, double bTheta, double phase, double sf0, double bsf) {

  /** A kernel with no known parameters. */
  public static final KernelInfo UNKNOWN = new KernelInfo(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN);

  /**
   * Whether the orientation parameters are known.
   *
   * @return {@code true} when θ and B_θ are numbers
   */
  public boolean isKnown() {
    return !Double.isNaN(theta) && !Double.isNaN(bTheta);
  }
}
