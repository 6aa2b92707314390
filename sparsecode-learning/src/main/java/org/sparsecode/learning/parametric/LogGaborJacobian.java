package org.sparsecode.learning.parametric;

import java.util.Arrays;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.LogGaborKernels;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;

/**
 * A log-Gabor kernel of {@link LogGaborKernels} together with its derivatives with respect to its five
 * parameters (θ, B_θ, sf0, B_sf, phase), computed analytically (forward mode).
 *
 * <p>The generator is a smooth map up to the raw kernel: the envelope e_q = (1/f) exp(−ln²(f/sf0)/2B_sf²)
 * · exp((cos(f_θ − θ) − 1)/B_θ²) · f_mask has log-derivatives in closed form, the energy normalisation
 * √2/√mean(e²) is differentiated as a quotient, the phase factor exp(−i·phase) gives the factor −i, and the
 * inverse DFT and spatial mask are linear. After it come two steps that select pixels: the median centring
 * (the two middle values of the sorted raw kernel) and, under {@code peak}, the division by the largest
 * absolute value. They are differentiated with the selected pixels held fixed, which is the exact
 * derivative wherever a small change of the parameters does not change the selection. {@link #switchMargin()}
 * measures how far the last evaluation was from a change: the smallest of the gaps between the two middle
 * values and their outer neighbours (relative to the kernel's range) and, under {@code peak}, the gap
 * between the largest and the second largest absolute value (relative to the largest). Under {@code unit-l2}
 * only the median selects, and the median of an even count moves continuously through a change of order,
 * so the map is continuous everywhere and smooth except where a middle value trades places with a neighbour.
 *
 * <p>Not thread-safe: holds its scratch arrays (one instance per thread). The values agree with
 * {@link LogGaborKernels#kernel(KernelInfo, Normalisation)} to rounding (a few ulps of the peak).
 */
public final class LogGaborJacobian {
  /** The number of parameters. */
  public static final int PARAMETERS = 5;
  /** Index of θ (radians). */
  public static final int THETA = 0;
  /** Index of B_θ (radians). */
  public static final int B_THETA = 1;
  /** Index of sf0 (cycles per pixel). */
  public static final int SF0 = 2;
  /** Index of B_sf. */
  public static final int BSF = 3;
  /** Index of the phase (radians). */
  public static final int PHASE = 4;
  /** The names of the parameters, in index order (the YAML and CSV names). */
  public static final String[] NAMES = {"theta", "bTheta", "sf0", "bsf", "phase"};

  /** Value plus five derivatives: the channels pushed through the linear part. */
  private static final int CHANNELS = PARAMETERS + 1;

  private final int n;
  private final int nn;
  private final double[] f;
  private final double[] fTheta;
  private final double[] fMask;
  private final double[] mask;
  private final double[] transRe;
  private final double[] transIm;
  private final double[] cosTable;
  private final double[] sinTable;
  /** Scratch: per channel the shifted spectrum (re, im) and the column-transformed one. */
  private final double[] specRe;
  private final double[] specIm;
  private final double[] colRe;
  private final double[] colIm;
  private final double[] raw;
  private final double[] sorted;
  private final double[] envelope;
  private final double[] dlog;
  private final double[] energyRate = new double[4];
  private double margin;

  /**
   * Creates the generator of one kernel size.
   *
   * @param size the kernel side N, even and at least 2
   */
  public LogGaborJacobian(int size) {
    LogGaborKernels g = LogGaborKernels.ofSize(size);
    n = size;
    nn = n * n;
    f = g.f();
    fTheta = g.fTheta();
    fMask = g.fMask();
    mask = g.mask();
    double[] fx = g.fx();
    double[] fy = g.fy();
    transRe = new double[nn];
    transIm = new double[nn];
    double half = n / 2;
    for (int q = 0; q < nn; q++) {
      double arg = -2 * Math.PI * (half * fx[q] + half * fy[q]);
      transRe[q] = Math.cos(arg);
      transIm[q] = Math.sin(arg);
    }
    cosTable = new double[n];
    sinTable = new double[n];
    for (int m = 0; m < n; m++) {
      double a = 2 * Math.PI * m / n;
      cosTable[m] = Math.cos(a);
      sinTable[m] = Math.sin(a);
    }
    specRe = new double[CHANNELS * nn];
    specIm = new double[CHANNELS * nn];
    colRe = new double[nn];
    colIm = new double[nn];
    raw = new double[CHANNELS * nn];
    sorted = new double[nn];
    envelope = new double[nn];
    dlog = new double[4 * nn];
  }

  /**
   * The kernel side.
   *
   * @return N
   */
  public int size() {
    return n;
  }

  /**
   * Evaluates the normalised kernel and its Jacobian.
   *
   * @param p the parameters (θ, B_θ, phase, sf0, B_sf)
   * @param normalisation how the centred kernel is scaled
   * @param kernel out: N² values, row-major
   * @param jacobian out: {@code PARAMETERS · N²} values, {@code jacobian[j · N² + i]} = ∂kernel_i / ∂p_j
   *     in the order of {@link #NAMES}; may be null to compute the kernel only
   * @throws ArithmeticException when the envelope has no energy on the grid
   */
  public void evaluate(KernelInfo p, Normalisation normalisation, double[] kernel, double[] jacobian) {
    double sf0 = p.sf0();
    double bsf = p.bsf();
    double theta = p.theta();
    double b = p.bTheta();
    double b2 = b * b;
    double bsf2 = bsf * bsf;
    double energy = 0;
    for (int q = 0; q < nn; q++) {
      double lf = Math.log(f[q] / sf0);
      double band = 1. / f[q] * Math.exp(-.5 * (lf * lf) / bsf2);
      double d = fTheta[q] - theta;
      double c = Math.cos(d);
      double e = band * Math.exp((c - 1) / b2) * fMask[q];
      envelope[q] = e;
      energy += e * e;
      dlog[q] = Math.sin(d) / b2;
      dlog[nn + q] = -2 * (c - 1) / (b2 * b);
      dlog[2 * nn + q] = lf / (bsf2 * sf0);
      dlog[3 * nn + q] = lf * lf / (bsf2 * bsf);
    }
    if (!(energy > 0) || !Double.isFinite(energy)) {
      throw new ArithmeticException("log-Gabor envelope has energy " + energy + " for " + p);
    }
    boolean derivatives = jacobian != null;
    int channels = derivatives ? CHANNELS : 1;
    double scale = Math.sqrt(2.) / Math.sqrt(energy / nn);
    double pr = Math.cos(-p.phase());
    double pi = Math.sin(-p.phase());
    // ifftshift for even N: the shifted index of q
    int h = n / 2;
    Arrays.fill(energyRate, 0.0);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int q = ((i + h) % n) * n + (j + h) % n;
        int dst = i * n + j;
        double e = envelope[q];
        // E = e · trans · scale · exp(-i phase)
        double ar = e * transRe[q] * scale;
        double ai = e * transIm[q] * scale;
        double er = ar * pr - ai * pi;
        double ei = ar * pi + ai * pr;
        specRe[dst] = er;
        specIm[dst] = ei;
        if (derivatives) {
          for (int k = 0; k < 4; k++) {
            double g = dlog[k * nn + q];
            specRe[(k + 1) * nn + dst] = er * g;
            specIm[(k + 1) * nn + dst] = ei * g;
            energyRate[k] += e * e * g;
          }
          // d/dphase exp(-i phase) = -i exp(-i phase)
          specRe[5 * nn + dst] = ei;
          specIm[5 * nn + dst] = -er;
        }
      }
    }
    for (int ch = 0; ch < channels; ch++) {
      inverse(ch);
    }
    if (derivatives) {
      // the energy normalisation: d(scale)/dp / scale = -(Σ e·e_p) / S
      for (int k = 0; k < 4; k++) {
        double rate = energyRate[k] / energy;
        int base = (k + 1) * nn;
        for (int i = 0; i < nn; i++) {
          raw[base + i] -= raw[i] * rate;
        }
      }
    }
    normalise(normalisation, kernel, jacobian);
  }

  /** Real part of the 2-D inverse DFT (numpy's 1/N² scaling) of channel ch, times the spatial mask. */
  private void inverse(int ch) {
    int off = ch * nn;
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < n; c++) {
        double accR = 0;
        double accI = 0;
        for (int l = 0; l < n; l++) {
          int t = (l * c) % n;
          double wr = cosTable[t];
          double wi = sinTable[t];
          double xr = specRe[off + i * n + l];
          double xi = specIm[off + i * n + l];
          accR += xr * wr - xi * wi;
          accI += xr * wi + xi * wr;
        }
        colRe[i * n + c] = accR;
        colIm[i * n + c] = accI;
      }
    }
    double s = 1.0 / nn;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double accR = 0;
        for (int k = 0; k < n; k++) {
          int t = (k * r) % n;
          accR += colRe[k * n + c] * cosTable[t] - colIm[k * n + c] * sinTable[t];
        }
        raw[off + r * n + c] = accR * s * mask[r * n + c];
      }
    }
  }

  /** Median centring and scaling of channel 0, and their derivatives with the selected pixels held fixed. */
  private void normalise(Normalisation normalisation, double[] kernel, double[] jacobian) {
    System.arraycopy(raw, 0, sorted, 0, nn);
    Arrays.sort(sorted);
    double lo = sorted[nn / 2 - 1];
    double hi = sorted[nn / 2];
    double median = (lo + hi) / 2;
    double range = sorted[nn - 1] - sorted[0];
    margin = range > 0 ? Math.min(1.0, medianGap() / range) : 0.0;
    int ia = -1;
    int ib = -1;
    for (int i = 0; i < nn; i++) {
      if (ia < 0 && raw[i] == lo) {
        ia = i;
      } else if (ib < 0 && raw[i] == hi) {
        ib = i;
      }
    }
    for (int i = 0; i < nn; i++) {
      kernel[i] = raw[i] - median;
    }
    if (jacobian != null) {
      for (int j = 0; j < PARAMETERS; j++) {
        int src = (j + 1) * nn;
        double dm = (raw[src + ia] + raw[src + ib]) / 2;
        for (int i = 0; i < nn; i++) {
          jacobian[j * nn + i] = raw[src + i] - dm;
        }
      }
    }
    if (normalisation == Normalisation.PEAK) {
      int m = 0;
      double max = 0;
      for (int i = 0; i < nn; i++) {
        double a = Math.abs(kernel[i]);
        if (a > max) {
          max = a;
          m = i;
        }
      }
      double second = 0;
      for (int i = 0; i < nn; i++) {
        if (i != m) {
          second = Math.max(second, Math.abs(kernel[i]));
        }
      }
      if (max > 0) {
        margin = Math.min(margin, (max - second) / max);
      }
      if (!(max > 0)) {
        return;
      }
      double sign = Math.signum(kernel[m]);
      if (jacobian != null) {
        for (int j = 0; j < PARAMETERS; j++) {
          int base = j * nn;
          double dMax = sign * jacobian[base + m];
          for (int i = 0; i < nn; i++) {
            jacobian[base + i] = jacobian[base + i] / max - kernel[i] * dMax / (max * max);
          }
        }
      }
      for (int i = 0; i < nn; i++) {
        kernel[i] /= max;
      }
    } else {
      double sum = 0;
      for (int i = 0; i < nn; i++) {
        sum += kernel[i] * kernel[i];
      }
      double norm = Math.sqrt(sum);
      if (!(norm > 0)) {
        return;
      }
      if (jacobian != null) {
        for (int j = 0; j < PARAMETERS; j++) {
          int base = j * nn;
          double dot = 0;
          for (int i = 0; i < nn; i++) {
            dot += kernel[i] * jacobian[base + i];
          }
          double n3 = norm * norm * norm;
          for (int i = 0; i < nn; i++) {
            jacobian[base + i] = jacobian[base + i] / norm - kernel[i] * dot / n3;
          }
        }
      }
      for (int i = 0; i < nn; i++) {
        kernel[i] /= norm;
      }
    }
  }

  /**
   * The smallest change of one value of {@code sorted} that changes which pixels set the median. Pixels
   * outside the spatial mask are exactly 0 whatever the parameters, so they form one block that moves as a
   * whole: two of its pixels trading places changes nothing, while a live value crossing 0 crosses the
   * whole block at once.
   */
  private double medianGap() {
    if (nn < 4) {
      return Double.POSITIVE_INFINITY;
    }
    int a = nn / 2 - 2;
    int b = a + 1;
    int c = a + 2;
    int d = a + 3;
    double gap = Math.min(gap(a, b), gap(c, d));
    boolean zb = sorted[b] == 0.0;
    boolean zc = sorted[c] == 0.0;
    if (zb != zc && ((zb && sorted[a] == 0.0) || (zc && sorted[d] == 0.0))) {
      gap = Math.min(gap, sorted[c] - sorted[b]);
    }
    return gap;
  }

  private double gap(int lower, int upper) {
    return sorted[lower] == 0.0 && sorted[upper] == 0.0 ? Double.POSITIVE_INFINITY : sorted[upper] - sorted[lower];
  }

  /**
   * How far the last {@link #evaluate} was from a change of the pixels the normalisation selects: the
   * smallest relative gap described in the class comment; 0 at a switch (a tie).
   *
   * @return a value in [0, 1]
   */
  public double switchMargin() {
    return margin;
  }
}
