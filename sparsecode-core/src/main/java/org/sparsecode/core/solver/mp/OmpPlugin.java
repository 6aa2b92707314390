package org.sparsecode.core.solver.mp;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code omp} plugin: {@link OrthogonalMatchingPursuit} configured by {@link PursuitSettings}. */
public final class OmpPlugin extends TypedPlugin<SparseSolver, PursuitSettings> {

  /** Creates the plugin (ServiceLoader). */
  public OmpPlugin() {
    super(OrthogonalMatchingPursuit.NAME, SparseSolver.class, PursuitSettings.class,
        "convolutional orthogonal matching pursuit (least-squares refit on the support; keys maxAtoms,"
            + " residualFraction, minCoefficient)");
  }

  @Override
  protected SparseSolver build(PursuitSettings s, PluginContext context) {
    return new OrthogonalMatchingPursuit(s, context.threads());
  }
}
