package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.mp.MatchingPursuitPlugin;
import org.sparsecode.core.solver.mp.PursuitSettings;
import org.sparsecode.testkit.SolverContract;

/** {@code matching-pursuit} keeps the solver contract (a greedy solver: no ℓ1 checks). */
class MatchingPursuitContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new MatchingPursuitPlugin().create(PursuitSettings.atoms(60), SolverContract.context(threads));
  }
}
