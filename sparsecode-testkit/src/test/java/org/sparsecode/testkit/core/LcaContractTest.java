package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.lca.LcaPlugin;
import org.sparsecode.core.solver.lca.LcaSettings;
import org.sparsecode.testkit.SolverContract;

/** {@code lca} with its soft threshold (the ℓ1 objective) keeps the solver contract. */
class LcaContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new LcaPlugin().create(new LcaSettings(0.1, null, 1000, 1e-7, "soft", null),
        SolverContract.context(threads));
  }
}
