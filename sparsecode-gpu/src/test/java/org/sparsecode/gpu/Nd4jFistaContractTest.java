package org.sparsecode.gpu;

import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code nd4j-fista} in float32 keeps the solver contract, and its objective trace follows the core {@code fista}
 * in float64 with the same settings within 1e-3 (relative) row by row.
 */
class Nd4jFistaContractTest implements SolverContract {
  private static Nd4jFistaSettings settings() {
    return new Nd4jFistaSettings(0.05, 1000, 1e-8, null, null, null, null, 1, "float32");
  }

  @Override
  public SparseSolver solver(int threads) {
    return new Nd4jFista(settings(), threads, Solvers.runtime());
  }

  /** One and two threads: ND4J's per-call overhead makes each solve of the contract slow on the CPU backend. */
  @Override
  public int[] threadCounts() {
    return new int[] {1, 2};
  }

  @Override
  public SparseSolver traceReference() {
    return new Fista(settings().core(), Precision.FLOAT64, 1, true);
  }
}
