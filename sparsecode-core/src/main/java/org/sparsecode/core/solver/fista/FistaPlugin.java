package org.sparsecode.core.solver.fista;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code fista} plugin: {@link Fista} with Nesterov momentum, configured by {@link FistaSettings}. */
public final class FistaPlugin extends TypedPlugin<SparseSolver, FistaSettings> {

  /** Creates the plugin (ServiceLoader). */
  public FistaPlugin() {
    super("fista", SparseSolver.class, FistaSettings.class,
        "CBPDN by FISTA in the DFT domain (SPORCO pgm.cbpdn.ConvBPDN; L exact by default, optional backtracking)");
  }

  @Override
  protected SparseSolver build(FistaSettings s, PluginContext context) {
    return new Fista(s, context.precision(), context.threads(), true);
  }
}
