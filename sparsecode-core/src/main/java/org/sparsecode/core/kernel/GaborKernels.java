package org.sparsecode.core.kernel;

import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;

/**
 * Classic spatial Gabor kernels (Daugman 1985, <i>Uncertainty relation for resolution in space, spatial
 * frequency, and orientation optimized by two-dimensional visual cortical filters</i>, JOSA A 2):
 * <pre>
 *   g(r, c) = exp(-(dr² + dc²) / (2σ²)) · cos(2π sf0 (dr cos θ + dc sin θ) - phase),
 *   dr = r - ⌊N/2⌋,  dc = c - ⌊N/2⌋
 * </pre>
 * then normalised like the log-Gabor kernels ({@link LogGaborKernels#normalize}: median-centred, max-abs
 * 1), so that both families are comparable. The conventions follow {@link LogGaborKernels}: θ is
 * measured from the row axis (θ = 0 oscillates along the rows), the kernel is centred on pixel
 * {@code (N/2, N/2)}, and the phase enters as {@code exp(-i phase)} (phase π/2 gives an odd kernel).
 */
public final class GaborKernels {
  private GaborKernels() {}

  /**
   * One kernel, normalised.
   *
   * @param size the side N
   * @param theta orientation in radians
   * @param phase phase in radians
   * @param sf0 carrier frequency in cycles per pixel
   * @param sigma Gaussian standard deviation in pixels
   * @return N×N values, row-major, median 0 and max-abs 1
   */
  public static double[] kernel(int size, double theta, double phase, double sf0, double sigma) {
    double[] g = new double[size * size];
    int centre = size / 2;
    double ct = Math.cos(theta);
    double st = Math.sin(theta);
    double twoSigma2 = 2 * sigma * sigma;
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        double dr = r - centre;
        double dc = c - centre;
        double envelope = Math.exp(-(dr * dr + dc * dc) / twoSigma2);
        g[r * size + c] = envelope * Math.cos(2 * Math.PI * sf0 * (dr * ct + dc * st) - phase);
      }
    }
    return LogGaborKernels.normalize(g);
  }

  /**
   * The bank for resolved settings, atom order θ (outer) then phase (inner).
   *
   * @param s the settings
   * @return {@code |θ| · |phase|} kernels; {@link KernelInfo} carries θ, phase and sf0 (B_θ, B_sf unknown)
   */
  public static Dictionary dictionary(GaborSettings s) {
    int n = s.size();
    double[] thetas = s.thetaValues();
    double[] phases = s.phaseValues();
    int count = thetas.length * phases.length;
    double[] kernels = new double[count * n * n];
    List<KernelInfo> info = new ArrayList<>(count);
    int k = 0;
    for (double theta : thetas) {
      for (double phase : phases) {
        System.arraycopy(kernel(n, theta, phase, s.sf0(), s.sigma()), 0, kernels, k * n * n, n * n);
        info.add(new KernelInfo(theta, Double.NaN, phase, s.sf0(), Double.NaN));
        k++;
      }
    }
    return new Dictionary(n, count, kernels, info);
  }
}
