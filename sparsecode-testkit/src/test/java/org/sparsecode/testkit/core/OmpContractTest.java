package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.mp.OmpPlugin;
import org.sparsecode.core.solver.mp.PursuitSettings;
import org.sparsecode.testkit.SolverContract;

/** {@code omp} keeps the solver contract (a greedy solver: no ℓ1 checks). */
class OmpContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new OmpPlugin().create(PursuitSettings.atoms(60), SolverContract.context(threads));
  }
}
