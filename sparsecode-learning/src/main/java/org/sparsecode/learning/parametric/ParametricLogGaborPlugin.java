package org.sparsecode.learning.parametric;

import java.util.Map;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.TypedPlugin;
import org.sparsecode.learning.hebbian.HebbianPlugin;

/**
 * The {@code parametric-log-gabor} plugin: {@link ParametricLogGabor} configured by
 * {@link ParametricLogGaborSettings}; the {@code solver} block (or the default,
 * {@link ParametricLogGaborSettings#defaultSolver()}) is resolved through the {@link PluginRegistry}, its errors
 * naming {@code solver.<key>}.
 */
public final class ParametricLogGaborPlugin extends TypedPlugin<DictionaryLearner, ParametricLogGaborSettings> {

  /** Creates the plugin (ServiceLoader). */
  public ParametricLogGaborPlugin() {
    super(ParametricLogGabor.NAME, DictionaryLearner.class, ParametricLogGaborSettings.class,
        "learns the parameters (theta, B_theta, ...) of log-Gabor kernels by gradient descent on the coding"
            + " objective; the atoms stay log-Gabor kernels");
  }

  @Override
  protected DictionaryLearner build(ParametricLogGaborSettings s, PluginContext context) {
    Map<String, Object> block = s.solver() != null ? s.solver() : ParametricLogGaborSettings.defaultSolver();
    return new ParametricLogGabor(s, HebbianPlugin.solver(block, PluginRegistry.load(), context),
        "solver=" + block + "|precision=" + context.precision(), context.seed());
  }
}
