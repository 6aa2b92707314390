package org.sparsecode.gpu;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code nd4j-fista} plugin: {@link Nd4jFista} configured by {@link Nd4jFistaSettings}. */
public final class Nd4jFistaPlugin extends TypedPlugin<SparseSolver, Nd4jFistaSettings> {

  /** Creates the plugin (ServiceLoader). */
  public Nd4jFistaPlugin() {
    super("nd4j-fista", SparseSolver.class, Nd4jFistaSettings.class,
        "CBPDN by FISTA on ND4J (the fista algorithm, keys, fixed L, batched on a GPU or CPU; plus batch, dtype)");
  }

  @Override
  protected SparseSolver build(Nd4jFistaSettings s, PluginContext context) {
    return new Nd4jFista(s, context.threads(), Nd4jPlugins.runtime("nd4j-fista", "fista", s.dtype()));
  }
}
