/**
 * Running experiments: the Guice {@link org.sparsecode.experiments.run.ExperimentModule} that binds one
 * configuration's plugins and shared services, the {@link org.sparsecode.experiments.run.RunEngine} that
 * codes every image and writes the results, the {@link org.sparsecode.experiments.run.PlanRunner} that
 * runs the variants of a file and compares them, and progress reporting.
 */
package org.sparsecode.experiments.run;
