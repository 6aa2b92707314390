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
import org.sparsecode.core.kernel.LogGaborKernels;
import org.sparsecode.core.kernel.LogGaborKernels.Normalisation;
import org.sparsecode.core.kernel.LogGaborSettings;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;
import org.sparsecode.learning.online.OnlineCdl;
import org.sparsecode.learning.online.OnlineCdlSettings;
import org.sparsecode.learning.online.OnlineCdlStep;
import org.sparsecode.learning.parametric.LogGaborJacobian;
import org.sparsecode.learning.parametric.ParametricLogGabor;
import org.sparsecode.learning.parametric.ParametricLogGaborSettings;
import org.sparsecode.learning.parametric.ParametricStep;

/**
 * One {@code parametric-log-gabor} step against one {@code online-cdl} step with the same coding, in the same
 * run: the 144 12 × 12 'full' log-Gabor kernels, the 256 × 256 camera image, a fixed-ρ CBPDN of exactly
 * {@code maxIterations} iterations (RelStopTol 0) in both. Beyond the coding, the parametric step regenerates
 * the kernels with their Jacobians and chains the pixel gradient (the same 4K FFTs as online CDL's gradient,
 * plus one for the data term). The ratio of the two scores is the parametric overhead; it shrinks as
 * {@code maxIterations} grows (the paper's 300), since the coding dominates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ParametricStepBenchmark {

  /** CBPDN iterations per step (the paper's 300). */
  @Param({"300"})
  public int maxIterations;

  /** Worker threads; 0 means all available processors. */
  @Param({"0"})
  public int threads;

  private OnlineCdl online;
  private Dictionary onlineDictionary;
  private ParametricLogGabor parametric;
  private LogGaborJacobian generator;
  private double[] parameters;
  private List<Image> batch;

  /** Builds both learners and the problem. */
  @Setup(Level.Trial)
  public void prepare() {
    int n = PaperProblem.threads(threads);
    LogGaborSettings full = LogGaborSettings.preset("full");
    Dictionary d = LogGaborKernels.ofSize(full.size()).dictionary(full.sf0(), full.bsf(), full.thetaValues(),
        full.bThetaValues(), full.phaseValues(), Normalisation.PEAK);
    OnlineCdlSettings s = new OnlineCdlSettings(1, null, null, null, null, null, null, maxIterations, 0.0, null,
        "sequential", null, 0, null, null, null);
    online = new OnlineCdl(s, new PluginContext(0L, Precision.FLOAT64, n, Path.of("")));
    onlineDictionary = OnlineCdl.project(d, false);
    ConvBpdnAdmm solver = new ConvBpdnAdmm(new CbpdnAdmmSettings(s.lambda(), maxIterations, 0.0, 0.0, s.relaxation(),
        s.rho(), 1.0, false, AutoRhoSettings.disabled()), Precision.FLOAT64, n);
    parametric = new ParametricLogGabor(ParametricLogGaborSettings.defaults(1), solver, "bench", 0L);
    generator = new LogGaborJacobian(d.size());
    parameters = ParametricLogGabor.parameters(d);
    batch = List.of(PaperProblem.image());
  }

  /**
   * One online-CDL step.
   *
   * @return the step
   */
  @Benchmark
  public OnlineCdlStep onlineCdlStep() {
    return online.step(onlineDictionary, batch, 0);
  }

  /**
   * One parametric step.
   *
   * @return the step
   */
  @Benchmark
  public ParametricStep parametricStep() {
    return parametric.step(generator, Normalisation.PEAK, parameters, new double[parameters.length],
        new double[parameters.length], batch, 0);
  }
}
