package org.sparsecode.gpu;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code nd4j-lca} plugin: {@link Nd4jLca} configured by {@link Nd4jLcaSettings}. */
public final class Nd4jLcaPlugin extends TypedPlugin<SparseSolver, Nd4jLcaSettings> {

  /** Creates the plugin (ServiceLoader). */
  public Nd4jLcaPlugin() {
    super("nd4j-lca", SparseSolver.class, Nd4jLcaSettings.class,
        "LCA on ND4J (the lca algorithm and keys, batched on a GPU or the CPU; plus batch, dtype)");
  }

  @Override
  protected SparseSolver build(Nd4jLcaSettings s, PluginContext context) {
    return new Nd4jLca(s, context.threads(), Nd4jPlugins.runtime("nd4j-lca", "lca", s.dtype()));
  }
}
