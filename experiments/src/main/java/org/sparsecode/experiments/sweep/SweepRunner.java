package org.sparsecode.experiments.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.engine.Dispatcher;
import org.sparsecode.experiments.engine.ImageBlocks;
import org.sparsecode.experiments.engine.SharedDictionary;
import org.sparsecode.experiments.engine.WorkResult;
import org.sparsecode.experiments.engine.WorkUnit;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.HeapEstimate;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunEngine;
import org.sparsecode.experiments.run.RunOptions;

/**
 * Runs a plan's {@code sweep:} into a directory: the plan's parts first, as they are, into {@code DIR/<part>/};
 * then every cell into {@code DIR/cells/<hash>/}, a normal run directory named by the hash of the cell's resolved
 * configuration alone.
 *
 * <p><b>Reuse.</b> A cell whose directory holds a finished run is not run again: a rerun after a kill, or after
 * the grid was edited (a value added to an axis, an axis added), computes only the cells whose configuration is
 * new; a cell killed between images resumes after its last coded image ({@link RunEngine}). Cells of equal
 * configurations (in two variants, say) are run once.
 *
 * <p><b>Checks first.</b> Every cell to run is wired and preflighted ({@link RunEngine#preflight()}) before the
 * first one starts: a configuration error in any fails the whole sweep, naming the cell, with nothing computed.
 *
 * <p><b>Failures.</b> A cell that fails while running (a diverging solver, an image that cannot be read) is
 * recorded with its error (its directory gets {@value #ERROR_FILE}) and the others go on; a rerun tries it again.
 *
 * <p><b>Tables.</b> At the end, {@link SweepTables} writes {@code sweep.csv}, {@code sweep.json} (and {@code
 * sweep-aggregated.csv} with seeds) and {@link SweepReport} the plots and {@code report.html}; with a
 * {@code solver.lambda} axis, {@link MatchedPsnrComparison} compares the dictionaries' sparseness at matched PSNR
 * ({@value MatchedPsnrComparison#FILE} and a section of the report).
 *
 * <p><b>Parallel.</b> Cells run on a pool of {@link SweepOptions#parallel()} threads, each cell's solver with an
 * even share of the sweep's threads. The numbers a cell gives do not depend on its thread count, so the split
 * changes timings only.
 */
public final class SweepRunner {
  /** The sub-directory that holds the cells. */
  public static final String CELLS = "cells";
  /** The file a failed cell's directory holds: the error's message. */
  public static final String ERROR_FILE = "error.txt";
  /** The share of the heap the cells running at once may plan to use. */
  private static final double HEAP_SHARE = 0.7;

  private final ExperimentPlan plan;
  private final Sweep sweep;
  private final SweepOptions options;

  /**
   * Creates the runner.
   *
   * @param plan a loaded plan with a sweep
   * @param options threads, split, force, progress
   * @throws IllegalArgumentException when the plan has no sweep
   */
  public SweepRunner(ExperimentPlan plan, SweepOptions options) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.sweep = plan.sweep().orElseThrow(() -> new IllegalArgumentException(plan.file() + " has no sweep"));
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * What a sweep did.
   *
   * @param directory the sweep's directory
   * @param sweep the sweep
   * @param outcomes one per cell, in the sweep's cell order
   * @param parallel how many cells ran at once
   * @param threadsPerCell the threads each cell's solver had
   * @param seconds the wall time of the cells (parts excluded)
   */
  public record Outcome(Path directory, Sweep sweep, List<CellOutcome> outcomes, int parallel, int threadsPerCell,
      double seconds) {

    /**
     * The failed cells.
     *
     * @return them, in cell order
     */
    public List<CellOutcome> failures() {
      return outcomes.stream().filter(CellOutcome::failed).toList();
    }

    /**
     * How many cells were found complete and not run.
     *
     * @return the count
     */
    public long reused() {
      return outcomes.stream().filter(CellOutcome::reused).count();
    }
  }

  /**
   * The directory of a cell.
   *
   * @param root the sweep's directory
   * @param cell the cell
   * @return {@code root/cells/<hash>}
   */
  public static RunDirectory cellDirectory(RunDirectory root, SweepCell cell) {
    return root.child(CELLS).child(cell.hash());
  }

  /**
   * Runs the parts and every cell not yet complete.
   *
   * @param directory the sweep's directory
   * @return every cell's outcome
   * @throws ConfigError when a cell's preflight finds a configuration error (nothing is computed)
   */
  public Outcome run(Path directory) {
    return run(directory, null);
  }

  /**
   * Runs the parts and every cell not yet complete with a dispatcher: the checks (reuse of complete cells, the
   * preflight of every cell to run) stay here, on the caller's side; the cells, and the parts' experiments, run
   * as {@link WorkUnit}s wherever the dispatcher runs them (each with {@link Dispatcher#threadsPerUnit()} threads),
   * and their results are read back from their directories. With {@link SweepOptions#force()} the cells'
   * directories are cleared here first, so that a unit run again (a retried task) resumes rather than restarts.
   *
   * @param directory the sweep's directory, which wherever the units run must see at the same path
   * @param dispatcher where the cells run, or {@code null} for this JVM's pool ({@link #run(Path)})
   * @return every cell's outcome
   * @throws ConfigError when a cell's preflight finds a configuration error (nothing is computed)
   */
  public Outcome run(Path directory, Dispatcher dispatcher) {
    RunDirectory root = new RunDirectory(directory);
    root.create();
    ProgressReporter progress = options.progress();
    plan.parts().forEach((name, part) -> {
      progress.info("part " + name + ": " + part.file() + " into " + root.child(name).root());
      PlanRunner parts = new PlanRunner(part, new RunOptions(options.threads(), options.force(), progress));
      if (dispatcher == null) {
        parts.run(root.child(name).root());
      } else {
        parts.run(root.child(name).root(), dispatcher);
      }
    });

    List<SweepCell> distinct = distinctCells();
    Map<String, CellOutcome> done = new LinkedHashMap<>();
    List<SweepCell> pending = new ArrayList<>();
    for (SweepCell c : distinct) {
      RunDirectory dir = cellDirectory(root, c);
      if (!options.force() && dir.isComplete()) {
        dir.removeLeftovers();
        RunResult r = dir.results().orElseThrow();
        double seconds = r.stages().values().stream().mapToDouble(Double::doubleValue).sum();
        done.put(c.hash(), new CellOutcome(c, CellOutcome.COMPLETE, seconds, r, null, dir.root(), true));
      } else {
        pending.add(c);
      }
    }

    int threads = options.threads() != null ? options.threads() : plan.experiments().get(0).threads();
    int parallel;
    int perCell;
    Map<String, RunEngine> engines;
    if (dispatcher != null) {
      // the dispatcher's slots and threads decide; the preflight still checks every cell here first
      parallel = dispatcher.parallelism();
      perCell = dispatcher.threadsPerUnit();
      engines = preflight(root, pending, perCell);
    } else {
      parallel = Math.max(1, Math.min(options.parallel() != null ? options.parallel() : threads,
          Math.max(1, pending.size())));
      perCell = Math.max(1, threads / parallel);
      engines = preflight(root, pending, perCell);
      int fits = heapBound(parallel, engines);
      if (fits < parallel) {
        parallel = fits;
        int more = options.parallel() == null ? Math.max(1, threads / parallel) : perCell;
        if (more != perCell) {
          perCell = more;
          engines = preflight(root, pending, perCell);
        }
      }
    }
    progress.info("sweep " + plan.name() + ": " + sweep.cells().size() + " cell" + plural(sweep.cells().size())
        + (distinct.size() < sweep.cells().size() ? " (" + distinct.size() + " distinct configurations)" : "")
        + ", " + done.size() + " already complete, " + pending.size() + " to run"
        + (pending.isEmpty() ? "" : ", " + parallel + " at a time with " + perCell + " thread" + plural(perCell)
        + " each") + ", into " + root.child(CELLS).root());

    long start = System.nanoTime();
    if (dispatcher != null) {
      dispatch(root, pending, engines, dispatcher, done);
    } else {
      runPending(root, pending, engines, parallel, perCell, done);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    List<CellOutcome> outcomes = new ArrayList<>();
    for (SweepCell c : sweep.cells()) {
      CellOutcome o = done.get(c.hash());
      outcomes.add(o.cell() == c ? o : new CellOutcome(c, o.status(), o.seconds(), o.result(), o.error(),
          o.directory(), o.reused()));
    }
    // the tables and the report are written whatever the cells gave, in the sweep's cell order: a sweep killed
    // and rerun writes the same ones, and a rerun with nothing to run writes them again from the cells' files
    SweepTable table = SweepTables.write(root, plan, sweep, outcomes);
    SweepReport.write(root, table, matchedPsnr(root, outcomes), progress);
    return new Outcome(root.root(), sweep, outcomes, parallel, perCell, seconds);
  }

  /**
   * The sparseness of the λ curves compared at matched PSNR ({@link MatchedPsnrComparison}), written to
   * {@value MatchedPsnrComparison#FILE} and returned as a section of the report; nothing when the sweep has no λ
   * axis. A comparison that cannot be made is a warning: the cells' results stand without it.
   */
  private List<SweepReport.Section> matchedPsnr(RunDirectory root, List<CellOutcome> outcomes) {
    try {
      return MatchedPsnrComparison.of(sweep, outcomes).map(m -> {
        root.writeString(MatchedPsnrComparison.FILE, m.csv());
        return List.of(new SweepReport.Section("Sparseness at matched PSNR", m.html()));
      }).orElse(List.of());
    } catch (RuntimeException e) {
      options.progress().info("warning: no matched-PSNR comparison: " + e.getMessage());
      return List.of();
    }
  }

  /**
   * Checks every distinct cell as a run would before computing anything ({@link RunEngine#preflight()}: the
   * dictionary, the heap, the first image), writing nothing: {@code validate} calls this, so that it refuses
   * what {@code run} would.
   *
   * @return how many distinct configurations were checked
   * @throws ConfigError naming the first cell whose check fails and the problem
   * @throws SparsecodeException when a cell's first image cannot be read
   */
  public int check() {
    List<SweepCell> distinct = distinctCells();
    RunDirectory nowhere = new RunDirectory(Path.of("."));
    for (int i = 0; i < distinct.size(); i++) {
      preflight(distinct.get(i), nowhere, 1, " (" + (i + 1) + "/" + distinct.size() + ")", true);
    }
    return distinct.size();
  }

  /** One cell per distinct configuration (cells of equal hashes run once), in the order of first appearance. */
  private List<SweepCell> distinctCells() {
    Map<String, SweepCell> distinct = new LinkedHashMap<>();
    for (SweepCell c : sweep.cells()) {
      distinct.putIfAbsent(c.hash(), c);
    }
    return List.copyOf(distinct.values());
  }

  /**
   * Wires and preflights every pending cell, so that a configuration error in any stops the sweep before
   * anything is computed; an error that is not the configuration's (an unreadable image) is left for the
   * cell's run to record.
   */
  private Map<String, RunEngine> preflight(RunDirectory root, List<SweepCell> pending, int threadsPerCell) {
    Map<String, RunEngine> engines = new LinkedHashMap<>();
    int n = pending.size();
    for (int i = 0; i < n; i++) {
      SweepCell c = pending.get(i);
      RunEngine engine = preflight(c, cellDirectory(root, c), threadsPerCell, " (" + (i + 1) + "/" + n
          + " to run)", false);
      if (engine != null) {
        engines.put(c.hash(), engine);
      }
    }
    return engines;
  }

  /**
   * Wires and preflights one cell; a configuration error names the cell and ends with "nothing was run"; any
   * other error is thrown when {@code strict}, else left for the cell's run to record ({@code null}).
   */
  private RunEngine preflight(SweepCell c, RunDirectory dir, int threadsPerCell, String position, boolean strict) {
    try {
      RunEngine engine = PlanRunner.engine(plan, c.config(), cellOptions(c, threadsPerCell), dir);
      engine.preflight();
      return engine;
    } catch (ConfigError | ConfigException e) {
      throw new ConfigError("cell " + c.label() + position + ": " + e.getMessage() + "\nnothing was run", e);
    } catch (SparsecodeException e) {
      if (strict) {
        throw new SparsecodeException("cell " + c.label() + position + ": " + e.getMessage(), e);
      }
      return null;
    }
  }

  /** The options a cell's engine runs with: its threads, a progress that names it, its name and values. */
  private RunOptions cellOptions(SweepCell c, int threadsPerCell) {
    SweepProgress cells = options.cells();
    String name = c.name();
    ProgressReporter named = new ProgressReporter() {
      @Override
      public void info(String line) {
        cells.info(name + ": " + line);
      }

      @Override
      public void imageDone(int index, int total, org.sparsecode.experiments.results.ImageResult result) {
        cells.imageDone(name, index + 1, total);
      }
    };
    return CellRunner.withCell(new RunOptions(threadsPerCell, options.force(), named), c);
  }

  /**
   * Lowers the number of cells at once so that their planned heap (one image's solve each, {@link
   * HeapEstimate}) stays within {@value #HEAP_SHARE} of the maximum heap; says so when it does.
   */
  private int heapBound(int parallel, Map<String, RunEngine> engines) {
    long perCell = 0;
    for (RunEngine e : engines.values()) {
      OptionalLong b = e.heapPerImage();
      if (b.isPresent()) {
        perCell = Math.max(perCell, b.getAsLong());
      }
    }
    if (perCell == 0) {
      return parallel;
    }
    long budget = (long) (Runtime.getRuntime().maxMemory() * HEAP_SHARE);
    int fits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budget / perCell));
    if (fits < parallel) {
      options.progress().info("running " + fits + " cell" + plural(fits) + " at a time, not " + parallel
          + ": one image's solve needs about " + HeapEstimate.size(perCell) + " and the heap allows "
          + HeapEstimate.size(budget) + " for the cells (raise it with JAVA_OPTS=-Xmx...)");
      return fits;
    }
    return parallel;
  }

  private void runPending(RunDirectory root, List<SweepCell> pending, Map<String, RunEngine> engines,
      int parallel, int threadsPerCell, Map<String, CellOutcome> done) {
    SweepProgress cells = options.cells();
    cells.start(pending.size());
    if (pending.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(parallel, new java.util.concurrent.ThreadFactory() {
      private final AtomicInteger count = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "sweep-cell-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
    try {
      List<Future<CellOutcome>> futures = new ArrayList<>();
      for (SweepCell c : pending) {
        futures.add(pool.submit(() -> {
          RunEngine preflighted = engines.get(c.hash());
          CellOutcome o = CellRunner.run(c, cellDirectory(root, c), () -> preflighted != null ? preflighted
              : PlanRunner.engine(plan, c.config(), cellOptions(c, threadsPerCell), cellDirectory(root, c)),
              options.force());
          cells.cellDone(o);
          return o;
        }));
      }
      for (int i = 0; i < pending.size(); i++) {
        done.put(pending.get(i).hash(), futures.get(i).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparsecodeException("interrupted while running the sweep's cells", e);
    } catch (ExecutionException e) {
      // runCell records every exception; only an Error (out of memory) gets here
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new SparsecodeException("a cell failed unexpectedly: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs the pending cells with a dispatcher and reads their outcomes back from their directories; each cell is
   * reported to the progress as soon as the dispatcher says it finished.
   */
  private void dispatch(RunDirectory root, List<SweepCell> pending, Map<String, RunEngine> engines,
      Dispatcher dispatcher, Map<String, CellOutcome> done) {
    SweepProgress cells = options.cells();
    cells.start(pending.size());
    if (pending.isEmpty()) {
      return;
    }
    List<WorkUnit> units = new ArrayList<>();
    for (SweepCell c : pending) {
      RunDirectory dir = cellDirectory(root, c);
      if (options.force()) {
        dir.clearRunFiles();
        ImageBlocks.clear(dir.root());
      }
      // the dictionary the preflight made travels with the cell: no executor makes it again
      RunEngine engine = engines.get(c.hash());
      units.add(WorkUnit.cell(c, dir.root(), dispatcher.threadsPerUnit())
          .with(engine == null ? null : SharedDictionary.of(engine.dictionary())));
    }
    java.util.Set<Integer> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<WorkResult> results = dispatcher.run(units, i -> {
      if (reported.add(i)) {
        cells.cellDone(outcome(root, pending.get(i), null));
      }
    });
    for (int i = 0; i < pending.size(); i++) {
      CellOutcome o = outcome(root, pending.get(i), results.get(i));
      if (reported.add(i)) {
        cells.cellDone(o);
      }
      done.put(pending.get(i).hash(), o);
    }
  }

  /**
   * A dispatched cell's outcome, from its directory: its results when it completed, else its error ({@code r}'s,
   * or the directory's {@value #ERROR_FILE} when {@code r} is not known yet).
   */
  private static CellOutcome outcome(RunDirectory root, SweepCell c, WorkResult r) {
    RunDirectory dir = cellDirectory(root, c);
    double seconds = r != null ? r.seconds() : 0;
    java.util.Optional<RunResult> result = dir.isComplete() ? dir.results() : java.util.Optional.empty();
    if (result.isPresent() && (r == null || r.complete())) {
      if (r == null) {
        seconds = result.get().stages().values().stream().mapToDouble(Double::doubleValue).sum();
      }
      return new CellOutcome(c, CellOutcome.COMPLETE, seconds, result.get(), null, dir.root(), false);
    }
    String error;
    if (r != null && !r.complete()) {
      error = r.error();
    } else if (r != null) {
      error = "the cell ran to the end where it was run, but " + dir.root() + " holds no finished results.json:"
          + " the output directory must be on a file system that the driver and every executor share";
    } else {
      error = errorFile(dir);
    }
    return new CellOutcome(c, CellOutcome.FAILED, seconds, null, error, dir.root(), false);
  }

  /** The message of a failed cell's {@value #ERROR_FILE} (its first line names the cell), or a placeholder. */
  private static String errorFile(RunDirectory dir) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(dir.file(ERROR_FILE));
      return lines.size() > 1 ? String.join("\n", lines.subList(1, lines.size())) : "failed (no message)";
    } catch (java.io.IOException e) {
      return "failed (no " + ERROR_FILE + ")";
    }
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
