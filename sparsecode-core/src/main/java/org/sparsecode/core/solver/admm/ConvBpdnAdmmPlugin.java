package org.sparsecode.core.solver.admm;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;

/** The {@code cbpdn-admm} plugin: {@link ConvBpdnAdmm} configured by {@link CbpdnAdmmSettings}. */
public final class ConvBpdnAdmmPlugin implements Plugin<SparseSolver> {

  /** Creates the plugin (ServiceLoader). */
  public ConvBpdnAdmmPlugin() {}

  @Override
  public String name() {
    return "cbpdn-admm";
  }

  @Override
  public Class<SparseSolver> role() {
    return SparseSolver.class;
  }

  @Override
  public Class<? extends Record> settings() {
    return CbpdnAdmmSettings.class;
  }

  @Override
  public SparseSolver create(Record settings, PluginContext context) {
    if (!(settings instanceof CbpdnAdmmSettings s)) {
      throw new IllegalArgumentException("cbpdn-admm expects CbpdnAdmmSettings, got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return new ConvBpdnAdmm(s, context.precision(), context.threads());
  }

  @Override
  public String description() {
    return "CBPDN by ADMM in the DFT domain (SPORCO admm.cbpdn.ConvBPDN; defaults = the paper's call)";
  }
}
