package org.sparsecode.gpu;

import java.util.List;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.CodingResult;

/**
 * CBPDN by ADMM on ND4J ({@code nd4j-cbpdn-admm}), batched: the algorithm of sparsecode-core's
 * {@code cbpdn-admm} (SPORCO's {@code admm.cbpdn.ConvBPDN}) with the same settings, statistics and stopping,
 * several images at once (see {@link AdmmRun}).
 */
public final class Nd4jConvBpdnAdmm extends Nd4jSolver {
  private final Nd4jCbpdnAdmmSettings settings;

  /**
   * Creates the solver.
   *
   * @param settings the validated settings
   * @param threads the CPU backend's threads (the run's), at least 1
   * @param runtime the started backend
   */
  public Nd4jConvBpdnAdmm(Nd4jCbpdnAdmmSettings settings, int threads, Nd4jRuntime runtime) {
    super("nd4j-cbpdn-admm", settings.batch(), Dtype.parse(settings.dtype()), settings.lambda(), threads,
        runtime);
    this.settings = settings;
  }

  @Override
  protected List<CodingResult> run(Dictionary dictionary, List<BatchRun.Slot> slots) {
    return new AdmmRun(name, dictionary, slots, dtype.nd4j(), settings.core()).run(settings.maxIterations());
  }

  @Override
  protected long elementsPerImage(long count, long height, long width) {
    return AdmmRun.elementsPerImage(count, height, width);
  }
}
