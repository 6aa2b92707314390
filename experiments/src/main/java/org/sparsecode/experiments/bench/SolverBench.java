package org.sparsecode.experiments.bench;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentConfig;

/**
 * Times solvers on one problem (an experiment file's first image, its dictionary and its solver call): the
 * time per iteration by difference of two solves run to their limit, the set-up, and peak memory.
 */
public final class SolverBench {
  private final PluginRegistry registry;
  private final Path problem;
  private final List<String> overrides;
  private final Settings settings;
  private final Consumer<String> log;

  /**
   * What to measure and how often.
   *
   * @param threads the worker threads given to each solver, at least 1
   * @param iterations the longer solve's iterations, above {@code shortIterations}
   * @param shortIterations the shorter solve's iterations, at least 1
   * @param repeats how many times each solve is timed (the median is kept), at least 1
   */
  public record Settings(int threads, int iterations, int shortIterations, int repeats) {
    /** Validates. */
    public Settings {
      if (threads < 1) {
        throw new ConfigError("--threads must be at least 1, got " + threads);
      }
      if (shortIterations < 1) {
        throw new ConfigError("--short-iterations must be at least 1, got " + shortIterations);
      }
      if (iterations <= shortIterations) {
        throw new ConfigError("--iterations must be above --short-iterations (" + shortIterations + "), got "
            + iterations);
      }
      if (repeats < 1) {
        throw new ConfigError("--repeats must be at least 1, got " + repeats);
      }
    }
  }

  /**
   * Creates a bench.
   *
   * @param registry the plugins solvers are looked up in
   * @param problem the experiment file that gives the image, the dictionary and the solver call
   * @param overrides {@code --set} values applied to it
   * @param settings threads, iteration counts and repeats
   * @param log receives one line per solve group, for progress
   */
  public SolverBench(PluginRegistry registry, Path problem, List<String> overrides, Settings settings,
      Consumer<String> log) {
    this.registry = registry;
    this.problem = problem;
    this.overrides = List.copyOf(overrides);
    this.settings = settings;
    this.log = log;
  }

  /**
   * The problem's own solver type (its {@code solver.type}).
   *
   * @return a solver plugin name
   * @throws ConfigError when the problem file has no {@code solver:} block
   */
  public String problemSolver() {
    return base().solver().type();
  }

  /**
   * Measures one solver in one precision on one FFT engine.
   *
   * @param solverType a solver plugin's name
   * @param precision {@code float32} or {@code float64}
   * @param fft {@code auto}, {@code fftw} or {@code jtransforms}
   * @param batch the images per call: 1, or more for a solver that codes batches ({@link BatchSolver}; its
   *     {@code batch} setting is set to it), the problem's images taken in turn
   * @return the measurement
   * @throws ConfigError when the solver is unknown, has no iteration limit to set, or cannot batch
   */
  public BenchResult measure(String solverType, String precision, String fft, int batch) {
    ExperimentConfig base = base();
    Plugin<?> plugin = solverPlugin(solverType);
    int perImage = maxIterations(base.solver().settings());
    if (perImage < 1) {
      perImage = settings.iterations();
    }
    FftBackend previous = FftBackend.current();
    try {
      Problem shortSolve = problem(base, plugin, precision, fft, settings.shortIterations(), batch);
      Problem longSolve = problem(base, plugin, precision, fft, settings.iterations(), batch);
      String label = solverType + " " + precision + " " + shortSolve.fft + (batch > 1 ? " batch " + batch : "");
      log.accept(label + ": warming up");
      shortSolve.run();
      long[] shortNanos = new long[settings.repeats()];
      long[] longNanos = new long[settings.repeats()];
      for (int r = 0; r < settings.repeats(); r++) {
        shortNanos[r] = shortSolve.run();
        longNanos[r] = longSolve.run();
        log.accept(String.format(Locale.ROOT, "%s: repeat %d/%d, %d iterations %.1f ms, %d iterations %.1f ms",
            label, r + 1, settings.repeats(), settings.shortIterations(), shortNanos[r] / 1e6,
            settings.iterations(), longNanos[r] / 1e6));
      }
      double shortMs = median(shortNanos) / 1e6;
      double longMs = median(longNanos) / 1e6;
      double[] split = split(shortMs, settings.shortIterations(), longMs, settings.iterations());
      double perIteration = split[0];
      double setup = split[1];
      if (longMs <= shortMs) {
        log.accept(label + ": the longer solve was not slower than the shorter one: the machine is too busy for"
            + " steady figures (try more --repeats or --iterations)");
      }
      PeakMemory memory = PeakMemory.start();
      longSolve.run();
      long heap = memory.heapBytes();
      long resident = memory.residentBytes();
      double imagesPerSecond = batch * 1000.0 / (setup + perImage * perIteration);
      return new BenchResult(solverType, precision, shortSolve.fft, settings.threads(), batch, perIteration, setup,
          imagesPerSecond, perImage, heap, resident);
    } finally {
      FftBackend.use(previous);
    }
  }

  /**
   * Splits two solve times into the time per iteration and the set-up, from {@code t = setup + n × perIteration}
   * at two iteration counts; a difference that noise made negative counts as zero.
   *
   * @param shortMs the shorter solve's time
   * @param shortIterations its iterations
   * @param longMs the longer solve's time
   * @param longIterations its iterations, above {@code shortIterations}
   * @return {@code {perIteration, setup}} in milliseconds, both at least 0
   */
  static double[] split(double shortMs, int shortIterations, double longMs, int longIterations) {
    double perIteration = Math.max(0, (longMs - shortMs) / (longIterations - shortIterations));
    double setup = Math.max(0, shortMs - shortIterations * perIteration);
    return new double[] {perIteration, setup};
  }

  private ExperimentConfig base() {
    ExperimentConfig config = new ConfigLoader(registry).load(problem, overrides).experiments().get(0);
    if (config.images() == null) {
      throw new ConfigError(problem + ": the benchmark's problem needs an images: block (it times the first image);"
          + " a data: file's images are coded by run");
    }
    if (config.solver() == null) {
      throw new ConfigError(problem + ": the benchmark's problem needs a solver: block (it gives lambda and the"
          + " iterations an image gets)");
    }
    return config;
  }

  private Plugin<?> solverPlugin(String type) {
    List<Plugin<?>> solvers = registry.all().stream().filter(p -> p.role() == SparseSolver.class).toList();
    return solvers.stream().filter(p -> p.name().equals(type)).findFirst().orElseThrow(() -> new ConfigError(
        "--solver " + type + ": no such solver; available: "
            + String.join(", ", solvers.stream().map(Plugin::name).sorted().toList())));
  }

  /**
   * Whether a solver codes batches of images in one call.
   *
   * @param solverType a solver plugin's name
   * @return true for a {@link BatchSolver} (its settings have a {@code batch} key)
   */
  public boolean batches(String solverType) {
    return Arrays.stream(solverPlugin(solverType).settings().getRecordComponents())
        .anyMatch(c -> c.getName().equals("batch"));
  }

  /** The problem set for one solve length: the file with this solver, precision, engine and iteration limit. */
  private Problem problem(ExperimentConfig base, Plugin<?> plugin, String precision, String fft, int iterations,
      int batch) {
    List<String> keys = Arrays.stream(plugin.settings().getRecordComponents()).map(RecordComponent::getName)
        .toList();
    if (!keys.contains("maxIterations")) {
      throw new ConfigError("--solver " + plugin.name() + ": bench times iterative solvers by their"
          + " maxIterations setting, and " + plugin.name() + " has none (its settings: " + String.join(", ", keys)
          + ")");
    }
    List<String> sets = new ArrayList<>(overrides);
    if (!plugin.name().equals(base.solver().type())) {
      StringBuilder block = new StringBuilder("solver={type: " + plugin.name());
      if (keys.contains("lambda") && !Double.isNaN(lambda(base.solver().settings()))) {
        block.append(", lambda: ").append(lambda(base.solver().settings()));
      }
      sets.add(block.append('}').toString());
    }
    sets.add("solver.maxIterations=" + iterations);
    if (keys.contains("relStopTol")) {
      // a zero tolerance runs every iteration, so that two solves differ by exactly their iteration counts
      sets.add("solver.relStopTol=0");
    }
    if (keys.contains("batch")) {
      sets.add("solver.batch=" + batch);
    } else if (batch != 1) {
      throw new ConfigError("--batch " + batch + ": " + plugin.name() + " codes one image per call (only solvers"
          + " with a batch setting, such as the nd4j-* ones, take batches)");
    }
    sets.add("precision=" + precision);
    sets.add("fft=" + fft);
    ExperimentConfig config = new ConfigLoader(registry).load(problem, sets).experiments().get(0);
    String engine = FftBackend.use(config.fft()).yamlName();
    PluginContext context = new PluginContext(config.seed(), config.precision(), settings.threads(),
        config.baseDirectory());
    ImageSource source = config.images().create(context);
    List<Image> images = new ArrayList<>(batch);
    for (int i = 0; i < batch; i++) {
      images.add(source.get(i % source.size()));
    }
    Dictionary dictionary = config.dictionary().create(context).generate();
    SparseSolver solver = config.solver().create(context);
    if (solver instanceof BatchSolver b) {
      // a solver that brings its own arithmetic (ND4J) says what it runs on instead of the FFT engine
      Map<String, String> device = b.device();
      engine = device.containsKey("backend") ? "nd4j-" + device.get("backend") : engine;
    }
    return new Problem(solver, dictionary, images, iterations, engine, plugin.name());
  }

  private static int maxIterations(Record settings) {
    Object v = component(settings, "maxIterations");
    return v instanceof Number n ? n.intValue() : -1;
  }

  private static double lambda(Record settings) {
    Object v = component(settings, "lambda");
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static Object component(Record settings, String name) {
    for (RecordComponent c : settings.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return c.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** One solve, ready to be timed. */
  private record Problem(SparseSolver solver, Dictionary dictionary, List<Image> images, int iterations, String fft,
      String name) {
    /** Solves once (the whole batch) and returns the nanoseconds it took; a solve that stops early is an error. */
    long run() {
      long t0 = System.nanoTime();
      List<CodingResult> results = solver instanceof BatchSolver b && images.size() > 1
          ? b.solveBatch(dictionary, images, Collections.nCopies(images.size(), SolveListener.NONE))
          : List.of(solver.solve(dictionary, images.get(0)));
      long t = System.nanoTime() - t0;
      for (CodingResult result : results) {
        check(result);
      }
      return t;
    }

    private void check(CodingResult result) {
      if (result.iterations() != iterations) {
        throw new SparsecodeException("--solver " + name + ": stopped after " + result.iterations() + " of "
            + iterations + " iterations although its stopping tolerance is zero; bench needs solves that run to"
            + " their limit");
      }
    }
  }
}
