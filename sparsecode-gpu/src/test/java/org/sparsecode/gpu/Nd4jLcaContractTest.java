package org.sparsecode.gpu;

import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.lca.Lca;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code nd4j-lca} in float32 with its soft threshold (the ℓ1 objective) keeps the solver contract, and its
 * objective trace follows the core {@code lca} in float64 with the same settings within 1e-3 (relative).
 */
class Nd4jLcaContractTest implements SolverContract {
  private static Nd4jLcaSettings settings() {
    return new Nd4jLcaSettings(0.1, null, 1000, 1e-7, "soft", null, 1, "float32");
  }

  @Override
  public SparseSolver solver(int threads) {
    return new Nd4jLca(settings(), threads, Solvers.runtime());
  }

  /** One and two threads: ND4J's per-call overhead makes each solve of the contract slow on the CPU backend. */
  @Override
  public int[] threadCounts() {
    return new int[] {1, 2};
  }

  @Override
  public SparseSolver traceReference() {
    return new Lca(settings().core(), Precision.FLOAT64, 1);
  }
}
