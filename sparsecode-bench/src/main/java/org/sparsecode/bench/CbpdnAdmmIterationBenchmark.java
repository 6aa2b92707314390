package org.sparsecode.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

/**
 * One {@code cbpdn-admm} iteration (x-step, relaxation, y-step, u-step, residuals, statistics, AutoRho) at
 * the paper's size: 144 kernels of 12 × 12 on a 256 × 256 image, λ = 1e-2, the paper's settings. The
 * workspace (kernel and image spectra, buffers, threads) is prepared once per trial, as a solve does before
 * its loop, and warmed by 5 iterations so the code is already sparse; each benchmark call then advances the
 * same solve by one iteration. Compare with SPORCO on the same arrays:
 * {@code sporco_time.py SPORCO dict_full_D.npy img_camera_lcn256.npy 1e-2 30 admm}.
 *
 * <p>Heap: run the float32 case with {@code -jvmArgsAppend -Xmx400m} and float64 with {@code -Xmx800m} to
 * check the solve fits; {@code -prof gc} shows the (near-zero) allocation per iteration.
 */
public class CbpdnAdmmIterationBenchmark extends SolverStepBenchmark<ConvBpdnAdmm.Workspace> {

  /** Prepares the workspace, then warms it by 5 iterations. */
  public CbpdnAdmmIterationBenchmark() {
    super(5);
  }

  @Override
  protected ConvBpdnAdmm.Workspace open(Precision precision, int threads, Dictionary dictionary, Image image) {
    return new ConvBpdnAdmm(CbpdnAdmmSettings.defaults(), precision, threads).workspace(dictionary, image);
  }

  @Override
  protected IterationStats iterate(ConvBpdnAdmm.Workspace w) {
    return w.iterate();
  }

  /**
   * One ADMM iteration.
   *
   * @return the iteration's statistics (consumed by JMH)
   */
  @Benchmark
  public IterationStats iteration() {
    return workspace.iterate();
  }
}
