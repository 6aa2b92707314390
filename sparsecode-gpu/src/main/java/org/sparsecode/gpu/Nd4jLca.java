package org.sparsecode.gpu;

import java.util.List;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;

/**
 * The Locally Competitive Algorithm on ND4J ({@code nd4j-lca}), batched: the algorithm of sparsecode-core's
 * {@code lca} with the same settings, statistics and stopping, several images at once (see {@link LcaRun}).
 */
public final class Nd4jLca extends Nd4jSolver {
  private final Nd4jLcaSettings settings;

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param threads the CPU backend's threads (the run's), at least 1
   * @param runtime the started backend
   */
  public Nd4jLca(Nd4jLcaSettings settings, int threads, Nd4jRuntime runtime) {
    super("nd4j-lca", settings.batch(), Dtype.parse(settings.dtype()), settings.lambda(), threads,
        runtime);
    this.settings = settings;
  }

  @Override
  protected List<CodingResult> run(Dictionary dictionary, List<BatchRun.Slot> slots) {
    return new LcaRun(name, dictionary, slots, dtype.nd4j(), settings.core()).run(settings.maxIterations());
  }

  @Override
  protected long elementsPerImage(long count, long height, long width) {
    return LcaRun.elementsPerImage(count, height, width);
  }
}
