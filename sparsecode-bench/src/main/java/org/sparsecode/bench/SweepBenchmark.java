package org.sparsecode.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.sweep.SweepOptions;
import org.sparsecode.experiments.sweep.SweepProgress;
import org.sparsecode.experiments.sweep.SweepRunner;

/**
 * A whole sweep of 12 cells (6 λ × the thin and full log-Gabor dictionaries, two 64 × 64 photographs each,
 * 60 FISTA iterations) into a fresh directory, with the machine's threads: {@code split=parallel} runs the
 * cells at once on the default split (as many cells as threads, one thread each), {@code split=sequential} runs
 * them one after another with every thread each, which is the sum of the cells run alone. The target: parallel
 * takes no more than 1.1× sequential. Both write every file a sweep writes (each cell's run directory, plots and
 * reports, the sweep's tables).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class SweepBenchmark {
  /** The sweep. */
  static final String SWEEP = """
      name: bench-sweep
      images: {type: embedded, size: 64, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 12}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 60, relStopTol: 0}
      metrics: [psnr, sparseness]
      sweep:
        solver.lambda: {logspace: [-3, -1, 6]}
        dictionary.preset: [thin, full]
      """;

  /** {@code parallel}: the default split; {@code sequential}: one cell at a time with every thread. */
  @Param({"parallel", "sequential"})
  public String split;

  private Path work;
  private ExperimentPlan plan;
  private Path out;
  private int threads;

  /**
   * Loads the sweep.
   *
   * @throws IOException when the temporary directory cannot be written
   */
  @Setup(Level.Trial)
  public void load() throws IOException {
    work = Files.createTempDirectory("sweep-bench");
    Path file = Files.writeString(work.resolve("sweep.yaml"), SWEEP);
    plan = new ConfigLoader(PluginRegistry.load()).load(file, List.of());
    threads = Runtime.getRuntime().availableProcessors();
  }

  /** A fresh output directory for each sweep. */
  @Setup(Level.Invocation)
  public void fresh() {
    delete(out);
    out = work.resolve("out");
  }

  /**
   * Runs the sweep.
   *
   * @return its outcome (consumed by JMH)
   */
  @Benchmark
  public SweepRunner.Outcome sweep() {
    Integer parallel = "sequential".equals(split) ? 1 : null;
    return new SweepRunner(plan, new SweepOptions(threads, parallel, false, ProgressReporter.NONE,
        SweepProgress.NONE)).run(out);
  }

  /** Deletes the temporary directory. */
  @TearDown(Level.Trial)
  public void clean() {
    delete(work);
  }

  private static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
