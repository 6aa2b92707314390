package org.example.sparsecode;

import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Registers {@link CorrelationThresholdSolver} as the solver {@code correlation-threshold}. This class,
 * its settings record and one line in META-INF/services/org.sparsecode.api.Plugin are all a plugin needs.
 */
public final class CorrelationThresholdPlugin implements Plugin<SparseSolver> {

  /**
   * The YAML block {@code solver: {type: correlation-threshold, lambda: 0.1}}.
   *
   * @param lambda the soft threshold applied to the normalised correlations, &gt; 0 (default 0.1)
   */
  public record Settings(Double lambda) {
    /** Fills the default and validates. */
    public Settings {
      lambda = lambda == null ? 0.1 : Checks.positive("lambda", lambda);
    }
  }

  @Override
  public String name() {
    return "correlation-threshold";
  }

  @Override
  public Class<SparseSolver> role() {
    return SparseSolver.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return Settings.class;
  }

  @Override
  public SparseSolver create(Record settings, PluginContext context) {
    return new CorrelationThresholdSolver(((Settings) settings).lambda());
  }

  @Override
  public String description() {
    return "example plugin: one matched-filter pass, soft-thresholded";
  }
}
