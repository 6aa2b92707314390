package org.sparsecode.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.solver.fista.Fista;
import org.sparsecode.core.solver.fista.FistaSettings;

/**
 * One {@code fista} iteration (gradient at Y, soft threshold, Nesterov momentum, statistics: objective, data
 * term, ℓ1 norm, squared residual) at the paper's size: 144 kernels of 12 × 12 on a 256 × 256 image,
 * λ = 1e-2, no backtracking, L = the exact Lipschitz constant. The workspace (spectra, L, buffers, threads)
 * is prepared once per trial, as a solve does before its loop, and warmed by 5 iterations; each benchmark
 * call then advances the same solve by one iteration. Compare with SPORCO's {@code pgm.cbpdn.ConvBPDN} on
 * the same arrays: {@code sporco_time.py SPORCO dict_full_D.npy img_camera_lcn256.npy 1e-2 30 fista}.
 *
 * <p>Heap: run with {@code -jvmArgsAppend -Xmx400m} (both precisions fit) to check the target;
 * {@code -prof gc} shows the allocation per iteration.
 */
public class FistaIterationBenchmark extends SolverStepBenchmark<Fista.Workspace> {

  /** Prepares the workspace, then warms it by 5 iterations. */
  public FistaIterationBenchmark() {
    super(5);
  }

  @Override
  protected Fista.Workspace open(Precision precision, int threads, Dictionary dictionary, Image image) {
    return new Fista(FistaSettings.defaults(), precision, threads, true).workspace(dictionary, image, null);
  }

  @Override
  protected IterationStats iterate(Fista.Workspace w) {
    return w.iterate();
  }

  /**
   * One FISTA iteration.
   *
   * @return the iteration's statistics (consumed by JMH)
   */
  @Benchmark
  public IterationStats iteration() {
    return workspace.iterate();
  }
}
