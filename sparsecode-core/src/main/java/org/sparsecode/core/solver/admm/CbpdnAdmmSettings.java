package org.sparsecode.core.solver.admm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * Settings of the {@code cbpdn-admm} solver, SPORCO's {@code admm.cbpdn.ConvBPDN} options. The defaults
 * are the paper's call (the fixtures' {@code papercall} option set): SPORCO's defaults with 100 iterations
 * and {@code RelStopTol} 1e-4, λ = 1e-2 (the value of the paper's five-scenario comparison). Every
 * component may be null (YAML key left out) and then takes its default; the resolved record holds the
 * numbers used, including ρ₀ and ξ derived from λ.
 *
 * @param lambda the ℓ1 weight λ of {@code ½‖Σ d_k * x_k − s‖² + λ Σ_k ‖w_k x_k‖₁}, {@code > 0}; default
 *     {@value #DEFAULT_LAMBDA}
 * @param maxIterations the iteration limit ({@code MaxMainIter}), at least 1; default
 *     {@value #DEFAULT_MAX_ITERATIONS}
 * @param relStopTol the relative stopping tolerance ({@code RelStopTol}), {@code ≥ 0}; 0 runs every
 *     iteration; default {@value #DEFAULT_REL_STOP_TOL}
 * @param absStopTol the absolute stopping tolerance ({@code AbsStopTol}), {@code ≥ 0}; default
 *     {@value #DEFAULT_ABS_STOP_TOL}
 * @param relaxation the over-relaxation α ({@code RelaxParam}), in (0, 2); default
 *     {@value #DEFAULT_RELAXATION}
 * @param rho the initial penalty ρ₀, {@code > 0}; default (null) {@code 50 λ + 1} (SPORCO's)
 * @param l1Weight the ℓ1 weight of each kernel ({@code L1Weight}): a number {@code ≥ 0} for all kernels, or
 *     a list of K numbers {@code ≥ 0}, one per kernel; default 1
 * @param nonNegative whether the code is constrained to be non-negative ({@code NonNegCoef}); default false
 * @param autoRho the penalty adaptation ({@code AutoRho}); default {@link AutoRhoSettings#defaults()} with
 *     ξ from λ
 */
public record CbpdnAdmmSettings(Double lambda, Integer maxIterations, Double relStopTol, Double absStopTol,
    Double relaxation, Double rho, @Setting(form = "a number or a list of K numbers (one per kernel)") Object l1Weight,
    Boolean nonNegative, AutoRhoSettings autoRho) {

  /** Default λ: the paper's five-scenario comparison (its first analyses used 1e-3). */
  public static final double DEFAULT_LAMBDA = 1e-2;
  /** Default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 100;
  /** The most iterations: far beyond convergence, and a typo such as 1e12 is caught at load time. */
  public static final int MAX_ITERATIONS = 1_000_000;
  /** Default relative stopping tolerance (the paper's call). */
  public static final double DEFAULT_REL_STOP_TOL = 1e-4;
  /** Default absolute stopping tolerance (SPORCO's). */
  public static final double DEFAULT_ABS_STOP_TOL = 0.0;
  /** Default over-relaxation (SPORCO's ConvBPDN). */
  public static final double DEFAULT_RELAXATION = 1.8;
  /** Default ℓ1 weight of every kernel. */
  public static final double DEFAULT_L1_WEIGHT = 1.0;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an out-of-range or ill-typed value
   */
  public CbpdnAdmmSettings {
    lambda = Checks.positive("lambda", lambda != null ? lambda : DEFAULT_LAMBDA);
    maxIterations = Checks.atLeast("maxIterations",
        maxIterations != null ? maxIterations : DEFAULT_MAX_ITERATIONS, 1);
    if (maxIterations > MAX_ITERATIONS) {
      throw new ConfigException("maxIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + maxIterations);
    }
    relStopTol = Checks.nonNegative("relStopTol", relStopTol != null ? relStopTol : DEFAULT_REL_STOP_TOL);
    absStopTol = Checks.nonNegative("absStopTol", absStopTol != null ? absStopTol : DEFAULT_ABS_STOP_TOL);
    relaxation = relaxation != null ? relaxation : DEFAULT_RELAXATION;
    if (!(relaxation > 0 && relaxation < 2)) {
      throw new ConfigException("relaxation", "must be in (0, 2), got " + relaxation);
    }
    rho = Checks.positive("rho", rho != null ? rho : 50.0 * lambda + 1.0);
    l1Weight = normaliseWeight(l1Weight != null ? l1Weight : DEFAULT_L1_WEIGHT);
    nonNegative = nonNegative != null ? nonNegative : Boolean.FALSE;
    autoRho = autoRho != null ? autoRho : AutoRhoSettings.defaults();
    if (autoRho.rsdlTarget() == null) {
      autoRho = autoRho.withRsdlTarget(AutoRhoSettings.defaultRsdlTarget(lambda));
    }
  }

  /**
   * The paper's call ({@code papercall}) with λ = {@value #DEFAULT_LAMBDA}.
   *
   * @return the default settings
   */
  public static CbpdnAdmmSettings defaults() {
    return withLambda(DEFAULT_LAMBDA);
  }

  /**
   * The paper's call with another λ (ρ₀ and ξ follow λ).
   *
   * @param lambda λ, {@code > 0}
   * @return the settings
   */
  public static CbpdnAdmmSettings withLambda(double lambda) {
    return new CbpdnAdmmSettings(lambda, null, null, null, null, null, null, null, null);
  }

  /**
   * The weight of each kernel.
   *
   * @param count the number of kernels K of the dictionary being coded
   * @return K weights
   * @throws ConfigException ({@code l1Weight}) if a list was given whose length is not K
   */
  public double[] l1Weights(int count) {
    double[] w = new double[count];
    if (l1Weight instanceof List<?> list) {
      if (list.size() != count) {
        throw new ConfigException("l1Weight", "has " + list.size() + " values but the dictionary has " + count
            + " kernels: give one number, or one per kernel");
      }
      for (int k = 0; k < count; k++) {
        w[k] = (Double) list.get(k);
      }
    } else {
      java.util.Arrays.fill(w, (Double) l1Weight);
    }
    return w;
  }

  private static Object normaliseWeight(Object value) {
    if (value instanceof Number n) {
      return Checks.nonNegative("l1Weight", n.doubleValue());
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      List<Double> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof Number n)) {
          throw new ConfigException("l1Weight", "entry " + i + " must be a number, got " + list.get(i));
        }
        out.add(Checks.nonNegative("l1Weight", n.doubleValue()));
      }
      return Collections.unmodifiableList(out);
    }
    throw new ConfigException("l1Weight", "must be a number >= 0 or a non-empty list of numbers >= 0 (one per"
        + " kernel), got " + value);
  }
}
