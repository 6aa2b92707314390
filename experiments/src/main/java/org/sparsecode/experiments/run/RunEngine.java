package org.sparsecode.experiments.run;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.kernel.KernelInfo;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.eval.plot.ParameterPaths;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.api.solver.BatchSolverException;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.eval.metric.Measures;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.BuildInfo;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.learning.checkpoint.Checkpointable;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;
import org.sparsecode.learning.online.OnlineCdl;
import org.sparsecode.learning.parametric.ParametricLogGabor;
import org.sparsecode.learning.parametric.Trajectories;
import org.sparsecode.learning.refit.AtomFit;
import org.sparsecode.learning.refit.LogGaborRefit;
import org.sparsecode.learning.refit.OrientationHistogram;
import org.sparsecode.learning.refit.RefitResult;
import org.sparsecode.learning.refit.RefitSettings;

/**
 * Runs one experiment into its directory: generates the dictionary, learns from it when a learner is
 * configured, codes every image in order, measures each code, and writes {@code config.yaml},
 * {@code dictionary.npy}, {@code metrics.csv} and {@code results.json}, each atomically, and
 * the plots {@code dictionary.png} and {@code reconstruction-<id>.png} of the first image ({@code RunPlots}).
 * After learning it also draws the objective per step ({@code learning-objective.png}) and, for even kernel
 * sizes, re-fits a log-Gabor kernel to each learned atom ({@code refit.csv}, {@code refit-histogram.csv},
 * {@code refit.json}, {@code orientation-bandwidth.png}; a summary in results.json's learning block).
 *
 * <p>Images are coded one after the other (a {@link BatchSolver} is handed up to its {@code batchSize()} of
 * them per call, and the results still go image by image); the solver uses the run's threads inside each solve,
 * and its sums run over fixed blocks combined in a fixed order, so the numbers depend neither on scheduling nor
 * on the thread count. {@code results.json} is rewritten after each image with
 * {@code "status": "running"} (a killed run shows how far it went, and a new run of the same configuration
 * into the same directory resumes after the last coded image; a learner that is {@link Checkpointable} resumes
 * from its checkpoint in the directory instead) and, once every other file is written, a last time
 * with {@code "status": "complete"}.
 */
public final class RunEngine {
  private final ExperimentConfig config;
  private final PluginContext context;
  private final ImageSource images;
  private final KernelGenerator generator;
  private final Optional<DictionaryLearner> learner;
  private final Optional<SparseSolver> solver;
  private final List<NamedMetric> metrics;
  private final RunDirectory out;
  private final ProgressReporter progress;
  /** Whether the FFT engine was named in the log (once per process). */
  private static final java.util.concurrent.atomic.AtomicBoolean FFT_SAID =
      new java.util.concurrent.atomic.AtomicBoolean();
  private final Provider<ExecutorService> executor;
  private final Map<String, Object> cell;
  private CodeStatistics stats;
  /** What {@link #preflight()} found, kept so that a run after it neither generates nor reads them again. */
  private Dictionary checked;
  private Image first;
  private double preflightSeconds;

  /**
   * Creates the engine (by Guice, from an {@link ExperimentModule}).
   *
   * @param config the experiment
   * @param context the shared plugin context
   * @param images the image source
   * @param generator the dictionary generator
   * @param learner the dictionary learner, when configured
   * @param solver the solver, absent when only learning runs
   * @param metrics the listed metrics
   * @param out the run directory
   * @param progress the progress reporter
   * @param executor the worker pool (created on first use)
   * @param options the command line's choices (the sweep cell's name and values, recorded in results.json)
   */
  @Inject
  public RunEngine(ExperimentConfig config, PluginContext context, ImageSource images, KernelGenerator generator,
      Optional<DictionaryLearner> learner, Optional<SparseSolver> solver, List<NamedMetric> metrics,
      RunDirectory out, ProgressReporter progress, Provider<ExecutorService> executor, RunOptions options) {
    this.config = config;
    this.context = context;
    this.images = images;
    this.generator = generator;
    this.learner = learner;
    this.solver = solver;
    this.metrics = metrics;
    this.out = out;
    this.progress = progress;
    this.executor = executor;
    this.cell = options.cell();
  }

  /**
   * The configured image source.
   *
   * @return the images this run codes
   */
  public ImageSource images() {
    return images;
  }

  /**
   * The dictionary {@link #preflight()} generated.
   *
   * @return it
   * @throws IllegalStateException before {@link #preflight()}
   */
  public Dictionary dictionary() {
    if (checked == null) {
      throw new IllegalStateException("preflight() first");
    }
    return checked;
  }

  /**
   * The configured solver.
   *
   * @return the solver, absent when only learning runs
   */
  public Optional<SparseSolver> solver() {
    return solver;
  }

  /**
   * Runs the experiment and writes its directory. A learning run whose directory holds the results of its
   * learning stage (a run killed while coding, or {@link #learn()} run first) codes with the dictionary
   * learned then ({@link RunDirectory#LEARNED}) and resumes after the last coded image.
   *
   * @return the finished result (as written to {@code results.json})
   * @throws SparsecodeException when the directory cannot be written, the kernels do not fit the images,
   *     or a solve fails (naming the image and the iteration)
   */
  public RunResult run() {
    return run(Part.WHOLE);
  }

  /**
   * Runs the learning stage only: learns (resuming from a checkpoint in the directory), writes the learned
   * dictionary, its plots and re-fit, and {@code results.json} as a run in progress that has coded no image
   * yet. A later {@link #run()} into the same directory codes with that dictionary; so do blocks of the images
   * given it ({@link #codeBlock()}).
   *
   * @return the result in progress (as written to {@code results.json})
   * @throws SparsecodeException as {@link #run()}
   */
  public RunResult learn() {
    return run(Part.LEARN);
  }

  /**
   * Codes this engine's images as a block of a larger run: never learns (the generator gives the dictionary
   * to code with, learned or not), resumes after the last coded image, writes {@code results.json} complete
   * and keeps the pooled coefficient statistics ({@link RunDirectory#PARTIAL_SUMS}), which the run that puts
   * the blocks together merges; it writes no tables, plots or report.
   *
   * @return the block's result
   * @throws SparsecodeException as {@link #run()}
   */
  public RunResult codeBlock() {
    return run(Part.BLOCK);
  }

  /** What {@link #run(Part)} runs. */
  private enum Part {
    WHOLE, LEARN, BLOCK
  }

  private RunResult run(Part part) {
    ExecutorService pool = null;
    try {
      FftBackend fft = useFft();
      Provenance provenance = new Provenance(BuildInfo.version(), BuildInfo.gitCommit(),
          System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.version"),
          System.getProperty("os.arch"), context.threads(), Instant.now().toString(), null,
          context.precision().yamlName(), null, fft.yamlName())
          .withDevice(solver.orElse(null) instanceof BatchSolver b ? b.device() : null);
      String sha = Json.sha256(config.resolved());
      Map<String, Double> stages = new LinkedHashMap<>();
      long clock = System.nanoTime();
      // Fail before the run directory holds anything when the dictionary, the memory or the first image is wrong.
      Dictionary dictionary = preflight();
      stages.put("dictionary", preflightSeconds);
      clock = System.nanoTime();
      out.create();
      stats = CodeStatistics.of(config, metrics, out, progress);
      out.writeString(RunDirectory.CONFIG, "# resolved configuration of experiment " + config.name()
          + (config.variant() == null ? "" : ", variant " + config.variant()) + " (sparsecode "
          + BuildInfo.version() + ")\n# configSha256: " + sha + "\n" + Json.yaml(config.resolved()));

      Map<String, Object> learning = null;
      RunResult learned = part == Part.BLOCK || learner.isEmpty() ? null
          : out.learningStage(sha).orElse(null);
      if (learned != null) {
        dictionary = out.readLearned().orElseThrow();
        learning = learned.learning();
        (learned.stages() == null ? Map.<String, Double>of() : learned.stages()).forEach((stage, seconds) -> {
          if (!"coding".equals(stage)) {
            stages.put(stage, seconds);
          }
        });
        progress.info("learning finished earlier in " + out.root() + ": coding with the dictionary it learned");
        if (part == Part.LEARN) {
          return learned;
        }
      } else if (learner.isPresent() && part != Part.BLOCK) {
        List<Double> objective = new ArrayList<>();
        Map<String, String> dictionaryStep = learner.get() instanceof OnlineCdl o
            ? o.dictionaryGradient().describe() : null;
        if (dictionaryStep != null) {
          progress.info("online-cdl: the dictionary step runs on " + String.join(", ", dictionaryStep.values()));
        }
        dictionary = checkpointing(learner.get()).learn(dictionary, images, (step, total, value) -> {
          objective.add(value);
          progress.learningStep(step, total, value);
        });
        clock = lap(stages, "learning", clock);
        learning = block("learning", config.learning().type());
        learning.put("objective", objective);
        if (dictionaryStep != null) {
          learning.put("dictionaryStep", dictionaryStep);
        }
        String title = config.variant() == null ? config.name() : config.name() + "/" + config.variant();
        RunPlots.learningObjective(out, title, objective, progress);
        Map<String, Object> refit = refit(dictionary, title);
        if (refit != null) {
          learning.put("refit", refit);
        }
        if (learner.get() instanceof ParametricLogGabor) {
          learning.put("parametric", parametric(dictionary, title));
        }
        clock = lap(stages, "refit", clock);
        // a run killed from here on codes with this dictionary rather than learning again
        out.writeLearned(dictionary);
      }
      if (part != Part.BLOCK) {
        out.writeDictionary(dictionary);
        RunPlots.dictionary(out, config.variant() == null ? config.name() : config.name() + "/"
            + config.variant(), dictionary, progress);
      }

      Map<String, Object> dictionaryTree = new LinkedHashMap<>();
      dictionaryTree.put("type", config.dictionary().type());
      dictionaryTree.put("kernels", dictionary.count());
      dictionaryTree.put("size", dictionary.size());
      Map<String, Object> solverTree = solver.isPresent() ? solverTree(solver.get()) : Map.of();

      List<ImageResult> results = new ArrayList<>();
      if (part == Part.LEARN) {
        RunResult started = new RunResult(config.name(), config.variant(), config.seed(), sha, provenance,
            dictionaryTree, solverTree, learning, results, summarise(results), RunResult.RUNNING, stages, cell);
        write(started);
        return started;
      }
      MessageDigest imagesDigest = sha256();
      if (solver.isPresent()) {
        pool = executor.get();
        int n = images.size();
        List<ImageResult> earlier = learner.isPresent() && part == Part.WHOLE && learned == null ? List.of()
            : resumable(sha);
        if (!earlier.isEmpty()) {
          progress.info("resuming " + out.root() + ": " + earlier.size() + " of " + n + " images already coded");
        }
        // a BatchSolver codes the images that need coding up to batchSize() at a time; results, progress and
        // results.json still go image by image
        int batchSize = solver.get() instanceof BatchSolver b ? b.batchSize() : 1;
        for (int i = 0; i < n; ) {
          List<Image> batch = new ArrayList<>();
          List<ImageResult> coded;
          Image image = i == 0 ? first : images.get(i);
          batch.add(image);
          if (i < earlier.size() && earlier.get(i).id().equals(image.id())) {
            coded = List.of(earlier.get(i));
          } else {
            for (int j = i + 1; j < n && batch.size() < batchSize; j++) {
              Image next = images.get(j);
              if (j < earlier.size() && earlier.get(j).id().equals(next.id())) {
                break;
              }
              batch.add(next);
            }
            coded = batch.size() == 1 ? List.of(code(solver.get(), dictionary, image, i, n, pool))
                : codeBatch((BatchSolver) solver.get(), dictionary, batch, i, n, pool);
          }
          for (int j = 0; j < batch.size(); j++, i++) {
            digest(imagesDigest, batch.get(j));
            ImageResult r = coded.get(j);
            results.add(r);
            progress.imageDone(i, n, r);
            stages.put("coding", (System.nanoTime() - clock) / 1e9);
            write(new RunResult(config.name(), config.variant(), config.seed(), sha, provenance, dictionaryTree,
                solverTree, learning, results, summarise(results), RunResult.RUNNING, stages, cell));
          }
        }
      }
      RunResult done = new RunResult(config.name(), config.variant(), config.seed(), sha,
          provenance.finished(Instant.now().toString(), HexFormat.of().formatHex(imagesDigest.digest())),
          dictionaryTree, solverTree, learning, results,
          summarise(results), RunResult.COMPLETE, stages, cell);
      if (part == Part.BLOCK) {
        // the pooled statistics stay in PARTIAL_SUMS for the run that merges the blocks
        write(done);
        return done;
      }
      out.writeString(RunDirectory.METRICS, MetricsCsv.render(results));
      stats.write(results.size(), dictionary);
      StudyPlots.run(out, config.resolved(), done, progress);
      // results.json says complete last, once every other file is there: a rerun leaves a complete directory
      // as it is, so a run killed after that write must have nothing left to write (the report is drawn from
      // the results about to be written, parsed back as a reader of the file sees them)
      String finished = Json.pretty(ResultsJson.toTree(done));
      org.sparsecode.experiments.report.RunReport.write(out, config,
          ResultsJson.read(finished, RunDirectory.RESULTS), progress);
      out.writeString(RunDirectory.RESULTS, finished);
      stats.discardPartial();
      out.removeLeftovers();
      return done;
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Makes the configuration's FFT engine the process's (every FFT planned from here on runs on it) and says
   * once per process which engine runs, and why when {@code auto} fell back to JTransforms.
   *
   * @return the engine, {@code fftw} or {@code jtransforms}
   * @throws SparsecodeException when the configuration names FFTW and its library does not load here
   */
  private FftBackend useFft() {
    FftBackend used;
    try {
      used = FftBackend.use(config.fft());
    } catch (IllegalStateException e) {
      // The file was checked where it was loaded; a run on another machine (an executor) may lack FFTW.
      throw new SparsecodeException(e.getMessage());
    }
    if (FFT_SAID.compareAndSet(false, true)) {
      progress.info(used == FftBackend.FFTW ? "FFT engine: FFTW 3.3.10 (native)"
          : "FFT engine: JTransforms" + (FftBackend.fftwAvailable() ? "" : " (FFTW not available: "
          + FftBackend.fftwFailure() + ")"));
    }
    return used;
  }

  /**
   * What can be checked before any work: generates the dictionary (a loaded file is checked as it is read),
   * refuses an image size whose solve cannot fit in the heap ({@link HeapEstimate}, from {@code images.size}
   * before any image is read, then from the first image), and reads the first image to check it fits the
   * kernels. {@code validate} runs this too, so that it refuses what {@code run} would. It runs once: a later
   * call (the one {@link #run()} makes after a plan checked every experiment) returns what the first found.
   *
   * @return the generated dictionary
   * @throws SparsecodeException naming the setting, the file or the image at fault
   */
  public Dictionary preflight() {
    if (checked != null) {
      return checked;
    }
    useFft();
    long start = System.nanoTime();
    Dictionary dictionary = generator.generate();
    if (solver.isPresent() && config.resolved() != null && config.resolved().get("images") instanceof Map<?, ?> m
        && m.get("size") instanceof Number size) {
      HeapEstimate.check("images.size " + size, size.longValue(), size.longValue(), dictionary.count(),
          context.precision(), context.threads());
    }
    Image image = images.size() > 0 ? images.get(0) : null;
    if (image != null) {
      if (solver.isPresent()) {
        HeapEstimate.check("image '" + image.id() + "'", image.height(), image.width(), dictionary.count(),
            context.precision(), context.threads());
      }
      checkFits(dictionary, image, 0, images.size());
    }
    checked = dictionary;
    first = image;
    preflightSeconds = (System.nanoTime() - start) / 1e9;
    return dictionary;
  }

  /**
   * The dictionary this run starts from (to code with, or to learn from): the one {@link #preflight()} found,
   * else generated now, without reading any image.
   *
   * @return the dictionary
   */
  public Dictionary initialDictionary() {
    if (checked != null) {
      return checked;
    }
    useFft();
    return generator.generate();
  }

  /**
   * The heap coding one image needs ({@link HeapEstimate}), from the first image {@link #preflight()} read.
   *
   * @return bytes, empty when nothing is coded (no solver, or no image)
   * @throws IllegalStateException before {@link #preflight()}
   */
  public java.util.OptionalLong heapPerImage() {
    Dictionary d = dictionary();
    if (solver.isEmpty() || first == null) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(HeapEstimate.bytes(first.height(), first.width(), d.count(),
        context.precision(), context.threads()));
  }

  /**
   * The learner, checkpointing into the run directory when it can (an interrupted learning run resumes from its
   * last checkpoint there: same configuration, same dictionary bit for bit).
   */
  private DictionaryLearner checkpointing(DictionaryLearner l) {
    if (!(l instanceof Checkpointable c)) {
      return l;
    }
    if (Files.isRegularFile(LearningCheckpoint.file(out.root()))) {
      progress.info("learning checkpoint found in " + out.root() + ": resuming from it if its configuration matches");
    }
    return c.checkpointingTo(out.root());
  }

  /**
   * The paper's analysis of a learned dictionary: fits a log-Gabor kernel to each atom ({@link LogGaborRefit},
   * default settings), writes {@link RunDirectory#REFIT_CSV}, {@link RunDirectory#REFIT_HISTOGRAM_CSV}, {@link
   * RunDirectory#REFIT_JSON} and {@link RunDirectory#ORIENTATION_PNG}, and returns the summary that goes into
   * results.json's learning block; {@code null} (nothing written) for odd kernel sizes, for which the
   * log-Gabor model is not defined.
   */
  private Map<String, Object> refit(Dictionary dictionary, String title) {
    if (dictionary.size() % 2 != 0) {
      progress.info("log-Gabor re-fit skipped: the kernels are " + dictionary.size() + "x" + dictionary.size()
          + ", and the model needs an even size");
      return null;
    }
    progress.info("log-Gabor re-fit of the " + dictionary.count() + " learned atoms");
    RefitResult r = LogGaborRefit.fit(dictionary, RefitSettings.defaults());
    r.writeCsv(out.file(RunDirectory.REFIT_CSV));
    r.writeHistogramCsv(out.file(RunDirectory.REFIT_HISTOGRAM_CSV));
    r.writeJson(out.file(RunDirectory.REFIT_JSON));
    RunPlots.orientation(out, title, r, progress);
    double minR2 = r.settings().minR2();
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("bThetaEdges", r.histogram().bThetaEdges());
    histogram.put("counts", r.histogram().bThetaMarginal());
    histogram.put("excluded", r.histogram().excluded());
    Map<String, Object> summary = new LinkedHashMap<>();
    double median = r.medianR2();
    summary.put("medianR2", Double.isFinite(median) ? median : null);
    summary.put("minR2", minR2);
    summary.put("atomsWithR2AtLeastMinR2", r.countWithR2AtLeast(minR2));
    summary.put("bThetaHistogram", histogram);
    return summary;
  }

  /**
   * The parametric learner's own answer: the learned kernels' (θ, B_θ) in the re-fit's bins (every kernel is
   * a log-Gabor kernel, so none is excluded for its R²), their B_θ range, and the drawing of their paths from
   * {@link RunDirectory#TRAJECTORIES_CSV} into {@link RunDirectory#PARAMETER_PATHS_PNG}.
   */
  private Map<String, Object> parametric(Dictionary dictionary, String title) {
    List<AtomFit> atoms = new ArrayList<>();
    double[] b = new double[dictionary.count()];
    for (int k = 0; k < dictionary.count(); k++) {
      KernelInfo p = dictionary.info().get(k);
      atoms.add(new AtomFit(k, p.theta(), p.bTheta(), p.phase(), p.sf0(), p.bsf(), 1.0, 1.0));
      b[k] = p.bTheta();
    }
    OrientationHistogram h = OrientationHistogram.of(atoms, RefitSettings.defaults());
    Map<String, Object> histogram = new LinkedHashMap<>();
    histogram.put("bThetaEdges", h.bThetaEdges());
    histogram.put("counts", h.bThetaMarginal());
    histogram.put("excluded", h.excluded());
    java.util.Arrays.sort(b);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("bThetaMin", b[0]);
    summary.put("bThetaMedian", b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2);
    summary.put("bThetaMax", b[b.length - 1]);
    summary.put("bThetaHistogram", histogram);
    Path csv = out.file(RunDirectory.TRAJECTORIES_CSV);
    if (Files.isRegularFile(csv)) {
      List<double[]> rows = Trajectories.read(csv);
      int count = dictionary.count();
      List<List<double[]>> perKernel = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        perKernel.add(new ArrayList<>());
      }
      for (double[] r : rows) {
        int k = (int) r[1];
        if (k >= 0 && k < count) {
          perKernel.get(k).add(r);
        }
      }
      List<ParameterPaths.KernelPath> paths = new ArrayList<>();
      for (List<double[]> kr : perKernel) {
        if (!kr.isEmpty()) {
          paths.add(new ParameterPaths.KernelPath(kr.stream().mapToDouble(r -> r[2]).toArray(),
              kr.stream().mapToDouble(r -> r[3]).toArray()));
        }
      }
      RunPlots.parameterPaths(out, title, paths, progress);
    }
    return summary;
  }

  /**
   * The images an interrupted run of the same configuration (same {@code configSha256}) already coded, from
   * its {@code results.json} with {@code "status": "running"}; coding is deterministic and its numbers do not
   * depend on the thread count, so they need not be coded again, whatever threads the earlier run had.
   */
  private List<ImageResult> resumable(String sha) {
    RunResult earlier;
    try {
      earlier = out.results().orElse(null);
    } catch (SparsecodeException e) {
      return List.of();
    }
    if (earlier == null || !RunResult.RUNNING.equals(earlier.status()) || !sha.equals(earlier.configSha256())) {
      return List.of();
    }
    return earlier.images();
  }

  /** Records the seconds since {@code start} as a stage and returns the time now. */
  private static long lap(Map<String, Double> stages, String stage, long start) {
    long now = System.nanoTime();
    stages.put(stage, (now - start) / 1e9);
    return now;
  }

  private void write(RunResult r) {
    out.writeString(RunDirectory.RESULTS, Json.pretty(ResultsJson.toTree(r)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Adds an image to the data's identity: id, a zero byte, pixels as little-endian float64. */
  private static void digest(MessageDigest md, Image image) {
    md.update(image.id().getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    ByteBuffer buf = ByteBuffer.allocate(8 * image.pixels().length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(image.pixels());
    md.update(buf.array());
  }

  private ImageResult code(SparseSolver s, Dictionary dictionary, Image image, int index, int total,
      ExecutorService pool) {
    String id = image.id();
    checkFits(dictionary, image, index, total);
    long t0 = System.nanoTime();
    CodingResult coded;
    try {
      coded = s.solve(dictionary, image, stats -> progress.iteration(index, total, id, stats));
    } catch (SolverException e) {
      throw new SparsecodeException("image '" + id + "' (" + (index + 1) + "/" + total + "): solver "
          + config.solver().type() + " failed: " + (e instanceof BatchSolverException b ? b.detail() : e.getMessage()),
          e);
    }
    return measured(s, dictionary, image, coded, (System.nanoTime() - t0) / 1e9, index, pool);
  }

  /**
   * Codes images together with a {@link BatchSolver} (its batch, in order) and measures each: the same results as
   * coding them one by one, each image's {@code seconds} the batch's time shared equally.
   */
  private List<ImageResult> codeBatch(BatchSolver s, Dictionary dictionary, List<Image> batch, int index,
      int total, ExecutorService pool) {
    List<SolveListener> listeners = new ArrayList<>();
    for (int j = 0; j < batch.size(); j++) {
      Image image = batch.get(j);
      int at = index + j;
      checkFits(dictionary, image, at, total);
      listeners.add(stats -> progress.iteration(at, total, image.id(), stats));
    }
    long t0 = System.nanoTime();
    List<CodingResult> coded;
    try {
      coded = s.solveBatch(dictionary, batch, listeners);
    } catch (BatchSolverException e) {
      throw new SparsecodeException("image '" + e.imageId() + "' (" + (index + e.imageIndex() + 1) + "/" + total
          + "): solver " + config.solver().type() + " failed: " + e.detail(), e);
    } catch (SolverException e) {
      throw new SparsecodeException("images '" + batch.get(0).id() + "' to '" + batch.get(batch.size() - 1).id()
          + "' (" + (index + 1) + "-" + (index + batch.size()) + "/" + total + "): solver " + config.solver().type()
          + " failed: " + e.getMessage(), e);
    }
    double seconds = (System.nanoTime() - t0) / 1e9 / batch.size();
    List<ImageResult> out = new ArrayList<>();
    for (int j = 0; j < batch.size(); j++) {
      out.add(measured(s, dictionary, batch.get(j), coded.get(j), seconds, index + j, pool));
    }
    return out;
  }

  /** An image's result: the code's evaluation and the listed metrics. */
  private ImageResult measured(SparseSolver s, Dictionary dictionary, Image image, CodingResult coded,
      double seconds, int index, ExecutorService pool) {
    String id = image.id();
    Evaluation e = Evaluation.of(image, dictionary, coded.code(), s.lambda());
    stats.add(index, dictionary, coded.code());
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("psnr", Measures.psnr(image, e.reconstruction()));
    if (index == 0) {
      // one panel per run keeps the cost small; the solve time above does not include it
      RunPlots.reconstruction(out, image, e.reconstruction(), values.get("psnr"), progress);
    }
    values.put("sparseness", coded.code().sparseness());
    values.put("objective", Measures.objective(e));
    Map<String, Map<String, Map<String, Double>>> curves = new LinkedHashMap<>();
    measure(e, pool, values, curves);
    return new ImageResult(id, values, curves, coded.iterations(), seconds);
  }

  /**
   * The listed metrics, evaluated concurrently (they are pure) and collected in list order: a scalar metric's
   * value into {@code values}, a {@link CurveMetric}'s curve (not its scalar) into {@code curves}.
   */
  private void measure(Evaluation e, ExecutorService pool, Map<String, Double> values,
      Map<String, Map<String, Map<String, Double>>> curves) {
    List<Callable<Object>> tasks = new ArrayList<>();
    for (NamedMetric m : metrics) {
      if (m.metric() instanceof CurveMetric c) {
        tasks.add(() -> c.curve(e));
      } else {
        tasks.add(() -> m.metric().evaluate(e));
      }
    }
    try {
      List<Future<Object>> futures = pool.invokeAll(tasks);
      for (int i = 0; i < metrics.size(); i++) {
        Object v = futures.get(i).get();
        if (v instanceof Double d) {
          values.put(metrics.get(i).name(), d);
        } else {
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Double>> curve = (Map<String, Map<String, Double>>) v;
          curves.put(metrics.get(i).name(), curve);
        }
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new SparsecodeException("interrupted while measuring image '" + e.image().id() + "'", ex);
    } catch (ExecutionException ex) {
      if (ex.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new SparsecodeException("metric failed on image '" + e.image().id() + "': " + ex.getCause(), ex);
    }
  }

  private void checkFits(Dictionary dictionary, Image image, int index, int total) {
    int k = dictionary.size();
    if (image.width() < k || image.height() < k) {
      throw new ConfigError("kernels larger than the images: image '" + image.id() + "' (" + (index + 1) + "/"
          + total + ") is " + image.width() + "x" + image.height() + " after preprocessing, smaller than the "
          + k + "x" + k + " kernels of the dictionary: use larger images (images.size) or smaller kernels"
          + " (dictionary.size)");
    }
    if (!image.isGrey()) {
      throw new ConfigError("image '" + image.id() + "' has " + image.channels()
          + " channels; solvers code grey images: add a grey conversion to images.preprocess");
    }
  }

  private Map<String, Object> solverTree(SparseSolver s) {
    Map<String, Object> tree = block("solver", config.solver().type());
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("type", tree.remove("type"));
    ordered.put("lambda", tree.containsKey("lambda") ? tree.remove("lambda") : s.lambda());
    ordered.putAll(tree);
    return ordered;
  }

  /** A copy of a resolved block, {@code type} first. */
  private Map<String, Object> block(String key, String type) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("type", type);
    Object node = config.resolved() == null ? null : config.resolved().get(key);
    if (node instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (!"type".equals(k)) {
          tree.put(String.valueOf(k), v);
        }
      });
    }
    return tree;
  }

  private static Map<String, Summary> summarise(List<ImageResult> results) {
    Map<String, Summary> summary = new LinkedHashMap<>();
    List<String> columns = new ArrayList<>(MetricsCsv.metricColumns(results));
    for (String c : columns) {
      summary.put(c, Summary.of(results.stream().mapToDouble(r -> r.metric(c)).toArray()));
    }
    summary.put("iterations", Summary.of(results.stream().mapToDouble(ImageResult::iterations).toArray()));
    summary.put("seconds", Summary.of(results.stream().mapToDouble(ImageResult::seconds).toArray()));
    return summary;
  }
}
