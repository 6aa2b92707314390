package org.example.sparsecode;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.testkit.SolverContract;

/**
 * The solver contract, with one method: how to create the solver for a number of threads. The solver has a λ,
 * so the kit also runs its ℓ1 checks; one thresholded pass is a baseline, not a minimiser of that objective, so
 * the two checks that ask for the minimum are switched off here (overridden with {@code @Test @Disabled}: they
 * are reported as skipped, with the reason).
 */
class CorrelationThresholdContractTest implements SolverContract {

  @Override
  public SparseSolver solver(int threads) {
    return new CorrelationThresholdPlugin().create(new CorrelationThresholdPlugin.Settings(0.1),
        SolverContract.context(threads));
  }

  @Override
  @Test
  @Disabled("one correlate-and-threshold pass does not minimise the l1 objective")
  public void anL1SolverReachesTheReferenceMinimum() {
  }

  @Override
  @Test
  @Disabled("one correlate-and-threshold pass does not minimise the l1 objective")
  public void anL1SolverRecoversPlantedAtoms() {
  }
}
