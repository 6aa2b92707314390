package org.sparsecode.learning.online;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.TypedPlugin;
import org.sparsecode.learning.hebbian.HebbianPlugin;

/**
 * The {@code online-cdl} plugin: {@link OnlineCdl} configured by {@link OnlineCdlSettings}. A {@code solver} block
 * is resolved as {@code hebbian}'s ({@link HebbianPlugin#solver}: the registry of the context class loader, errors
 * naming {@code solver.<key>}); without one the learner builds the paper's {@code cbpdn-admm} from the flat keys.
 * The dictionary step runs where a {@link DictionaryGradientProvider} for the block's solver says (the ND4J
 * solvers' on ND4J), else on the CPU.
 */
public final class OnlineCdlPlugin extends TypedPlugin<DictionaryLearner, OnlineCdlSettings> {

  /** Creates the plugin (ServiceLoader). */
  public OnlineCdlPlugin() {
    super("online-cdl", DictionaryLearner.class, OnlineCdlSettings.class,
        "online convolutional dictionary learning (SPORCO OnlineConvBPDNDictLearn, the paper's learning; any"
            + " solver with a solver block)");
  }

  @Override
  protected DictionaryLearner build(OnlineCdlSettings s, PluginContext context) {
    SparseSolver solver = s.hasSolverBlock() ? HebbianPlugin.solver(s.solver(), PluginRegistry.load(), context)
        : null;
    OnlineCdl learner = new OnlineCdl(s, context, solver);
    return solver == null ? learner
        : learner.withDictionaryGradient(DictionaryGradientProvider.find(solver, context));
  }
}
