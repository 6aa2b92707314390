package org.sparsecode.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.engine.Dispatcher;
import org.sparsecode.experiments.engine.Engine;
import org.sparsecode.experiments.engine.EngineOptions;
import org.sparsecode.experiments.engine.EngineOutcome;
import org.sparsecode.experiments.engine.Engines;
import org.sparsecode.experiments.engine.ImageBlocks;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunOptions;
import org.sparsecode.experiments.sweep.SweepOptions;
import org.sparsecode.experiments.sweep.SweepRunner;

/**
 * {@code run --engine spark}: the checks run here, on the driver, as for the local engine (every cell's
 * preflight, the reuse of complete cells and variants), then each sweep cell, or each variant of a plain file, is
 * one Spark task that runs it into the shared output directory; the driver then writes the tables from the
 * directories. The master is embedded {@code local[N,4]} (N = the available processors, 4 attempts per task)
 * unless {@code --master} names a cluster; each task's solver has {@code --threads} threads (default 1), which is
 * also {@code spark.task.cpus}. The numbers equal the local engine's: they do not depend on the thread count.
 * When there are fewer experiments than eight times the slots, an experiment's images are split into blocks,
 * each a task ({@link ImageBlocks}, {@value #IMAGES_PER_TASK}).
 *
 * <p>Nothing listens on the network by default: see {@link SparkSettings}.
 */
public final class SparkEngine implements Engine {
  /**
   * The setting ({@code --conf}) of the images each task codes: an experiment over many images is split into
   * blocks of that many ({@link ImageBlocks}); 0, the default, splits only when there are fewer experiments than
   * eight times the slots, into about that many tasks.
   */
  public static final String IMAGES_PER_TASK = "sparsecode.imagesPerTask";
  private final UnaryOperator<String> env;

  /** Creates the engine (for {@link java.util.ServiceLoader}). */
  public SparkEngine() {
    this(System::getenv);
  }

  /**
   * Creates the engine with an environment (tests).
   *
   * @param env reads an environment variable
   */
  SparkEngine(UnaryOperator<String> env) {
    this.env = env;
  }

  /** How long a cluster run waits for its executors before counting the slots. */
  private static final long EXECUTOR_WAIT_MS = 30_000;

  @Override
  public String name() {
    return Engines.SPARK;
  }

  @Override
  public String description() {
    return "Apache Spark: embedded local[N] (N = the available processors) or the cluster of --master; each sweep"
        + " cell or variant is one task";
  }

  /**
   * On a cluster, waits (at most {@value #EXECUTOR_WAIT_MS} ms) until executors have registered and their count has
   * been steady for a second: the context's parallelism counts the cores of the executors registered so far, and
   * read at once it would be Spark's floor of 2, too few blocks for a large cluster. An embedded master has its
   * cores from the start.
   */
  private static void awaitExecutors(JavaSparkContext spark, String master) {
    if (master.startsWith("local")) {
      return;
    }
    long deadline = System.currentTimeMillis() + EXECUTOR_WAIT_MS;
    int last = -1;
    long steadySince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline && !spark.sc().isStopped()) {
      // the driver is listed among the executors' infos too
      int executors = spark.sc().statusTracker().getExecutorInfos().length - 1;
      long now = System.currentTimeMillis();
      if (executors != last) {
        last = executors;
        steadySince = now;
      } else if (executors > 0 && now - steadySince >= 1000) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public EngineOutcome run(ExperimentPlan plan, Path directory, EngineOptions options) {
    if (options.parallel() != null) {
      throw new ConfigError("--parallel " + options.parallel() + ": with --engine spark the master decides how many"
          + " tasks run at once (local[N] runs N); give --master local[N] instead");
    }
    int perTask = options.threads() != null ? options.threads() : 1;
    String master = options.master() != null ? options.master() : SparkSettings.defaultMaster();
    Map<String, String> settings = new LinkedHashMap<>(options.settings());
    int imagesPerTask = imagesPerTask(settings.remove(IMAGES_PER_TASK));
    SparkConf conf = SparkSettings.conf(master, "sparsecode " + plan.name(), perTask, settings, env);
    ProgressReporter lines = plan.sweep().isPresent() ? options.sweepLines() : options.progress();
    JavaSparkContext spark = start(conf, master);
    try {
      awaitExecutors(spark, master);
      // a master that refuses the driver stops the context; the dispatcher then says why, naming the secret
      int slots = spark.sc().isStopped() ? 1 : Math.max(1, spark.defaultParallelism() / perTask);
      String ui = spark.sc().uiWebUrl().isDefined() ? "UI " + spark.sc().uiWebUrl().get()
          : "UI off (SPARK_LOCAL_IP=127.0.0.1 in the environment serves it on this machine only)";
      lines.info(String.format(Locale.ROOT, "spark %s: master %s, %d task%s at a time with %d thread%s each, %s",
          spark.version(), master, slots, slots == 1 ? "" : "s", perTask, perTask == 1 ? "" : "s", ui));
      Dispatcher dispatcher = new ImageBlocks(new SparkDispatcher(spark, plan.file().toAbsolutePath().toString(),
          executorOverrides(plan, options.overrides()), perTask, slots, lines), plan, imagesPerTask);
      if (plan.sweep().isPresent()) {
        return EngineOutcome.of(new SweepRunner(plan, new SweepOptions(perTask, null, options.force(), lines,
            options.cells())).run(directory, dispatcher));
      }
      return EngineOutcome.of(new PlanRunner(plan, new RunOptions(perTask, options.force(), options.progress()))
          .run(directory, dispatcher));
    } finally {
      spark.stop();
    }
  }

  /**
   * The {@code --set} values the executors load the file with: the driver's, and the FFT engine the driver
   * resolved ({@code fft: auto} becomes the engine that runs here), so that no executor chooses its own: one
   * without FFTW then fails saying so rather than computing other last digits.
   *
   * @param plan the plan as the driver loaded it
   * @param overrides the command line's {@code --set} values
   * @return the values for the executors
   */
  static List<String> executorOverrides(ExperimentPlan plan, List<String> overrides) {
    List<String> out = new ArrayList<>(overrides);
    if (!plan.experiments().isEmpty()) {
      out.add("fft=" + plan.experiments().get(0).fft().yamlName());
    }
    return out;
  }

  /** The images of a task ({@value #IMAGES_PER_TASK}): 0, the default, lets {@link ImageBlocks} choose. */
  private static int imagesPerTask(String value) {
    if (value == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new ConfigError("--conf " + IMAGES_PER_TASK + "=" + value + ": give the images each task codes, an"
        + " integer >= 1, or 0 to let the engine choose (blocks only when there are fewer experiments than slots)");
  }

  /** Starts the context, turning Spark's failure (a master that cannot be reached, say) into a clear error. */
  private static JavaSparkContext start(SparkConf conf, String master) {
    try {
      return new JavaSparkContext(conf);
    } catch (Exception e) {
      throw new SparsecodeException("--master " + master + ": Spark could not start: " + e.getMessage(), e);
    }
  }

  /**
   * The settings the engine would run with (tests).
   *
   * @param master the master URL
   * @param settings {@code --conf} settings
   * @return the configuration
   */
  SparkConf conf(String master, Map<String, String> settings) {
    return SparkSettings.conf(master, "sparsecode", 1, settings, env);
  }
}
