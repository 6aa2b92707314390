package org.sparsecode.gpu;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code nd4j-cbpdn-admm} plugin: {@link Nd4jConvBpdnAdmm} configured by {@link Nd4jCbpdnAdmmSettings}. */
public final class Nd4jCbpdnAdmmPlugin extends TypedPlugin<SparseSolver, Nd4jCbpdnAdmmSettings> {

  /** Creates the plugin (ServiceLoader). */
  public Nd4jCbpdnAdmmPlugin() {
    super("nd4j-cbpdn-admm", SparseSolver.class, Nd4jCbpdnAdmmSettings.class,
        "CBPDN by ADMM on ND4J (the cbpdn-admm algorithm and keys, batched on a GPU or the CPU; plus batch, dtype)");
  }

  @Override
  protected SparseSolver build(Nd4jCbpdnAdmmSettings s, PluginContext context) {
    return new Nd4jConvBpdnAdmm(s, context.threads(),
        Nd4jPlugins.runtime("nd4j-cbpdn-admm", "cbpdn-admm", s.dtype()));
  }
}
