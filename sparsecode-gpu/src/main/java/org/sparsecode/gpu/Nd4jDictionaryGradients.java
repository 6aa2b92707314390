package org.sparsecode.gpu;

import java.util.Optional;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.learning.online.DictionaryGradient;
import org.sparsecode.learning.online.DictionaryGradientProvider;

/**
 * Registered in {@code META-INF/services}: an online-CDL learner coding with an {@code nd4j-*} solver does its
 * dictionary step on ND4J too ({@link Nd4jDictionaryGradient}), on the same backend, in the solver's {@code dtype}
 * and {@code batch}. Every other solver keeps the CPU's.
 */
public final class Nd4jDictionaryGradients implements DictionaryGradientProvider {

  /** Creates the provider (ServiceLoader). */
  public Nd4jDictionaryGradients() {
    // nothing to hold: the solver carries the configuration
  }

  @Override
  public Optional<DictionaryGradient> forSolver(SparseSolver solver, PluginContext context) {
    return solver instanceof Nd4jSolver s ? Optional.of(s.dictionaryGradient()) : Optional.empty();
  }
}
