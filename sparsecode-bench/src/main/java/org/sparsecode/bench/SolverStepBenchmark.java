package org.sparsecode.bench;

import java.util.concurrent.TimeUnit;
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
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.core.fft.FftBackend;

/**
 * The state shared by the one-iteration solver benchmarks on the {@link PaperProblem}: the precision and
 * thread parameters, a workspace prepared once per trial (as a solve does before its loop) and warmed by a
 * few iterations so the code is already sparse, closed after the trial. Each subclass opens its solver's
 * workspace and times one {@code iterate()} of it in its own {@code @Benchmark} method.
 *
 * @param <W> the solver's workspace
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class SolverStepBenchmark<W extends AutoCloseable> {

  /** Arithmetic of the solve. */
  @Param({"float32", "float64"})
  public String precision;

  /** FFT engine ({@code fftw} or {@code jtransforms}), made the process's before the workspace is opened. */
  @Param({"fftw", "jtransforms"})
  public String fft;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  /** The solve the benchmark advances, one iteration per call. */
  protected W workspace;

  private final int warmIterations;

  /**
   * A benchmark whose workspace is warmed by {@code warmIterations} iterations before timing.
   *
   * @param warmIterations iterations run once after preparing the workspace
   */
  protected SolverStepBenchmark(int warmIterations) {
    this.warmIterations = warmIterations;
  }

  /**
   * Prepares the solver's workspace on the problem.
   *
   * @param precision arithmetic of the solve
   * @param threads worker threads (resolved: at least 1)
   * @param dictionary the paper's dictionary
   * @param image the paper's image
   * @return the prepared workspace
   */
  protected abstract W open(Precision precision, int threads, Dictionary dictionary, Image image);

  /**
   * One iteration of the workspace (used to warm it).
   *
   * @param w the workspace
   * @return the iteration's statistics
   */
  protected abstract IterationStats iterate(W w);

  /** Loads the problem and prepares the solve. */
  @Setup(Level.Trial)
  public void prepare() {
    FftBackend.use(FftBackend.parse(fft));
    workspace = open(Precision.parse(precision), PaperProblem.threads(threads), PaperProblem.dictionary(),
        PaperProblem.image());
    for (int i = 0; i < warmIterations; i++) {
      iterate(workspace);
    }
  }

  /**
   * Stops the solve's threads.
   *
   * @throws Exception if the workspace fails to close
   */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    workspace.close();
  }
}
