package org.sparsecode.gpu;

import java.util.List;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;

/**
 * CBPDN by FISTA on ND4J ({@code nd4j-fista}), batched: the algorithm of sparsecode-core's {@code fista} with a
 * fixed L, the same settings, statistics and stopping, several images at once (see {@link FistaRun}).
 */
public final class Nd4jFista extends Nd4jSolver {
  private final Nd4jFistaSettings settings;

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param threads the CPU backend's threads (the run's), at least 1
   * @param runtime the started backend
   */
  public Nd4jFista(Nd4jFistaSettings settings, int threads, Nd4jRuntime runtime) {
    super("nd4j-fista", settings.batch(), Dtype.parse(settings.dtype()), settings.lambda(), threads,
        runtime);
    this.settings = settings;
  }

  @Override
  protected List<CodingResult> run(Dictionary dictionary, List<BatchRun.Slot> slots) {
    return new FistaRun(name, dictionary, slots, dtype.nd4j(), settings.core(), true).run(settings.maxIterations());
  }

  @Override
  protected long elementsPerImage(long count, long height, long width) {
    return FistaRun.elementsPerImage(count, height, width);
  }
}
