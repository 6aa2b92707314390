package org.sparsecode.learning.refit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.core.kernel.LogGaborKernels;

/**
 * Fits the log-Gabor model of {@link LogGaborKernels} (the paper's kernels, fixtures README §1) to each atom
 * of a dictionary: the paper's analysis of how learned kernels spread in orientation bandwidth B_θ.
 *
 * <p><b>What is compared.</b> The atom t and the model kernel are both centred (mean subtracted) and t is
 * scaled to unit ℓ2 norm; the fitted model is {@code a·R₀ + b·R₉₀}, where {@code R_φ} is the centred
 * {@link LogGaborKernels#raw raw} kernel at phase φ. This is exact, not an approximation: the raw kernel is
 * {@code Re(z·e^{−iφ})·mask = cos φ·R₀ + sin φ·R₉₀}, so phase and amplitude enter linearly and are solved in
 * closed form (2×2 least squares) for every (θ, B_θ[, sf_0, B_sf]) — variable projection — with
 * {@code phase = atan2(b, a)} (a sign flip of the atom is a phase change by π); the amplitude reported is the
 * norm of the fitted model, {@code ‖a·R₀ + b·R₉₀‖ = √R²}. R² is {@code 1 − SS_res/SS_tot} of the centred atom.
 * The generator's own normalisation (median centring, max-abs scaling) cancels in this comparison, so a
 * kernel of the model is fitted with R² = 1.
 *
 * <p><b>Orientation range.</b> The model's orientation term {@code exp((cos(f_θ − θ) − 1)/B_θ²)} has one
 * lobe, so θ and θ + π are different filters; but the kernel is the real part of the inverse DFT of a
 * spectrum whose band, mask and (on the even grid) centring factor are all symmetric in f ↦ −f, hence
 * {@code kernel(θ + π, φ) = kernel(θ, −φ)}: θ is reported in [0, π) and the phase absorbs the rest. The
 * optimiser is free to cross 0 or π; the result is folded back.
 *
 * <p><b>Search.</b> A grid over θ ({@code thetaGrid} values in [0, π)) × B_θ ({@code bThetaGrid} values,
 * log-spaced) — times sf_0 ∈ {0.1, 0.2, 0.3, 0.4} when {@code fitFrequency} — picks the start; BOBYQA
 * (Powell 2009, Commons Math) then minimises the residual sum of squares over (θ, ln B_θ[, sf_0, ln B_sf])
 * with bounds θ ± π/2, B_θ ∈ [0.02, 3], sf_0 ∈ [0.02, 0.5], B_sf ∈ [0.1, 3].
 *
 * <p>Kernels must have an even size (the model's frequency grid is only defined for even sizes). A fit
 * costs a few hundred model evaluations, about 10 ms for 12×12; instances are immutable and thread-safe.
 */
public final class LogGaborRefit {
  private static final double BTHETA_LOW = 0.02;
  private static final double BTHETA_HIGH = 3.0;
  private static final double SF0_LOW = 0.02;
  private static final double SF0_HIGH = 0.5;
  private static final double BSF_LOW = 0.1;
  private static final double BSF_HIGH = 3.0;
  private static final double[] SF0_GRID = {0.1, 0.2, 0.3, 0.4};
  private static final int MAX_EVALUATIONS = 3000;

  private final RefitSettings settings;
  private final LogGaborKernels model;
  private final int size;

  /**
   * Prepares the model for one kernel size.
   *
   * @param size the kernel side N, even
   * @param settings the settings
   * @throws org.sparsecode.api.ConfigException on key {@code size} when the size is odd or below 2
   */
  public LogGaborRefit(int size, RefitSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.model = LogGaborKernels.ofSize(size);
    this.size = size;
  }

  /**
   * Fits every atom of a dictionary and bins the result.
   *
   * @param dictionary the atoms (any norm)
   * @param settings the settings
   * @return one fit per atom and the (θ, B_θ) histogram
   * @throws org.sparsecode.api.ConfigException on key {@code size} when the kernel size is odd
   */
  public static RefitResult fit(Dictionary dictionary, RefitSettings settings) {
    LogGaborRefit refit = new LogGaborRefit(dictionary.size(), settings);
    List<AtomFit> fits = new ArrayList<>(dictionary.count());
    for (int k = 0; k < dictionary.count(); k++) {
      fits.add(refit.fitAtom(k, dictionary.kernel(k)));
    }
    return new RefitResult(settings, dictionary.size(), fits, OrientationHistogram.of(fits, settings));
  }

  /**
   * Fits one atom.
   *
   * @param index the index reported in the result
   * @param atom {@code N × N} values, row-major
   * @return the fitted parameters and R² (R² = 0 and NaN angles for a constant atom)
   * @throws IllegalArgumentException if the atom does not have {@code N²} values
   */
  public AtomFit fitAtom(int index, double[] atom) {
    if (atom.length != size * size) {
      throw new IllegalArgumentException("atom has " + atom.length + " values, expected " + size * size);
    }
    double[] t = centre(atom);
    double norm = Math.sqrt(dot(t, t));
    if (!(norm > 0) || !Double.isFinite(norm)) {
      return new AtomFit(index, Double.NaN, Double.NaN, Double.NaN, settings.sf0(), settings.bsf(), 0, 0);
    }
    for (int i = 0; i < t.length; i++) {
      t[i] /= norm;
    }
    boolean free = settings.fitFrequency();
    double[] start = gridStart(t, free);
    // The best point evaluated so far: BOBYQA may stop with an exception on rough objectives (learned atoms),
    // and then this is the answer.
    double[] bestX = start.clone();
    double[] bestSs = {Double.POSITIVE_INFINITY};
    MultivariateFunction f = x -> {
      double ss = evaluate(t, x[0], Math.exp(x[1]), free ? x[2] : settings.sf0(),
          free ? Math.exp(x[3]) : settings.bsf()).ss;
      if (ss < bestSs[0]) {
        bestSs[0] = ss;
        System.arraycopy(x, 0, bestX, 0, x.length);
      }
      return ss;
    };
    double[] lower;
    double[] upper;
    if (free) {
      lower = new double[] {start[0] - Math.PI / 2, Math.log(BTHETA_LOW), SF0_LOW, Math.log(BSF_LOW)};
      upper = new double[] {start[0] + Math.PI / 2, Math.log(BTHETA_HIGH), SF0_HIGH, Math.log(BSF_HIGH)};
    } else {
      lower = new double[] {start[0] - Math.PI / 2, Math.log(BTHETA_LOW)};
      upper = new double[] {start[0] + Math.PI / 2, Math.log(BTHETA_HIGH)};
    }
    double[] x0 = start.clone();
    for (int i = 0; i < x0.length; i++) {
      x0[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
    }
    f.value(x0);
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * x0.length + 1, 0.05, 1e-7);
    try {
      optimizer.optimize(new MaxEval(MAX_EVALUATIONS), new ObjectiveFunction(f), GoalType.MINIMIZE,
          new InitialGuess(x0), new SimpleBounds(lower, upper));
    } catch (MathIllegalStateException e) {
      // "trust region step has failed to reduce Q" or the evaluation limit: keep the best point seen
    }
    double[] x = bestX;
    double sf0 = free ? x[2] : settings.sf0();
    double bsf = free ? Math.exp(x[3]) : settings.bsf();
    Evaluation e = evaluate(t, x[0], Math.exp(x[1]), sf0, bsf);
    // Fold θ into [0, π): kernel(θ + π, φ) = kernel(θ, −φ) (class comment).
    double turns = Math.floor(x[0] / Math.PI);
    double theta = x[0] - turns * Math.PI;
    if (theta >= Math.PI) {
      theta -= Math.PI;
    }
    double phase = Math.atan2(e.b, e.a);
    if (Math.abs(turns) % 2 == 1) {
      phase = -phase;
    }
    phase = phase - 2 * Math.PI * Math.floor(phase / (2 * Math.PI));
    double r2 = Math.max(0, 1 - e.ss);
    return new AtomFit(index, theta, Math.exp(x[1]), phase, sf0, bsf, Math.sqrt(r2), r2);
  }

  /** The best grid point: (θ, ln B_θ[, sf_0, ln B_sf]). */
  private double[] gridStart(double[] t, boolean free) {
    int nt = settings.thetaGrid();
    int nb = settings.bThetaGrid();
    double[] sfs = free ? SF0_GRID : new double[] {settings.sf0()};
    double lo = Math.log(RefitSettings.GRID_BTHETA_MIN);
    double hi = Math.log(RefitSettings.GRID_BTHETA_MAX);
    double bestSs = Double.POSITIVE_INFINITY;
    double[] best = null;
    for (double sf : sfs) {
      for (int i = 0; i < nt; i++) {
        double theta = i * Math.PI / nt;
        for (int j = 0; j < nb; j++) {
          double lb = lo + (hi - lo) * j / (nb - 1);
          double ss = evaluate(t, theta, Math.exp(lb), sf, settings.bsf()).ss;
          if (ss < bestSs || best == null) {
            bestSs = ss;
            best = free ? new double[] {theta, lb, sf, Math.log(settings.bsf())} : new double[] {theta, lb};
          }
        }
      }
    }
    return best;
  }

  /** Residual of the best a·R₀ + b·R₉₀ for the unit-norm centred target t. */
  private Evaluation evaluate(double[] t, double theta, double bTheta, double sf0, double bsf) {
    double[] r0;
    double[] r90;
    try {
      r0 = centre(model.raw(new KernelInfo(theta, bTheta, 0, sf0, bsf)));
      r90 = centre(model.raw(new KernelInfo(theta, bTheta, Math.PI / 2, sf0, bsf)));
    } catch (ArithmeticException e) {
      // the envelope vanished on the grid (extreme parameters): no better than the zero model
      return new Evaluation(1.0, 0, 0);
    }
    double g00 = dot(r0, r0);
    double g01 = dot(r0, r90);
    double g11 = dot(r90, r90);
    double c0 = dot(t, r0);
    double c1 = dot(t, r90);
    double det = g00 * g11 - g01 * g01;
    double scale = Math.max(g00, g11);
    double a;
    double b;
    if (!(scale > 0) || !Double.isFinite(det)) {
      return new Evaluation(1.0, 0, 0);
    }
    if (det > 1e-12 * scale * scale) {
      a = (g11 * c0 - g01 * c1) / det;
      b = (g00 * c1 - g01 * c0) / det;
    } else if (g00 >= g11) {
      // R₀ and R₉₀ (nearly) collinear: one direction
      a = c0 / g00;
      b = 0;
    } else {
      a = 0;
      b = c1 / g11;
    }
    // ‖t − a r0 − b r90‖² with ‖t‖ = 1, computed directly (no cancellation surprises)
    double ss = 0;
    for (int i = 0; i < t.length; i++) {
      double r = t[i] - a * r0[i] - b * r90[i];
      ss += r * r;
    }
    return new Evaluation(ss, a, b);
  }

  private record Evaluation(double ss, double a, double b) {}

  private static double[] centre(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - mean;
    }
    return out;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
