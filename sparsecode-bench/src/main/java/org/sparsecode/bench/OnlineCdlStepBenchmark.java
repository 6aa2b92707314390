package org.sparsecode.bench;

import java.nio.file.Path;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.learning.online.OnlineCdl;
import org.sparsecode.learning.online.OnlineCdlSettings;
import org.sparsecode.learning.online.OnlineCdlStep;

/**
 * One {@code online-cdl} step at the paper's size: a fresh fixed-ρ CBPDN of {@code maxIterations} iterations
 * (the paper: 300; every step of the fixture runs all of them) on the 256 × 256 camera image with the 144
 * normalised 12 × 12 'full' atoms, then the DFT-domain gradient step, crop and normalisation. Each call is one
 * whole step from the same dictionary (SPORCO's {@code OnlineConvBPDNDictLearn.solve} on one image). Compare
 * with SPORCO timed in the same sitting with the same iteration count (RESULTS.md gives the script); a
 * shorter run: {@code -p maxIterations=30}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class OnlineCdlStepBenchmark {

  /** Arithmetic of the CBPDN. */
  @Param({"float32", "float64"})
  public String precision;

  /** FFT engine ({@code fftw} or {@code jtransforms}), made the process's before the learner is made. */
  @Param({"fftw", "jtransforms"})
  public String fft;

  /** CBPDN iterations per step (the paper's 300). */
  @Param({"300"})
  public int maxIterations;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  private OnlineCdl learner;
  private Dictionary dictionary;
  private List<Image> batch;

  /** Loads the problem. */
  @Setup(Level.Trial)
  public void prepare() {
    FftBackend.use(FftBackend.parse(fft));
    int n = PaperProblem.threads(threads);
    // RelStopTol 0: exactly maxIterations iterations, as the SPORCO timing (the paper's steps never stop early).
    OnlineCdlSettings s = new OnlineCdlSettings(1, null, null, null, null, null, null, maxIterations, 0.0, null,
        "sequential", null, 0, null, null, null);
    learner = new OnlineCdl(s, new PluginContext(0L, Precision.parse(precision), n, Path.of("")));
    dictionary = OnlineCdl.project(PaperProblem.dictionary(), false);
    batch = List.of(PaperProblem.image());
  }

  /**
   * One learning step.
   *
   * @return the step (consumed by JMH)
   */
  @Benchmark
  public OnlineCdlStep step() {
    return learner.step(dictionary, batch, 0);
  }
}
