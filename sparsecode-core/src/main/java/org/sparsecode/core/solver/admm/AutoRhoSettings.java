package org.sparsecode.core.solver.admm;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/**
 * SPORCO's {@code AutoRho} options: residual balancing of the ADMM penalty ρ (Wohlberg 2017,
 * arXiv:1704.06209). Every {@code period} iterations (never at iteration 0), with relative residuals r
 * (primal) and s (dual): {@code m = min(τ, sqrt(r / (ξ s)))} if {@code r > ξ s} else
 * {@code min(τ, sqrt(ξ s / r))} ({@code τ} if r or s is 0, or always {@code τ} without auto-scaling); then
 * {@code ρ ← ρ m} if {@code r > ξ μ s}, {@code ρ ← ρ / m} if {@code s > (μ / ξ) r}, and the scaled dual
 * variable is divided by the same factor. Keys are relative to the {@code autoRho} block. Every component
 * may be null (YAML key left out) and then takes its default.
 *
 * @param enabled whether ρ is adapted (YAML {@code enabled}); default {@value #DEFAULT_ENABLED}
 * @param period iterations between updates, at least 1; default {@value #DEFAULT_PERIOD}
 * @param rsdlRatio the residual ratio μ that triggers an update, at least 1; default
 *     {@value #DEFAULT_RSDL_RATIO} (SPORCO's)
 * @param rsdlTarget the target ratio ξ of the relative residuals, {@code > 0}; default (null) the formula
 *     {@code ξ = 1 + 18.3^(log10 λ + 1)} of SPORCO's ConvBPDN, filled in by {@link CbpdnAdmmSettings}
 *     from its λ (1.0546 for λ = 1e-2)
 * @param scaling the largest factor τ of one update, at least 1; default {@value #DEFAULT_SCALING}
 * @param autoScaling whether the factor is {@code sqrt} of the residual ratio (capped at τ) rather than τ;
 *     default {@value #DEFAULT_AUTO_SCALING}
 */
public record AutoRhoSettings(Boolean enabled, Integer period, Double rsdlRatio, Double rsdlTarget,
    Double scaling, Boolean autoScaling) {

  /** Default of {@link #enabled()}. */
  public static final boolean DEFAULT_ENABLED = true;
  /** Default of {@link #period()}. */
  public static final int DEFAULT_PERIOD = 1;
  /** Default of {@link #rsdlRatio()}: SPORCO's μ. */
  public static final double DEFAULT_RSDL_RATIO = 1.2;
  /** Default of {@link #scaling()}: SPORCO's τ. */
  public static final double DEFAULT_SCALING = 1000.0;
  /** Default of {@link #autoScaling()}. */
  public static final boolean DEFAULT_AUTO_SCALING = true;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key ({@code period}, {@code rsdlRatio}, {@code rsdlTarget},
   *     {@code scaling}) of an out-of-range value
   */
  public AutoRhoSettings {
    enabled = enabled != null ? enabled : DEFAULT_ENABLED;
    period = Checks.atLeast("period", period != null ? period : DEFAULT_PERIOD, 1);
    rsdlRatio = rsdlRatio != null ? rsdlRatio : DEFAULT_RSDL_RATIO;
    if (!(rsdlRatio >= 1) || Double.isInfinite(rsdlRatio)) {
      throw new ConfigException("rsdlRatio", "must be >= 1 and finite, got " + rsdlRatio);
    }
    if (rsdlTarget != null) {
      Checks.positive("rsdlTarget", rsdlTarget);
    }
    scaling = scaling != null ? scaling : DEFAULT_SCALING;
    if (!(scaling >= 1) || Double.isInfinite(scaling)) {
      throw new ConfigException("scaling", "must be >= 1 and finite, got " + scaling);
    }
    autoScaling = autoScaling != null ? autoScaling : DEFAULT_AUTO_SCALING;
  }

  /**
   * SPORCO's defaults (the paper's), with ξ left to the formula.
   *
   * @return the default settings
   */
  public static AutoRhoSettings defaults() {
    return new AutoRhoSettings(null, null, null, null, null, null);
  }

  /**
   * Fixed ρ.
   *
   * @return settings with {@code enabled = false}
   */
  public static AutoRhoSettings disabled() {
    return new AutoRhoSettings(false, null, null, null, null, null);
  }

  /**
   * SPORCO's default residual target {@code ξ = 1 + 18.3^(log10 λ + 1)} (ConvBPDN, after Wohlberg 2017
   * §VI.C).
   *
   * @param lambda the ℓ1 weight λ, {@code > 0}
   * @return ξ
   */
  public static double defaultRsdlTarget(double lambda) {
    return 1.0 + Math.pow(18.3, Math.log10(lambda) + 1.0);
  }

  /**
   * A copy with the residual target set.
   *
   * @param target ξ
   * @return the new settings
   */
  public AutoRhoSettings withRsdlTarget(double target) {
    return new AutoRhoSettings(enabled, period, rsdlRatio, target, scaling, autoScaling);
  }

  /**
   * Whether ρ may change after iteration {@code k} (SPORCO's ADMM checks every {@code period} iterations, never
   * after the first).
   *
   * @param k the iteration just done, from 0
   * @return true when enabled and {@code k + 1} is a multiple of the period
   */
  public boolean checksAfter(int k) {
    return enabled() && k != 0 && (k + 1) % period() == 0;
  }

  /**
   * SPORCO ADMM.update_rho's residual balancing: the factor ρ is multiplied by, given the primal residual
   * {@code r} and the dual residual {@code s} (U is divided by the same factor).
   *
   * @param r the primal residual
   * @param s the dual residual
   * @return τ (or the automatic scaling) when r is too large, its inverse when s is, else exactly 1
   */
  public double rhoFactor(double r, double s) {
    double tau = scaling();
    double mu = rsdlRatio();
    double xi = rsdlTarget();
    double multiplier;
    if (!autoScaling() || s == 0.0 || r == 0.0) {
      multiplier = tau;
    } else {
      multiplier = Math.min(tau, Math.sqrt(r > s * xi ? r / (s * xi) : (s * xi) / r));
    }
    if (r > xi * mu * s) {
      return multiplier;
    } else if (s > (mu / xi) * r) {
      return 1.0 / multiplier;
    }
    return 1.0;
  }
}
