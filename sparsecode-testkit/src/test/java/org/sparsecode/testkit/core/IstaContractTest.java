package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.fista.FistaSettings;
import org.sparsecode.core.solver.fista.IstaPlugin;
import org.sparsecode.testkit.SolverContract;

/** {@code ista} keeps the solver contract (stopping test as {@link FistaContractTest}'s). */
class IstaContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new IstaPlugin().create(new FistaSettings(0.01, 3000, 1e-9, null, null, null, null),
        SolverContract.context(threads));
  }
}
