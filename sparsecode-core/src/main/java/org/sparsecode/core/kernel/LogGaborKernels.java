package org.sparsecode.core.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;

/**
 * Log-Gabor kernels of one even size N, computed exactly as Perrinet's LogGabor and SLIP libraries do
 * (Fischer, Šroubek, Perrinet, Redondo and Cristóbal 2007, <i>Self-invertible 2D log-Gabor wavelets</i>,
 * IJCV 75; as used by Ladret, Casanova and Perrinet 2024, {@code generate_dicos}). The reference formulas
 * are written out in the project's fixtures README §1; in short, on the fftshift-ed frequency grid
 * {@code f_x = (i - N/2)/N} (rows), {@code f_y = (j - N/2)/N} (columns):
 * <pre>
 *   env    = (1/f) exp(-ln²(f/sf0) / (2 B_sf²)) · exp((cos(f_θ - θ) - 1) / B_θ²)
 *            · exp(-2πi (N/2 f_x + N/2 f_y)) · f_mask
 *   env   *= √2 / √mean|env|²;   E = env · exp(-i phase)
 *   raw    = Re(ifft2(ifftshift(E))) · mask;   kernel = (raw - median(raw)) / max|raw - median(raw)|
 * </pre>
 * (or, with {@link Normalisation#UNIT_L2}, divided by {@code ‖raw - median(raw)‖₂} instead).
 * The orientation factor is the stable form of SLIP's {@code exp(cos(f_θ - θ)/B_θ²)}: the factor
 * {@code exp(1/B_θ²)} cancels in the energy normalisation, and dropping it keeps small bandwidths finite
 * (SLIP overflows to NaN below B_θ ≈ 0.053). θ is measured from the row axis (axis 0) towards the column
 * axis: θ = 0 oscillates along the rows, i.e. gives horizontal stripes.
 *
 * <p>All arithmetic is float64. Instances are immutable and thread-safe.
 */
public final class LogGaborKernels {
  /** SLIP's {@code retina(df=.07)}: width of the high-frequency roll-off. */
  private static final double RETINA_DF = 0.07;
  /** SLIP's {@code retina(sigma=.5)}: low-frequency cut, in frequency bins. */
  private static final double RETINA_SIGMA = 0.5;
  /** SLIP's default {@code mask_exponent} (LogGabor's default_param.py). */
  private static final double MASK_EXPONENT = 3.0;
  /** SLIP's DC guard: the squared radius written at zero frequency. */
  private static final double DC_GUARD_R2 = 1e-12;

  /**
   * How a kernel is scaled after median centring.
   *
   * <p>Why it matters: under the ℓ1 penalty {@code λ‖x‖₁} a kernel of ℓ2 norm c contributes c·x to the
   * reconstruction at the cost λ|x|, so its effective penalty is λ/c. With the paper's peak-1 normalisation
   * the narrow-B_θ (elongated) kernels have the largest ℓ2 norm (in the 'full' preset about 2.9–3.9 at
   * B_θ = 5° against 1.5–2.2 at 30°), so one λ penalises the bandwidths unequally and the code favours the
   * narrowest ones. With unit ℓ2 norm every kernel pays the same price, which separates the effect of
   * mixing bandwidths from that of elongated kernels.
   */
  public enum Normalisation {
    /** Max-abs 1: SLIP's {@code normalize(center=True, use_max=True)}, the paper's (and the default). */
    PEAK("peak"),
    /** ℓ2 norm 1: every kernel costs the same under the ℓ1 penalty. */
    UNIT_L2("unit-l2");

    private final String yamlName;

    Normalisation(String yamlName) {
      this.yamlName = yamlName;
    }

    /**
     * The name written in YAML.
     *
     * @return {@code peak} or {@code unit-l2}
     */
    public String yamlName() {
      return yamlName;
    }

    /**
     * The normalisation of a YAML name.
     *
     * @param name {@code peak} or {@code unit-l2}
     * @return the normalisation
     * @throws ConfigException naming {@code normalise} and the accepted values when the name is none of them
     */
    public static Normalisation of(String name) {
      for (Normalisation v : values()) {
        if (v.yamlName.equals(name)) {
          return v;
        }
      }
      throw new ConfigException("normalise", "must be one of " + String.join(", ", LogGaborSettings.NORMALISATIONS)
          + ", got '" + name + "'");
    }
  }

  private final int n;
  private final double[] fx;
  private final double[] fy;
  private final double[] f;
  private final double[] fTheta;
  private final double[] fMask;
  private final double[] mask;
  /** cos(2π m / N) and sin(2π m / N) for m = 0..N-1: the inverse DFT twiddles. */
  private final double[] cosTable;
  private final double[] sinTable;

  private LogGaborKernels(int n) {
    this.n = n;
    int nn = n * n;
    fx = new double[nn];
    fy = new double[nn];
    f = new double[nn];
    fTheta = new double[nn];
    fMask = new double[nn];
    mask = new double[nn];
    // np.linspace(-1, 1, N) (SLIP: np.mgrid[-1:1:1j*N]): i * step - 1
    double[] x = AngleList.linspace(-1, 1, n, true);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int p = i * n + j;
        fx[p] = (i - n / 2) * 1.0 / n;
        fy[p] = (j - n / 2) * 1.0 / n;
        double r2 = fx[p] * fx[p] + fy[p] * fy[p];
        if (i == n / 2 && j == n / 2) {
          r2 = DC_GUARD_R2;
        }
        f[p] = Math.sqrt(r2);
        fTheta[p] = Math.atan2(fy[p], fx[p]);
        // SLIP.retina: sharp cut above Nyquist, times a high-pass (1 - Gaussian)
        double fp = f[p];
        double hi = fp < 0.5 ? 1 - Math.exp((fp - 0.5) / (0.5 * RETINA_DF)) : 0.0;
        double sig = RETINA_SIGMA / n;
        fMask[p] = hi * (1 - Math.exp(-0.5 * (fp * fp) / (sig * sig)));
        // SLIP.init: raised-cosine disc to the power 1/mask_exponent
        double r = Math.sqrt(x[i] * x[i] + x[j] * x[j]);
        double disc = r < 1 ? (Math.cos(Math.PI * r) + 1) / 2 : 0.0;
        mask[p] = Math.pow(disc, 1.0 / MASK_EXPONENT);
      }
    }
    cosTable = new double[n];
    sinTable = new double[n];
    for (int m = 0; m < n; m++) {
      double a = 2 * Math.PI * m / n;
      cosTable[m] = Math.cos(a);
      sinTable[m] = Math.sin(a);
    }
  }

  /**
   * The kernels of one size.
   *
   * @param size the kernel side N, even and at least 2 (SLIP's frequency grid is wrong for odd sizes)
   * @return the generator for that size
   * @throws ConfigException on key {@code size} when the size is odd or below 2
   */
  public static LogGaborKernels ofSize(int size) {
    checkSize(size);
    return new LogGaborKernels(size);
  }

  /**
   * Validates a log-Gabor kernel size.
   *
   * @param size the kernel side
   * @return the size
   * @throws ConfigException on key {@code size} when odd or below 2
   */
  static int checkSize(int size) {
    if (size < 2 || size % 2 != 0) {
      throw new ConfigException("size", "must be even and >= 2 (the SLIP frequency grid is only defined for "
          + "even sizes), got " + size);
    }
    if (size > 4096) {
      throw new ConfigException("size", "must be <= 4096, got " + size);
    }
    return size;
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
   * SLIP's {@code f_x}: row frequency {@code (i - N/2)/N}, row-major N×N.
   *
   * @return a copy of the grid
   */
  public double[] fx() {
    return fx.clone();
  }

  /**
   * SLIP's {@code f_y}: column frequency {@code (j - N/2)/N}, row-major N×N.
   *
   * @return a copy of the grid
   */
  public double[] fy() {
    return fy.clone();
  }

  /**
   * SLIP's {@code f}: radial frequency, {@code 1e-6} at zero frequency (DC guard).
   *
   * @return a copy of the grid
   */
  public double[] f() {
    return f.clone();
  }

  /**
   * SLIP's {@code f_theta = atan2(f_y, f_x)}: angle from the row axis.
   *
   * @return a copy of the grid
   */
  public double[] fTheta() {
    return fTheta.clone();
  }

  /**
   * SLIP's frequency-domain retina mask {@code f_mask}.
   *
   * @return a copy of the grid
   */
  public double[] fMask() {
    return fMask.clone();
  }

  /**
   * SLIP's spatial mask: raised-cosine disc to the power 1/3.
   *
   * @return a copy of the grid
   */
  public double[] mask() {
    return mask.clone();
  }

  /**
   * A complex N×N array, row-major.
   *
   * @param re real parts
   * @param im imaginary parts
   */
  public record Spectrum(double[] re, double[] im) {}

  /**
   * The frequency-domain filter {@code E = loggabor(N/2, N/2, ...) · exp(-i phase)}, fftshift layout
   * (zero frequency at {@code [N/2, N/2]}).
   *
   * @param p the kernel's parameters
   * @return E
   */
  public Spectrum envelope(KernelInfo p) {
    int nn = n * n;
    double[] re = new double[nn];
    double[] im = new double[nn];
    double sf0 = p.sf0();
    double bsf = p.bsf();
    double theta = p.theta();
    double b2 = p.bTheta() * p.bTheta();
    double half = n / 2;
    double energy = 0;
    for (int q = 0; q < nn; q++) {
      double lf = Math.log(f[q] / sf0);
      double band = 1. / f[q] * Math.exp(-.5 * (lf * lf) / (bsf * bsf));
      // von Mises, one lobe, in the stable form exp((cos - 1)/B²) (fixtures README §1)
      double orient = Math.exp((Math.cos(fTheta[q] - theta) - 1) / b2);
      double env = band * orient;
      // translation to pixel (N/2, N/2): SLIP.trans = exp(-2πi (u f_x + v f_y))
      double arg = -2 * Math.PI * (half * fx[q] + half * fy[q]);
      // numpy order: (env * trans) * f_mask
      re[q] = env * Math.cos(arg) * fMask[q];
      im[q] = env * Math.sin(arg) * fMask[q];
      energy += re[q] * re[q] + im[q] * im[q];
    }
    if (!(energy > 0) || !Double.isFinite(energy)) {
      throw new ArithmeticException("log-Gabor envelope has energy " + energy + " for " + p);
    }
    // env /= sqrt(mean |env|^2); env *= sqrt(2), then the phase factor exp(-i phase)
    double scale = Math.sqrt(energy / nn);
    double pr = Math.cos(-p.phase());
    double pi = Math.sin(-p.phase());
    double sqrt2 = Math.sqrt(2.);
    for (int q = 0; q < nn; q++) {
      double a = re[q] / scale * sqrt2;
      double b = im[q] / scale * sqrt2;
      re[q] = a * pr - b * pi;
      im[q] = a * pi + b * pr;
    }
    return new Spectrum(re, im);
  }

  /**
   * The masked spatial kernel before normalisation: {@code Re(ifft2(ifftshift(E))) · mask}, with numpy's
   * {@code 1/N²} inverse-DFT scaling.
   *
   * @param p the kernel's parameters
   * @return N×N values, row-major
   */
  public double[] raw(KernelInfo p) {
    Spectrum e = envelope(p);
    int nn = n * n;
    int h = n / 2;
    // ifftshift for even N: a circular shift by N/2 on each axis
    double[] sr = new double[nn];
    double[] si = new double[nn];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int src = ((i + h) % n) * n + (j + h) % n;
        sr[i * n + j] = e.re()[src];
        si[i * n + j] = e.im()[src];
      }
    }
    // separable inverse DFT: along columns (axis 1) then rows (axis 0), exp(+2πi km/N)
    double[] tr = new double[nn];
    double[] ti = new double[nn];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < n; c++) {
        double accR = 0;
        double accI = 0;
        for (int l = 0; l < n; l++) {
          int t = (l * c) % n;
          double wr = cosTable[t];
          double wi = sinTable[t];
          double xr = sr[i * n + l];
          double xi = si[i * n + l];
          accR += xr * wr - xi * wi;
          accI += xr * wi + xi * wr;
        }
        tr[i * n + c] = accR;
        ti[i * n + c] = accI;
      }
    }
    double[] out = new double[nn];
    double scale = 1.0 / nn;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double accR = 0;
        for (int k = 0; k < n; k++) {
          int t = (k * r) % n;
          accR += tr[k * n + c] * cosTable[t] - ti[k * n + c] * sinTable[t];
        }
        out[r * n + c] = accR * scale * mask[r * n + c];
      }
    }
    return out;
  }

  /**
   * The normalised kernel, the paper's way: {@link #normalize} of {@link #raw} (median 0, peak 1).
   *
   * @param p the kernel's parameters
   * @return N×N values, row-major, median 0 and max-abs 1
   */
  public double[] kernel(KernelInfo p) {
    return kernel(p, Normalisation.PEAK);
  }

  /**
   * The normalised kernel: {@link #raw}, median-centred, then scaled as {@code normalisation} says.
   *
   * @param p the kernel's parameters
   * @param normalisation {@link Normalisation#PEAK} ({@link #normalize}) or {@link Normalisation#UNIT_L2}
   *     ({@link #normalizeUnitL2})
   * @return N×N values, row-major, median 0
   */
  public double[] kernel(KernelInfo p, Normalisation normalisation) {
    double[] raw = raw(p);
    return switch (normalisation) {
      case PEAK -> normalize(raw);
      case UNIT_L2 -> normalizeUnitL2(raw);
    };
  }

  /**
   * SLIP's {@code normalize(center=True, use_max=True)}: subtract the median (numpy's: the mean of the
   * two middle values for an even count), then divide by the largest absolute value (left as is when 0).
   *
   * @param values the values, not modified
   * @return the normalised copy
   */
  public static double[] normalize(double[] values) {
    double[] out = medianCentred(values);
    double max = 0;
    for (double v : out) {
      max = Math.max(max, Math.abs(v));
    }
    if (max > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= max;
      }
    }
    return out;
  }

  /**
   * The same median centring as {@link #normalize}, then a division by the ℓ2 norm of the centred values
   * instead of their largest absolute value (left as is when 0). Since both forms divide the same centred
   * values by a positive number, the result is the peak-1 kernel divided by its own ℓ2 norm (to rounding).
   *
   * @param values the values, not modified
   * @return the normalised copy: median 0 (before scaling) and ℓ2 norm 1
   */
  public static double[] normalizeUnitL2(double[] values) {
    double[] out = medianCentred(values);
    double sum = 0;
    for (double v : out) {
      sum += v * v;
    }
    double norm = Math.sqrt(sum);
    if (norm > 0) {
      for (int i = 0; i < out.length; i++) {
        out[i] /= norm;
      }
    }
    return out;
  }

  /** {@code values - median(values)}, numpy's median (the mean of the two middle values for an even count). */
  private static double[] medianCentred(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int len = sorted.length;
    double median = len % 2 == 1 ? sorted[len / 2] : (sorted[len / 2 - 1] + sorted[len / 2]) / 2;
    double[] out = new double[len];
    for (int i = 0; i < len; i++) {
      out[i] = values[i] - median;
    }
    return out;
  }

  /**
   * The dictionary of every combination, in the paper's atom order: θ (outer), then B_θ, then phase
   * (inner), i.e. kernel {@code (iθ·N_Bθ + iBθ)·N_phase + iphase}.
   *
   * @param sf0 peak spatial frequency, cycles per pixel, in (0, 0.5]
   * @param bsf radial bandwidth B_sf, &gt; 0
   * @param thetas orientations in radians
   * @param bThetas orientation bandwidths in radians, each &gt; 0
   * @param phases phases in radians
   * @return {@code thetas.length · bThetas.length · phases.length} kernels with their {@link KernelInfo},
   *     each median 0 and peak 1 (the paper's)
   * @throws ConfigException as {@link #dictionary(double, double, double[], double[], double[], Normalisation)}
   */
  public Dictionary dictionary(double sf0, double bsf, double[] thetas, double[] bThetas, double[] phases) {
    return dictionary(sf0, bsf, thetas, bThetas, phases, Normalisation.PEAK);
  }

  /**
   * The dictionary of every combination, in the paper's atom order (see
   * {@link #dictionary(double, double, double[], double[], double[])}), each kernel scaled as
   * {@code normalisation} says.
   *
   * @param sf0 peak spatial frequency, cycles per pixel, in (0, 0.5]
   * @param bsf radial bandwidth B_sf, &gt; 0
   * @param thetas orientations in radians
   * @param bThetas orientation bandwidths in radians, each &gt; 0
   * @param phases phases in radians
   * @param normalisation peak 1 (the paper's) or unit ℓ2 norm, after the same median centring
   * @return {@code thetas.length · bThetas.length · phases.length} kernels with their {@link KernelInfo}
   * @throws ConfigException naming {@code bThetas} when a bandwidth is not &gt; 0, {@code sf0} or
   *     {@code bThetas} when a kernel would be all zeros because its band misses the frequency grid (see
   *     {@link #checkEnergy}), {@code phases} when a kernel vanishes after median centring, {@code sf0} for a
   *     non-finite value
   */
  public Dictionary dictionary(double sf0, double bsf, double[] thetas, double[] bThetas, double[] phases,
      Normalisation normalisation) {
    checkBandwidths(bThetas);
    int count = thetas.length * bThetas.length * phases.length;
    if (count < 1) {
      throw new ConfigException("thetas", "the dictionary would be empty");
    }
    int nn = n * n;
    double[] kernels = new double[count * nn];
    List<KernelInfo> info = new ArrayList<>(count);
    int k = 0;
    for (double theta : thetas) {
      for (double bTheta : bThetas) {
        for (double phase : phases) {
          KernelInfo p = new KernelInfo(theta, bTheta, phase, sf0, bsf);
          double[] values;
          try {
            values = kernel(p, normalisation);
          } catch (ArithmeticException e) {
            throw noEnergy(p, k);
          }
          System.arraycopy(values, 0, kernels, k * nn, nn);
          info.add(p);
          k++;
        }
      }
    }
    Dictionary d = new Dictionary(n, count, kernels, info);
    DictionaryChecks.find(d).ifPresent(problem -> {
      KernelInfo p = d.info().get(problem.kernel());
      throw new ConfigException(problem.allZero() ? "phases" : "sf0", "log-Gabor " + problem.describe() + " ("
          + DictionaryChecks.parameters(p) + ", " + n + "x" + n + "): " + (problem.allZero()
              ? "this kernel vanishes at this size; change its phase, θ or the kernel size"
              : "the settings overflow; move sf0, bsf and bThetas towards the presets' values"));
    });
    return d;
  }

  /**
   * Checks, without computing the kernels, that every (θ, B_θ) combination has energy on this size's
   * frequency grid: the cheap part of {@link #dictionary}'s checks ({@code N²} per combination), for settings
   * validation before a run.
   *
   * @param sf0 peak spatial frequency, cycles per pixel
   * @param bsf radial bandwidth B_sf
   * @param thetas orientations in radians
   * @param bThetas orientation bandwidths in radians, each &gt; 0
   * @throws ConfigException naming {@code sf0} when the radial band misses the grid, or {@code bThetas} when
   *     an orientation band is too narrow to hold a grid frequency
   */
  public void checkEnergy(double sf0, double bsf, double[] thetas, double[] bThetas) {
    checkBandwidths(bThetas);
    int k = 0;
    for (double theta : thetas) {
      for (double bTheta : bThetas) {
        KernelInfo p = new KernelInfo(theta, bTheta, 0, sf0, bsf);
        try {
          envelope(p);
        } catch (ArithmeticException e) {
          throw noEnergy(p, k);
        }
        k++;
      }
    }
  }

  private static void checkBandwidths(double[] bThetas) {
    for (int i = 0; i < bThetas.length; i++) {
      if (!(bThetas[i] > 0) || !Double.isFinite(bThetas[i])) {
        throw new ConfigException("bThetas", "every bandwidth must be > 0 and finite (radians), got "
            + bThetas[i] + " at index " + i);
      }
    }
  }

  /**
   * The error for a kernel whose envelope has no (or infinite) energy on the grid: the radial band when it
   * alone already misses every grid frequency, else the orientation band.
   */
  private ConfigException noEnergy(KernelInfo p, int index) {
    double radial = 0;
    for (int q = 0; q < n * n; q++) {
      double lf = Math.log(f[q] / p.sf0());
      double band = 1. / f[q] * Math.exp(-.5 * (lf * lf) / (p.bsf() * p.bsf())) * fMask[q];
      radial += band * band;
    }
    String kernel = "log-Gabor kernel " + index + " (" + DictionaryChecks.parameters(p) + ") would be all zeros";
    if (!(radial > 0) || !Double.isFinite(radial)) {
      return new ConfigException("sf0", kernel + ": the radial band sf0 = " + p.sf0() + " cycles/pixel, bsf = "
          + p.bsf() + " holds none of the frequencies a " + n + "x" + n + " kernel can represent (about "
          + String.format(java.util.Locale.ROOT, "%.3g", 1.0 / n) + " to 0.5 cycles/pixel); move sf0 into that"
          + " range or raise bsf (the default is " + LogGaborSettings.DEFAULT_BSF + ")");
    }
    return new ConfigException("bThetas", kernel + ": the orientation bandwidth B_θ = " + p.bTheta()
        + " rad is too narrow to hold any frequency of the " + n + "x" + n + " grid at θ = " + p.theta()
        + "; use a wider B_θ (the thin preset uses " + String.format(java.util.Locale.ROOT, "%.4f", Math.PI / 15)
        + ") or a larger kernel size");
  }
}
