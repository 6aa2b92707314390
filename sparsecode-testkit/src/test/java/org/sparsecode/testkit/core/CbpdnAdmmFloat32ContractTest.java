package org.sparsecode.testkit.core;

import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.ConvBpdnAdmmPlugin;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code cbpdn-admm} in float32 keeps the solver contract, and its objective trace follows the float64 solver's
 * within 1e-3 (relative) row by row.
 */
class CbpdnAdmmFloat32ContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new ConvBpdnAdmmPlugin().create(CbpdnAdmmContractTest.settings(),
        SolverContract.context(threads, Precision.FLOAT32));
  }

  @Override
  public SparseSolver traceReference() {
    return new ConvBpdnAdmmPlugin().create(CbpdnAdmmContractTest.settings(), SolverContract.context(1));
  }

  @Override
  public double warmStartTolerance() {
    return 1e-5;
  }
}
