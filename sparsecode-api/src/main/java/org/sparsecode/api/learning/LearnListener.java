package org.sparsecode.api.learning;

/** Receives a dictionary learner's progress. */
@FunctionalInterface
public interface LearnListener {

  /** A listener that ignores everything. */
  LearnListener NONE = (step, total, objective) -> { };

  /**
   * Called after each learning step.
   *
   * @param step the step just finished, from 0
   * @param total the number of steps planned
   * @param objective the coding objective of that step
   */
  void onStep(int step, int total, double objective);
}
