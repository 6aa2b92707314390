package org.sparsecode.core.solver;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;

/**
 * Stops an iterative solve ({@code cbpdn-admm}, {@code fista}/{@code ista}, {@code lca}) whose objective
 * explodes, before it reaches infinity and whether or not it ever does, and refuses a result whose objective
 * did. The message names the iteration, the value and the setting to change.
 *
 * <p><b>The bounds.</b> The objective is compared with the starting objective {@code F₀}: that of the zero
 * code, {@code ½‖s‖²}, or that of the initial code when a warm start's is larger. A converging solve stays
 * below or near {@code F₀}: from the zero code, ISTA with {@code L ≥ ‖DᵀD‖} and LCA with {@code τ ≥ ‖DᵀD‖}
 * decrease the objective at every step; FISTA's momentum and ADMM's objective at its primal variable X may
 * rise, but not by orders of magnitude. Measured: the SPORCO fixture traces reach at most 0.74 {@code F₀}
 * (FISTA's first row; ADMM's 0.11); the solves of the test suites of core, learning and experiments at most
 * 1.0 {@code F₀}; a sweep of λ ∈ {1e-3, 1e-2, 1e-1}, L and τ from 0.5 to 10 times {@code ‖DᵀD‖} and ρ from
 * 1e-300 to 1e30 with and without AutoRho on the 64 × 64 fixture problem, 1.0 {@code F₀} when the solve
 * converged; warm-started ADMM's X, 1.21 {@code F₀}. A diverging solve grows geometrically, by
 * {@code (‖DᵀD‖/L − 1)²} or so per step, so a bound orders of magnitude above {@code F₀} costs it only a few
 * iterations more than a tight one would. Two bounds:
 * <ul>
 *   <li>{@link #RUNNING_LIMIT} {@code F₀} while iterating: large, because an objective may legitimately rise
 *       for an iteration or two — standard backtracking started from a far too small {@code lipschitz} raises
 *       L by at most {@code 1.2⁵⁰ ≈ 9100} per iteration and overshoots meanwhile (3e5 {@code F₀} from
 *       {@code lipschitz: 1e-6} on a 4-kernel test problem, 1.1e4 {@code F₀} from {@code 1e-3} on the fixture
 *       problem) before it recovers within the iteration budget;
 *   <li>{@link #RESULT_LIMIT} {@code F₀} for the code a solve returns: a code a hundred times worse than the
 *       zero code (20 dB) is not a result, whatever happened on the way (a solve stopped by
 *       {@code maxIterations} in the middle of a transient included), and no converging solve came within a
 *       factor 100 of it.
 * </ul>
 * A NaN or infinite objective always stops the solve. The checks cost one comparison per iteration and
 * allocate nothing; only the error path builds a message (and may compute the dictionary's Lipschitz constant
 * for it).
 */
public final class DivergenceGuard {
  /** A running solve stops when its objective passes this many times the starting objective. */
  public static final double RUNNING_LIMIT = 1e6;
  /** The code a solve returns is refused when its objective passes this many times the starting objective. */
  public static final double RESULT_LIMIT = 100;

  private final String solver;
  private final Dictionary dictionary;
  private final double zeroCode;
  private final double reference;
  private final boolean fromInitial;
  private final double running;
  private final double result;
  private final Supplier<String> advice;

  private DivergenceGuard(String solver, Dictionary dictionary, double zeroCode, double reference,
      boolean fromInitial, Supplier<String> advice) {
    this.solver = solver;
    this.dictionary = dictionary;
    this.zeroCode = zeroCode;
    this.reference = reference;
    this.fromInitial = fromInitial;
    this.running = reference * RUNNING_LIMIT;
    this.result = reference * RESULT_LIMIT;
    this.advice = advice;
  }

  /**
   * A guard for a solve from the zero code.
   *
   * @param solver the solver's name, for the messages
   * @param dictionary the kernels, checked for NaN or infinite values on the error path
   * @param image the image to code; its {@code ½‖s‖²} is the starting objective
   * @param advice what to change when the solve diverges with finite inputs (the setting, its value, the
   *     bound it should respect); called on the error path only
   * @return the guard
   */
  public static DivergenceGuard of(String solver, Dictionary dictionary, Image image, Supplier<String> advice) {
    double z = zeroCodeObjective(image);
    return new DivergenceGuard(Objects.requireNonNull(solver, "solver"), Objects.requireNonNull(dictionary,
        "dictionary"), z, z, false, Objects.requireNonNull(advice, "advice"));
  }

  /**
   * The guard of a warm-started solve: the starting objective becomes the initial code's when it is larger
   * than the zero code's.
   *
   * @param initialObjective the objective of the initial code
   * @return this guard, or one measured from the initial code's objective
   */
  public DivergenceGuard withInitialObjective(double initialObjective) {
    if (initialObjective > reference) {
      return new DivergenceGuard(solver, dictionary, zeroCode, initialObjective, true, advice);
    }
    return this;
  }

  /**
   * The objective of the zero code, {@code ½‖s‖²}, in float64.
   *
   * @param image the image
   * @return {@code ½ Σ s_i²} (NaN or infinite if a pixel is)
   */
  public static double zeroCodeObjective(Image image) {
    double sum = 0;
    for (double p : image.pixels()) {
      sum += p * p;
    }
    return sum / 2;
  }

  /**
   * The starting objective the bounds are relative to.
   *
   * @return {@code F₀}
   */
  public double reference() {
    return reference;
  }

  /**
   * Whether a running solve may go on: the objective is finite and at most {@link #RUNNING_LIMIT} times the
   * starting objective. One comparison, no allocation.
   *
   * @param objective the objective of the current iteration
   * @return false if the solve must stop (then throw {@link #diverged})
   */
  public boolean passes(double objective) {
    return objective <= running && objective < Double.POSITIVE_INFINITY;
  }

  /**
   * The error that stops a solve whose objective failed {@link #passes}, or one of whose other values is NaN
   * or infinite.
   *
   * @param iteration the iteration (from 0)
   * @param objective its objective
   * @param values the other values of the iteration, for the message (e.g. {@code "residual 0.1, L 2410"})
   * @return the exception, naming the iteration, the value and what to change
   */
  public SolverException diverged(int iteration, double objective, String values) {
    String what;
    if (Double.isFinite(objective) && objective <= running) {
      what = solver + ": a NaN or infinite value (objective " + show(objective) + ", " + values + ")";
    } else if (!Double.isFinite(objective)) {
      what = solver + ": the objective is " + objective + " (" + values + ")";
    } else {
      what = String.format(Locale.ROOT, "%s diverged: objective %s = %s x %s (a solve stops past %s x; %s)",
          solver, show(objective), show(objective / reference), start(), show(RUNNING_LIMIT), values);
    }
    return new SolverException(iteration, what + ": " + cause());
  }

  /**
   * Refuses the code a solve returns if its objective is NaN, infinite or more than {@link #RESULT_LIMIT}
   * times the starting objective.
   *
   * @param iteration the solve's last iteration (from 0)
   * @param objective the objective of the code the solve returns
   * @throws SolverException naming the iteration, the value and what to change
   */
  public void checkResult(int iteration, double objective) {
    checkResult(iteration, objective, "the code it ends with");
  }

  /**
   * Refuses the end of a solve whose last iterate (the code it returns, or the iterate its convergence is
   * measured on) has a NaN, infinite or exploded objective, as {@link #checkResult(int, double)}.
   *
   * @param iteration the solve's last iteration (from 0)
   * @param objective the objective of that iterate
   * @param of what the iterate is, for the message (e.g. {@code "the code it ends with"})
   * @throws SolverException naming the iteration, the value and what to change
   */
  public void checkResult(int iteration, double objective, String of) {
    if (objective <= result && objective < Double.POSITIVE_INFINITY) {
      return;
    }
    String what = Double.isFinite(objective)
        ? String.format(Locale.ROOT, "%s diverged: %s has objective %s = %s x %s (a result may have at most %s x)",
            solver, of, show(objective), show(objective / reference), start(), show(RESULT_LIMIT))
        : solver + ": " + of + " has objective " + objective;
    throw new SolverException(iteration, what + ": " + cause());
  }

  private String start() {
    return fromInitial
        ? "the initial code's objective " + show(reference)
        : "the zero code's ||s||^2/2 = " + show(reference);
  }

  private String cause() {
    if (!Double.isFinite(zeroCode)) {
      return "the image holds NaN or infinite values: check the image";
    }
    for (double v : dictionary.kernels()) {
      if (!Double.isFinite(v)) {
        return "the dictionary holds NaN or infinite values: check the dictionary";
      }
    }
    return advice.get();
  }

  /**
   * A number for a message: 4 significant digits, trailing zeros of the mantissa dropped ({@code 1e-09},
   * {@code 55.08}, {@code 1.3e+20}).
   *
   * @param v the value
   * @return its text
   */
  public static String show(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    int e = s.indexOf('e');
    String mantissa = e < 0 ? s : s.substring(0, e);
    if (mantissa.indexOf('.') >= 0) {
      mantissa = mantissa.replaceFirst("\\.?0+$", "");
    }
    return e < 0 ? mantissa : mantissa + s.substring(e);
  }

  /**
   * A lower bound for a message that must not be undershot ("at least ..."): v rounded up to 4 significant
   * digits.
   *
   * @param v a positive finite value
   * @return its text
   */
  public static String showAtLeast(double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      return show(v);
    }
    return show(new BigDecimal(v).round(new MathContext(4, RoundingMode.CEILING)).doubleValue());
  }
}
