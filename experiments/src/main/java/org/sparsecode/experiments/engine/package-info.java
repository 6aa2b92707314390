/**
 * Engines: where an experiment file runs. The {@code local} engine runs it in this JVM ({@link
 * org.sparsecode.experiments.run.PlanRunner}, {@link org.sparsecode.experiments.sweep.SweepRunner}); other engines
 * (Apache Spark, in its own module) are found by {@link java.util.ServiceLoader} and run the same work units
 * elsewhere, with the same numbers.
 */
package org.sparsecode.experiments.engine;
