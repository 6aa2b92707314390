package org.sparsecode.core.solver.admm;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code cbpdn-admm} plugin: {@link ConvBpdnAdmm} configured by {@link CbpdnAdmmSettings}. */
public final class ConvBpdnAdmmPlugin extends TypedPlugin<SparseSolver, CbpdnAdmmSettings> {

  /** Creates the plugin (ServiceLoader). */
  public ConvBpdnAdmmPlugin() {
    super("cbpdn-admm", SparseSolver.class, CbpdnAdmmSettings.class,
        "CBPDN by ADMM in the DFT domain (SPORCO admm.cbpdn.ConvBPDN; defaults = the paper's call)");
  }

  @Override
  protected SparseSolver build(CbpdnAdmmSettings s, PluginContext context) {
    return new ConvBpdnAdmm(s, context.precision(), context.threads());
  }
}
