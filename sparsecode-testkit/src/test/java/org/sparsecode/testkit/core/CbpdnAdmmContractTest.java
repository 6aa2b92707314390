package org.sparsecode.testkit.core;

import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmmPlugin;
import org.sparsecode.testkit.SolverContract;

/**
 * {@code cbpdn-admm} in float64 keeps the solver contract. ρ is balanced every 10 iterations: SPORCO's
 * every-iteration default ({@code autoRho.period: 1}) does not converge on the contract's random-kernel problems.
 */
class CbpdnAdmmContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new ConvBpdnAdmmPlugin().create(settings(), SolverContract.context(threads));
  }

  static CbpdnAdmmSettings settings() {
    return new CbpdnAdmmSettings(0.02, 500, 1e-7, null, null, null, null, null,
        new AutoRhoSettings(true, 10, null, null, null, null));
  }
}
