package org.sparsecode.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.sparsecode.api.Precision;
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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CbpdnAdmmIterationBenchmark {

  /** Arithmetic of the solve. */
  @Param({"float32", "float64"})
  public String precision;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  private ConvBpdnAdmm.Workspace workspace;

  /** Loads the problem and prepares the solve. */
  @Setup(Level.Trial)
  public void prepare() {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    ConvBpdnAdmm solver = new ConvBpdnAdmm(CbpdnAdmmSettings.defaults(), Precision.parse(precision), n);
    workspace = solver.workspace(PaperProblem.dictionary(), PaperProblem.image());
    for (int i = 0; i < 5; i++) {
      workspace.iterate();
    }
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

  /** Stops the solve's threads. */
  @TearDown(Level.Trial)
  public void close() {
    workspace.close();
  }
}
