package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.fista.FistaPlugin;
import org.sparsecode.core.solver.fista.FistaSettings;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code fista} keeps the solver contract. Its stopping test is SPORCO's absolute {@code ‖X − Y_prev‖}, so on
 * the contract's images (pixels of about λ) it is set far below the default 1e-3, which stops after 3 iterations.
 */
class FistaContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new FistaPlugin().create(new FistaSettings(0.05, 1000, 1e-8, null, null, null, null),
        SolverContract.context(threads));
  }
}
