package org.sparsecode.learning.online;

import java.util.Optional;
import java.util.ServiceLoader;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Gives the dictionary step a backend that goes with the solver coding the steps: a module whose solvers run
 * on a device (sparsecode-gpu's {@code nd4j-*}) registers one in {@code META-INF/services}, so that a learner
 * coding with them also computes its gradient there, with nothing more in the experiment file, and without
 * this module depending on that one. Without a provider that takes the solver the gradient is {@link
 * DictionaryGradient#cpu()}.
 */
public interface DictionaryGradientProvider {

  /**
   * The backend for the learner's solver.
   *
   * @param solver the solver of the learner's {@code solver} block, created by its plugin
   * @param context the run's precision, threads and seed
   * @return the backend, or empty when this provider does not know the solver
   */
  Optional<DictionaryGradient> forSolver(SparseSolver solver, PluginContext context);

  /**
   * The backend of the first provider on the class path that takes the solver.
   *
   * @param solver the learner's solver, or null for the default {@code cbpdn-admm}
   * @param context the run's context
   * @return that backend, else {@link DictionaryGradient#cpu()}
   */
  static DictionaryGradient find(SparseSolver solver, PluginContext context) {
    if (solver == null) {
      return DictionaryGradient.cpu();
    }
    // the solver's own class loader sees the module that made it, and so that module's provider
    ClassLoader loader = solver.getClass().getClassLoader();
    for (DictionaryGradientProvider p : ServiceLoader.load(DictionaryGradientProvider.class, loader)) {
      Optional<DictionaryGradient> g = p.forSolver(solver, context);
      if (g.isPresent()) {
        return g.get();
      }
    }
    return DictionaryGradient.cpu();
  }
}
