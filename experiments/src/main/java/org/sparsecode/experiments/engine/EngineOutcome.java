package org.sparsecode.experiments.engine;

import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.sweep.SweepRunner;

/**
 * What an engine ran: exactly one of a plain plan's outcome and a sweep's.
 *
 * @param plan the outcome of a plan without a sweep, else {@code null}
 * @param sweep the outcome of a sweep, else {@code null}
 */
public record EngineOutcome(PlanRunner.Outcome plan, SweepRunner.Outcome sweep) {

  /** Validates: exactly one is given. */
  public EngineOutcome {
    if ((plan == null) == (sweep == null)) {
      throw new IllegalArgumentException("exactly one of plan and sweep must be given");
    }
  }

  /**
   * A plain plan's outcome.
   *
   * @param plan what the plan runner did
   * @return the outcome
   */
  public static EngineOutcome of(PlanRunner.Outcome plan) {
    return new EngineOutcome(plan, null);
  }

  /**
   * A sweep's outcome.
   *
   * @param sweep what the sweep runner did
   * @return the outcome
   */
  public static EngineOutcome of(SweepRunner.Outcome sweep) {
    return new EngineOutcome(null, sweep);
  }
}
