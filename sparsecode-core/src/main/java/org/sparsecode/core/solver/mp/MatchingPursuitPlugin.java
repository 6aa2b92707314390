package org.sparsecode.core.solver.mp;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code matching-pursuit} plugin: {@link MatchingPursuit} configured by {@link PursuitSettings}. */
public final class MatchingPursuitPlugin extends TypedPlugin<SparseSolver, PursuitSettings> {

  /** Creates the plugin (ServiceLoader). */
  public MatchingPursuitPlugin() {
    super(MatchingPursuit.NAME, SparseSolver.class, PursuitSettings.class,
        "convolutional matching pursuit with unit-norm kernels (local DtD updates; keys maxAtoms,"
            + " residualFraction, minCoefficient)");
  }

  @Override
  protected SparseSolver build(PursuitSettings s, PluginContext context) {
    return new MatchingPursuit(s, context.threads());
  }
}
