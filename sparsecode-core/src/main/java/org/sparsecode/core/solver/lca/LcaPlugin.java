package org.sparsecode.core.solver.lca;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code lca} plugin: {@link Lca} configured by {@link LcaSettings}. */
public final class LcaPlugin extends TypedPlugin<SparseSolver, LcaSettings> {

  /** Creates the plugin (ServiceLoader). */
  public LcaPlugin() {
    super("lca", SparseSolver.class, LcaSettings.class,
        "Locally Competitive Algorithm (Rozell et al. 2008), residual form with FFTs; soft or hard threshold");
  }

  @Override
  protected SparseSolver build(LcaSettings s, PluginContext context) {
    return new Lca(s, context.precision(), context.threads());
  }
}
