package org.sparsecode.core.solver.fista;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code ista} plugin: {@link Fista} without momentum, configured by {@link FistaSettings}. */
public final class IstaPlugin extends TypedPlugin<SparseSolver, FistaSettings> {

  /** Creates the plugin (ServiceLoader). */
  public IstaPlugin() {
    super("ista", SparseSolver.class, FistaSettings.class,
        "CBPDN by ISTA (proximal gradient without momentum) in the DFT domain; L exact by default");
  }

  @Override
  protected SparseSolver build(FistaSettings s, PluginContext context) {
    return new Fista(s, context.precision(), context.threads(), false);
  }
}
