package org.sparsecode.core.solver.lca;

import java.util.Locale;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code lca} solver (Rozell, Johnson, Baraniuk &amp; Olshausen 2008). Every component may be
 * null (YAML key left out) and then takes its default; {@code tau} stays null in the resolved record when it
 * is to be derived from the dictionary at solve time.
 *
 * @param lambda the threshold λ of {@code T_λ}, which for the soft threshold is the ℓ1 weight of the CBPDN
 *     objective {@code ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁}; {@code > 0}; default {@value #DEFAULT_LAMBDA}
 * @param tau the time constant τ: each step moves u by {@code 1/τ} of its drive, {@code > 0}; default (null)
 *     {@code max(L, 1)} with {@code L = ‖DᵀD‖} of the dictionary at the image's size
 *     ({@link org.sparsecode.core.solver.Lipschitz#exact}), the largest step that is stable for every image
 *     (see {@link Lca})
 * @param maxIterations the number of steps at most, at least 1; default {@value #DEFAULT_MAX_ITERATIONS}
 * @param relStopTol stop when {@code ‖u_new − u‖ / ‖u_new‖ < relStopTol}; {@code ≥ 0}, 0 runs every step;
 *     default {@value #DEFAULT_REL_STOP_TOL}
 * @param threshold {@code soft} ({@code T(u) = sign(u) max(|u| − λ, 0)}, LCA for CBPDN) or {@code hard}
 *     ({@code T(u) = u · [|u| > λ]}, an ℓ0-like penalty); default {@value #DEFAULT_THRESHOLD}
 * @param nonNegative whether the code is constrained to be non-negative: {@code T(u) = max(u − λ, 0)} (soft)
 *     or {@code u · [u > λ]} (hard); default false
 */
public record LcaSettings(Double lambda, Double tau, Integer maxIterations, Double relStopTol,
    @Setting(oneOf = {"soft", "hard"}) String threshold, Boolean nonNegative) {

  /** Default λ, the value of the paper's five-scenario comparison. */
  public static final double DEFAULT_LAMBDA = 1e-2;
  /** Default step limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 200;
  /** The most iterations: far beyond convergence, and a typo such as 1e12 is caught at load time. */
  public static final int MAX_ITERATIONS = 1_000_000;
  /** Default relative stopping tolerance on the change of u. */
  public static final double DEFAULT_REL_STOP_TOL = 1e-4;
  /** Default threshold function. */
  public static final String DEFAULT_THRESHOLD = "soft";

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an out-of-range value
   */
  public LcaSettings {
    lambda = Checks.positive("lambda", lambda != null ? lambda : DEFAULT_LAMBDA);
    if (tau != null) {
      Checks.positive("tau", tau);
    }
    maxIterations = Checks.atLeast("maxIterations",
        maxIterations != null ? maxIterations : DEFAULT_MAX_ITERATIONS, 1);
    if (maxIterations > MAX_ITERATIONS) {
      throw new ConfigException("maxIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + maxIterations);
    }
    relStopTol = Checks.nonNegative("relStopTol", relStopTol != null ? relStopTol : DEFAULT_REL_STOP_TOL);
    String t = threshold != null ? threshold.toLowerCase(Locale.ROOT) : DEFAULT_THRESHOLD;
    if (!t.equals("soft") && !t.equals("hard")) {
      throw new ConfigException("threshold", "must be soft or hard, got '" + threshold + "'");
    }
    threshold = t;
    nonNegative = nonNegative != null ? nonNegative : Boolean.FALSE;
  }

  /**
   * The defaults: λ = {@value #DEFAULT_LAMBDA}, τ from the dictionary, soft threshold.
   *
   * @return the default settings
   */
  public static LcaSettings defaults() {
    return withLambda(DEFAULT_LAMBDA);
  }

  /**
   * The defaults with another λ.
   *
   * @param lambda λ, {@code > 0}
   * @return the settings
   */
  public static LcaSettings withLambda(double lambda) {
    return new LcaSettings(lambda, null, null, null, null, null);
  }

  /**
   * Whether the threshold is the hard one.
   *
   * @return true for {@code threshold: hard}
   */
  public boolean hard() {
    return threshold.equals("hard");
  }
}
