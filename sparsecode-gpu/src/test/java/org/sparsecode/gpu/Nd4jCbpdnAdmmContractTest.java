package org.sparsecode.gpu;

import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code nd4j-cbpdn-admm} in float32 keeps the solver contract, and its objective trace follows the core {@code
 * cbpdn-admm} in float64 with the same settings within 1e-3 (relative) row by row. AutoRho every 10 iterations,
 * as the core solver's contract test has it: with SPORCO's every-iteration default ADMM does not settle on the
 * contract's small random-kernel problems.
 */
class Nd4jCbpdnAdmmContractTest implements SolverContract {
  private static Nd4jCbpdnAdmmSettings settings() {
    return new Nd4jCbpdnAdmmSettings(0.02, 500, 1e-7, null, null, null, null, null,
        new AutoRhoSettings(true, 10, null, null, null, null), 1, "float32");
  }

  @Override
  public SparseSolver solver(int threads) {
    return new Nd4jConvBpdnAdmm(settings(), threads, Solvers.runtime());
  }

  /** One and two threads: ND4J's per-call overhead makes each solve of the contract slow on the CPU backend. */
  @Override
  public int[] threadCounts() {
    return new int[] {1, 2};
  }

  @Override
  public SparseSolver traceReference() {
    return new ConvBpdnAdmm(settings().core(), Precision.FLOAT64, 1);
  }
}
