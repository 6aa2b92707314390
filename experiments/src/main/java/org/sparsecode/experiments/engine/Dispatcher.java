package org.sparsecode.experiments.engine;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs independent {@link WorkUnit}s somewhere else than the calling thread: on the executors of a Spark
 * cluster, say. The units write into their directories, which the caller reads afterwards: every place a unit
 * may run must see the output directory at the same path (one machine, or a shared file system).
 *
 * <p>The caller has done the checks (configuration errors, preflight, reuse of finished runs) and writes the
 * tables afterwards; a dispatcher only runs.
 */
public interface Dispatcher {
  /**
   * How many units run at once (for messages and the sweep's summary).
   *
   * @return at least 1
   */
  int parallelism();

  /**
   * The worker threads of each unit's solver.
   *
   * @return at least 1
   */
  int threadsPerUnit();

  /**
   * Runs every unit to the end. A unit that fails is recorded in its result (the others go on); only a failure
   * of the dispatcher itself (a cluster lost) throws.
   *
   * @param units the units, independent of each other
   * @param finished told the index of each unit as it finishes, from any thread (for progress; it may be told
   *     of some units only)
   * @return one result per unit, in the units' order
   * @throws org.sparsecode.api.SparsecodeException when the units could not be run
   */
  List<WorkResult> run(List<WorkUnit> units, IntConsumer finished);
}
