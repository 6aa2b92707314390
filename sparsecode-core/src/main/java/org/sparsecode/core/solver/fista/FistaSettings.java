package org.sparsecode.core.solver.fista;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code fista} and {@code ista} solvers, SPORCO's {@code pgm.cbpdn.ConvBPDN} options. Every
 * component may be null (YAML key left out) and then takes its default.
 *
 * @param lambda the ℓ1 weight λ of {@code ½‖Σ d_k * x_k − s‖² + λ Σ_k ‖w x_k‖₁}, {@code > 0}; default
 *     {@value #DEFAULT_LAMBDA}
 * @param maxIterations the iteration limit ({@code MaxMainIter}), at least 1; default
 *     {@value #DEFAULT_MAX_ITERATIONS}
 * @param relStopTol the stopping tolerance on the squared fixed-point residual {@code ‖X − Y_prev‖²}
 *     ({@code RelStopTol}), {@code ≥ 0}; 0 runs every iteration; default {@value #DEFAULT_REL_STOP_TOL}
 *     (SPORCO's)
 * @param lipschitz a fixed Lipschitz constant L (step {@code 1/L}, SPORCO's {@code L}), {@code > 0}; default
 *     (null): the exact constant {@code max_f Σ_k |D̂_k(f)|²} of the dictionary at the image size (the
 *     tight value; SPORCO's fixed default 500 diverges for the paper's peak-1 kernels, whose L is about
 *     2400–2800). With backtracking it is the starting value, and null starts from SPORCO's 500
 * @param backtracking {@code none}, {@code standard} or {@code robust} (see {@link Backtracking}); default
 *     {@code none}
 * @param nonNegative whether the code is constrained to be non-negative ({@code NonNegCoef}); default false
 * @param l1Weight the ℓ1 weight w of every coefficient ({@code L1Weight}), {@code ≥ 0}; default 1
 */
public record FistaSettings(Double lambda, Integer maxIterations, Double relStopTol, Double lipschitz,
    @Setting(oneOf = {"none", "standard", "robust"}) String backtracking, Boolean nonNegative, Double l1Weight) {

  /** Default λ (as {@code cbpdn-admm}). */
  public static final double DEFAULT_LAMBDA = 1e-2;
  /** Default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /** The most iterations: far beyond convergence, and a typo such as 1e12 is caught at load time. */
  public static final int MAX_ITERATIONS = 1_000_000;
  /** SPORCO's default {@code RelStopTol} for PGM. */
  public static final double DEFAULT_REL_STOP_TOL = 1e-3;
  /** SPORCO's default {@code L} of {@code pgm.cbpdn.ConvBPDN}: only the starting value of backtracking. */
  public static final double BACKTRACKING_START = 500.0;
  /** Default ℓ1 weight. */
  public static final double DEFAULT_L1_WEIGHT = 1.0;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an out-of-range value
   */
  public FistaSettings {
    lambda = Checks.positive("lambda", lambda != null ? lambda : DEFAULT_LAMBDA);
    maxIterations = Checks.atLeast("maxIterations",
        maxIterations != null ? maxIterations : DEFAULT_MAX_ITERATIONS, 1);
    if (maxIterations > MAX_ITERATIONS) {
      throw new ConfigException("maxIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + maxIterations);
    }
    relStopTol = Checks.nonNegative("relStopTol", relStopTol != null ? relStopTol : DEFAULT_REL_STOP_TOL);
    if (lipschitz != null) {
      Checks.positive("lipschitz", lipschitz);
    }
    backtracking = Backtracking.parse(backtracking != null ? backtracking : Backtracking.NONE.yamlName())
        .yamlName();
    nonNegative = nonNegative != null ? nonNegative : Boolean.FALSE;
    l1Weight = Checks.nonNegative("l1Weight", l1Weight != null ? l1Weight : DEFAULT_L1_WEIGHT);
  }

  /**
   * The defaults.
   *
   * @return λ = {@value #DEFAULT_LAMBDA}, 100 iterations, L exact, no backtracking
   */
  public static FistaSettings defaults() {
    return new FistaSettings(null, null, null, null, null, null, null);
  }

  /**
   * The backtracking mode.
   *
   * @return the parsed {@link #backtracking()}
   */
  public Backtracking backtrackingMode() {
    return Backtracking.parse(backtracking);
  }
}
