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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FistaIterationBenchmark {

  /** Arithmetic of the solve. */
  @Param({"float32", "float64"})
  public String precision;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  private Fista.Workspace workspace;

  /** Loads the problem and prepares the solve. */
  @Setup(Level.Trial)
  public void prepare() {
    int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    Fista solver = new Fista(FistaSettings.defaults(), Precision.parse(precision), n, true);
    workspace = solver.workspace(PaperProblem.dictionary(), PaperProblem.image(), null);
    for (int i = 0; i < 5; i++) {
      workspace.iterate();
    }
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

  /** Stops the solve's threads. */
  @TearDown(Level.Trial)
  public void close() {
    workspace.close();
  }
}
