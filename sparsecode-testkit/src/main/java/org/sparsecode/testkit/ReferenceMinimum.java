package org.sparsecode.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/**
 * The minimiser of the ℓ1 objective on a contract problem: the core {@code cbpdn-admm} solver (held to SPORCO's
 * traces by the core's fixture tests) in float64 with a fixed ρ = {@value #RHO}, run to a relative stopping
 * tolerance of {@value #REL_STOP_TOL} or {@value #MAX_ITERATIONS} iterations (about 300 iterations reach residuals
 * of 1e-15 on the contract's images). Solved once per image and λ, and shared by every contract test class of a
 * test run.
 *
 * <p>ρ is fixed because residual balancing every iteration (SPORCO's ConvBPDN default, {@code autoRho.period: 1})
 * does not converge on these random-kernel problems: after 3000 iterations its relative residuals are still
 * about 0.2 and its objective several times the minimum. ADMM with a fixed ρ is scale-equivariant (the image
 * and λ scaled by c scale the iterates by c), so one ρ serves every λ.
 */
final class ReferenceMinimum {
  /** The reference's relative stopping tolerance. */
  static final double REL_STOP_TOL = 1e-12;
  /** The reference's iteration limit. */
  static final int MAX_ITERATIONS = 3000;
  /** The reference's fixed penalty. */
  static final double RHO = 1.0;

  private static final Map<String, Reference> CACHE = new ConcurrentHashMap<>();

  private ReferenceMinimum() {}

  /**
   * The reference solution.
   *
   * @param code the minimiser's code
   * @param objective its objective, computed by {@link Objective#value}
   * @param iterations the iterations the reference ran
   * @param converged whether it met its stopping tolerance
   */
  record Reference(SparseCode code, double objective, int iterations, boolean converged) {}

  /**
   * The reference solution of {@code ½‖Σ d_k * x_k − s‖² + λ‖x‖₁} for a contract image.
   *
   * @param name the image's name in {@link ContractProblems} (with λ, the cache key)
   * @param dictionary the contract dictionary
   * @param image the image
   * @param lambda λ
   * @return the reference
   */
  static Reference of(String name, Dictionary dictionary, Image image, double lambda) {
    return CACHE.computeIfAbsent(name + "|" + Double.doubleToLongBits(lambda), key -> {
      CbpdnAdmmSettings settings = new CbpdnAdmmSettings(lambda, MAX_ITERATIONS, REL_STOP_TOL, null, null, RHO,
          null, null, AutoRhoSettings.disabled());
      CodingResult r = new ConvBpdnAdmm(settings, Precision.FLOAT64, 1).solve(dictionary, image);
      return new Reference(r.code(), Objective.value(dictionary, image, r.code(), lambda), r.iterations(),
          r.converged());
    });
  }
}
