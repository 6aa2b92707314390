package org.sparsecode.learning.hebbian;

import java.util.Map;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginBlocks;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code hebbian} plugin: {@link Hebbian} configured by {@link HebbianSettings}. The {@code solver} block
 * (a {@link org.sparsecode.api.PluginBlock}, so the loader checks it when the file is read) is resolved through
 * the {@link PluginRegistry} of the context class loader and bound with {@link PluginBlocks}; its errors name
 * {@code solver.<key>}.
 */
public final class HebbianPlugin extends TypedPlugin<DictionaryLearner, HebbianSettings> {
  /** The solver used when the settings give none and {@code lca} is on the class path. */
  public static final String PREFERRED_SOLVER = "lca";
  /** The solver used when the settings give none and {@code lca} is not on the class path. */
  public static final String FALLBACK_SOLVER = "cbpdn-admm";

  /** Creates the plugin (ServiceLoader). */
  public HebbianPlugin() {
    super("hebbian", DictionaryLearner.class, HebbianSettings.class,
        "Hebbian update of lca-pytorch: code one image with any solver, d_k += lr <x_k, residual>, renormalise");
  }

  @Override
  protected DictionaryLearner build(HebbianSettings s, PluginContext context) {
    return new Hebbian(s, solver(s.solver(), PluginRegistry.load(), context), context.seed());
  }

  /**
   * Creates the solver of a {@code solver:} block.
   *
   * @param block the block with its {@code type}, or null for the default ({@value #PREFERRED_SOLVER} if
   *     registered, else {@value #FALLBACK_SOLVER})
   * @param registry where to find solver plugins
   * @param context the run's services
   * @return the solver
   * @throws ConfigException on {@code solver.type} for an unknown solver, {@code solver.<key>} for a bad setting
   */
  public static SparseSolver solver(Map<String, Object> block, PluginRegistry registry, PluginContext context) {
    Map<String, Object> values = block;
    if (values == null) {
      boolean hasLca = registry.ofRole(SparseSolver.class).stream().anyMatch(p -> p.name().equals(PREFERRED_SOLVER));
      values = Map.of("type", hasLca ? PREFERRED_SOLVER : FALLBACK_SOLVER);
    }
    return PluginBlocks.create(SparseSolver.class, values, "solver", registry, context);
  }
}
