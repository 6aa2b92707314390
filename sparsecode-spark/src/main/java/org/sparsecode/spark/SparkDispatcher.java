package org.sparsecode.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.TaskEndReason;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.engine.Dispatcher;
import org.sparsecode.experiments.engine.SharedDictionary;
import org.sparsecode.experiments.engine.WorkResult;
import org.sparsecode.experiments.engine.WorkUnit;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.sweep.SweepProgress;

/**
 * Runs work units as Spark tasks: one job per batch, one partition (task) per unit, so that Spark spreads them
 * over its slots and retries a task whose executor was lost. The units' dictionaries, made on the driver, are
 * broadcast: each distinct one reaches each executor once. A unit's failure is recorded in its result, not
 * thrown, so a deterministic failure is not retried.
 */
final class SparkDispatcher implements Dispatcher {
  private final JavaSparkContext spark;
  private final String file;
  private final List<String> overrides;
  private final int threadsPerTask;
  private final int slots;
  private final ProgressReporter lines;
  private final String run = UUID.randomUUID().toString();

  /**
   * Creates the dispatcher.
   *
   * @param spark the running context
   * @param file the experiment file's absolute path
   * @param overrides its {@code --set} values
   * @param threadsPerTask the solver threads (and {@code spark.task.cpus}) of each task
   * @param slots how many tasks run at once
   * @param lines where task failures (before Spark retries them) are reported
   */
  SparkDispatcher(JavaSparkContext spark, String file, List<String> overrides, int threadsPerTask, int slots,
      ProgressReporter lines) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.file = Objects.requireNonNull(file, "file");
    this.overrides = List.copyOf(overrides);
    this.threadsPerTask = threadsPerTask;
    this.slots = slots;
    this.lines = Objects.requireNonNull(lines, "lines");
  }

  @Override
  public int parallelism() {
    return slots;
  }

  @Override
  public int threadsPerUnit() {
    return threadsPerTask;
  }

  @Override
  public List<WorkResult> run(List<WorkUnit> units, IntConsumer finished) {
    if (units.isEmpty()) {
      return List.of();
    }
    Progress progress = new Progress(units, finished, lines);
    if (spark.sc().isStopped()) {
      throw stopped();
    }
    try {
      // each distinct dictionary travels once to each executor (a broadcast), not once per task
      List<SharedDictionary> dictionaries = new ArrayList<>();
      Map<SharedDictionary, Integer> index = new HashMap<>();
      List<RunUnit.Task> tasks = new ArrayList<>();
      for (WorkUnit u : units) {
        int d = u.dictionary() == null ? -1 : index.computeIfAbsent(u.dictionary(), x -> {
          dictionaries.add(x);
          return dictionaries.size() - 1;
        });
        tasks.add(new RunUnit.Task(u.with(null), d));
      }
      Broadcast<ArrayList<SharedDictionary>> shared = spark.broadcast(new ArrayList<>(dictionaries));
      spark.sc().addSparkListener(progress);
      try {
        return spark.parallelize(tasks, tasks.size()).map(new RunUnit(run, file, overrides, shared)).collect();
      } finally {
        shared.destroy();
      }
    } catch (Exception e) {
      if (spark.sc().isStopped()) {
        throw stopped();
      }
      // a task that kept failing (Spark's retries spent), or the cluster lost: the units that finished are kept
      throw new SparsecodeException("Spark could not run the tasks (the finished ones are kept in the output"
          + " directory; a rerun resumes from them): " + e.getMessage(), e);
    } finally {
      progress.closed = true;
      spark.sc().removeSparkListener(progress);
    }
  }

  /**
   * The error of a context that stopped under the run: a master that cannot be reached, or that refuses the
   * driver (a master that authenticates refuses a driver without its secret), gives up after about a minute.
   */
  private SparsecodeException stopped() {
    String master = spark.master();
    String auth = "";
    if (master.startsWith("spark://")) {
      auth = spark.getConf().getBoolean("spark.authenticate", false)
          ? "; a master with spark.authenticate on needs the same secret as this driver's (the file "
              + SparkSettings.SECRET_FILE + " names)"
          : "; a master with spark.authenticate on refuses a driver without its secret: set "
              + SparkSettings.SECRET_FILE + " to the file holding it";
    }
    return new SparsecodeException("Spark stopped before the tasks finished (a master that cannot be reached or"
        + " refuses this driver is given up after about a minute; Spark's reason is above): check --master "
        + master + auth + "; the finished work is kept in the output directory and a rerun resumes from it");
  }

  /** Why a task failed, in one line: the exception's class and message, or Spark's reason (an executor lost). */
  static String reason(TaskEndReason reason) {
    if (reason instanceof ExceptionFailure f) {
      return f.className() + ": " + f.description();
    }
    String text = reason instanceof TaskFailedReason t ? t.toErrorString() : String.valueOf(reason);
    return text == null ? "unknown" : text.lines().findFirst().orElse(text);
  }

  /**
   * Tells the caller of each task that succeeded, and reports a failed attempt that Spark will retry. For the
   * experiments of a plain file (a sweep's driver reports its cells itself), each finished task is a line with
   * the tasks and, for blocks, the images done, and the time left at the pace so far.
   */
  private static final class Progress extends SparkListener {
    private final List<WorkUnit> units;
    private final IntConsumer finished;
    private final ProgressReporter lines;
    private final boolean experiments;
    private final int images;
    private final long started = System.nanoTime();
    private final AtomicInteger failures = new AtomicInteger();
    private int done;
    private int imagesDone;
    private volatile boolean closed;

    Progress(List<WorkUnit> units, IntConsumer finished, ProgressReporter lines) {
      this.units = units;
      this.finished = finished;
      this.lines = lines;
      this.experiments = units.stream().allMatch(u -> u.kind() == WorkUnit.Kind.EXPERIMENT);
      this.images = units.stream().allMatch(WorkUnit::isBlock) ? units.stream().mapToInt(u -> u.to() - u.from())
          .sum() : -1;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      int index = end.taskInfo().index();
      if (closed || index < 0 || index >= units.size()) {
        return;
      }
      if (end.taskInfo().successful()) {
        finished.accept(index);
        if (experiments) {
          lines.info(line(units.get(index)));
        }
      } else {
        failures.incrementAndGet();
        lines.info(String.format(Locale.ROOT, "spark: the task of %s failed (attempt %d): %s; Spark retries it",
            units.get(index).label(), end.taskInfo().attemptNumber() + 1, reason(end.reason())));
      }
    }

    /** {@code spark: 3/8 tasks done (images 6/16), about 40.0 s left}. */
    private synchronized String line(WorkUnit u) {
      done++;
      StringBuilder b = new StringBuilder("spark: ").append(u.label()).append(" done; ").append(done).append('/')
          .append(units.size()).append(" tasks");
      if (images > 0) {
        imagesDone += u.to() - u.from();
        b.append(" (images ").append(imagesDone).append('/').append(images).append(')');
      }
      if (done < units.size()) {
        double elapsed = (System.nanoTime() - started) / 1e9;
        double fraction = images > 0 ? (double) imagesDone / images : (double) done / units.size();
        b.append(", about ").append(SweepProgress.seconds(elapsed / fraction * (1 - fraction))).append(" left");
      }
      return b.toString();
    }
  }
}
