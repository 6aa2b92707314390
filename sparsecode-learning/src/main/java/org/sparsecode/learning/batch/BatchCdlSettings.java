package org.sparsecode.learning.batch;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * Settings of the {@code batch-cdl} learner ({@link BatchCdl}). Every component may be null (YAML key left out)
 * and then takes its default; the resolved record holds the numbers used.
 *
 * @param outerIterations the number of outer iterations (one sparse-coding step over every image, then one
 *     dictionary update), at least 1; default {@value #DEFAULT_OUTER_ITERATIONS}
 * @param lambda the ℓ1 weight λ of {@code ½ Σ_i ‖Σ_k d_k * x_ik − s_i‖² + λ Σ_ik ‖x_ik‖₁}, {@code > 0}; default
 *     {@value #DEFAULT_LAMBDA}
 * @param sparseIterations CBPDN ADMM iterations per image and outer iteration (the code is warm-started from
 *     the previous outer iteration when the solver supports it), at least 1; default
 *     {@value #DEFAULT_SPARSE_ITERATIONS}
 * @param dictionaryIterations ADMM iterations of the dictionary update per outer iteration (its variables are
 *     carried over between outer iterations, as SPORCO's), at least 1; default
 *     {@value #DEFAULT_DICTIONARY_ITERATIONS}
 * @param rho the initial CBPDN penalty ρ, {@code > 0}, adapted every 10 iterations as SPORCO's dictionary
 *     learning does ({@link BatchCdl#DICTLRN_AUTO_RHO}); default {@code 50 λ + 1} (SPORCO's)
 * @param sigma the fixed ADMM penalty σ of the dictionary update, {@code > 0}; any value converges, fastest when
 *     σ is of the order of the code energy per atom {@code Σ_i ‖x_ik‖²}; default {@value #DEFAULT_SIGMA}
 * @param zeroMean whether atoms are made zero-mean before the unit-norm projection (SPORCO {@code ZeroMean});
 *     default false
 */
public record BatchCdlSettings(Integer outerIterations, Double lambda, Integer sparseIterations,
    Integer dictionaryIterations, Double rho, Double sigma, Boolean zeroMean) {

  /** Default number of outer iterations. */
  public static final int DEFAULT_OUTER_ITERATIONS = 20;
  /** Default λ. */
  public static final double DEFAULT_LAMBDA = 1e-2;
  /** Default CBPDN iterations per outer iteration. */
  public static final int DEFAULT_SPARSE_ITERATIONS = 10;
  /** Default dictionary ADMM iterations per outer iteration. */
  public static final int DEFAULT_DICTIONARY_ITERATIONS = 10;
  /** Default dictionary ADMM penalty. */
  public static final double DEFAULT_SIGMA = 10.0;
  /** The most iterations of each loop: a typo such as 1e12 is caught at load time. */
  public static final int MAX_ITERATIONS = 1_000_000;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an invalid value
   */
  public BatchCdlSettings {
    outerIterations = Checks.atLeast("outerIterations",
        outerIterations != null ? outerIterations : DEFAULT_OUTER_ITERATIONS, 1);
    if (outerIterations > MAX_ITERATIONS) {
      throw new ConfigException("outerIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + outerIterations);
    }
    lambda = Checks.positive("lambda", lambda != null ? lambda : DEFAULT_LAMBDA);
    sparseIterations = Checks.atLeast("sparseIterations",
        sparseIterations != null ? sparseIterations : DEFAULT_SPARSE_ITERATIONS, 1);
    if (sparseIterations > MAX_ITERATIONS) {
      throw new ConfigException("sparseIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + sparseIterations);
    }
    dictionaryIterations = Checks.atLeast("dictionaryIterations",
        dictionaryIterations != null ? dictionaryIterations : DEFAULT_DICTIONARY_ITERATIONS, 1);
    if (dictionaryIterations > MAX_ITERATIONS) {
      throw new ConfigException("dictionaryIterations", "must be in [1, " + MAX_ITERATIONS + "], got "
          + dictionaryIterations);
    }
    rho = Checks.positive("rho", rho != null ? rho : 50.0 * lambda + 1.0);
    sigma = Checks.positive("sigma", sigma != null ? sigma : DEFAULT_SIGMA);
    zeroMean = zeroMean != null ? zeroMean : Boolean.FALSE;
  }

  /**
   * Every default.
   *
   * @return the default settings
   */
  public static BatchCdlSettings defaults() {
    return new BatchCdlSettings(null, null, null, null, null, null, null);
  }
}
