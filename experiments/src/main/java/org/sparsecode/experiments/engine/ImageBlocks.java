package org.sparsecode.experiments.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.io.Npz;
import org.sparsecode.eval.coefficients.CoefficientPool;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.ExperimentModule;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunEngine;
import org.sparsecode.experiments.run.RunOptions;

/**
 * Splits experiments into blocks of images, so that one experiment over many images spreads over a cluster's
 * slots too: a dispatcher around another one, on the machine that drives the run. Each block codes its images
 * into {@code <unit>/.blocks/<from>-<to>/} (a run of its own, resumable); when every block of an experiment is
 * done, its images' results are put together, in image order, into the experiment's {@code results.json} as a
 * run in progress that has coded every image, and their pooled coefficient statistics into its partial sums,
 * and the experiment runs once more as a whole unit: it finds every image coded (the resumption a killed run
 * gets) and only writes the tables, plots and report, so its files are those of a run in one piece. The blocks
 * are then removed.
 *
 * <p>Every unit's dictionary is made here, once, and travels with the units ({@link SharedDictionary}): no
 * executor generates or reads it again. An experiment that learns runs its learning stage first, as one unit
 * ({@link WorkUnit.Stage#LEARN}); its blocks then code with the dictionary it learned, read here from the
 * experiment's directory.
 *
 * <p>Coding is per image and deterministic, pooled statistics merge exactly ({@link CoefficientPool}), and
 * the learned dictionary is read back bit for bit, so the numbers are those of a run in one piece.
 */
public final class ImageBlocks implements Dispatcher {
  /**
   * The tasks per slot the blocks aim at: a slot whose last task ends early idles while the others finish
   * theirs, so smaller tasks balance better, and a task costs little (about 30 ms more than in one JVM, on
   * Spark's embedded master). With 2 slots, paper.yaml's 9-image experiments split into blocks of 3 images
   * ran 6.6 % slower than the local engine, whole ones 14.9 %.
   */
  static final int TASKS_PER_SLOT = 8;

  /** The sub-directory of an experiment's directory that holds its blocks while they run. */
  public static final String DIRECTORY = ".blocks";

  private final Dispatcher inner;
  private final ExperimentPlan plan;
  private final int imagesPerTask;

  /**
   * Creates the dispatcher.
   *
   * @param inner where the blocks and the experiments run
   * @param plan the plan the units come from (as loaded on the driver)
   * @param imagesPerTask the images of a block; 0 to choose: blocks only when there are fewer experiments than
   *     {@value #TASKS_PER_SLOT} times the slots, as many as make about that many tasks in all
   */
  public ImageBlocks(Dispatcher inner, ExperimentPlan plan, int imagesPerTask) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.plan = Objects.requireNonNull(plan, "plan");
    if (imagesPerTask < 0) {
      throw new IllegalArgumentException("imagesPerTask must be >= 0, got " + imagesPerTask);
    }
    this.imagesPerTask = imagesPerTask;
  }

  @Override
  public int parallelism() {
    return inner.parallelism();
  }

  @Override
  public int threadsPerUnit() {
    return inner.threadsPerUnit();
  }

  @Override
  public List<WorkResult> run(List<WorkUnit> units, IntConsumer finished) {
    int target = TASKS_PER_SLOT * inner.parallelism();
    int blocksPerUnit = units.size() >= target ? 1 : (target + units.size() - 1) / units.size();
    Split[] splits = new Split[units.size()];
    WorkResult[] results = new WorkResult[units.size()];
    double[] seconds = new double[units.size()];
    // first round: whole units, learning stages, and the blocks of experiments that learn nothing
    Round first = new Round();
    for (int i = 0; i < units.size(); i++) {
      splits[i] = split(units.get(i), blocksPerUnit);
      Split sp = splits[i];
      if (sp.blocks() == null) {
        first.add(units.get(i).with(sp.dictionary()), i);
      } else if (sp.learns()) {
        if (!sp.learned()) {
          first.add(units.get(i).with(sp.dictionary()).learning(), i);
        }
      } else {
        for (WorkUnit b : sp.blocks()) {
          first.add(b.with(sp.dictionary()), i);
        }
      }
    }
    first.run(inner, splits, finished, results, seconds);
    // second round: the blocks of experiments whose learning stage finished, with the dictionary it learned
    Round second = new Round();
    for (int i = 0; i < units.size(); i++) {
      Split sp = splits[i];
      if (sp.blocks() != null && sp.learns() && results[i] == null) {
        RunDirectory store = new RunDirectory(Path.of(units.get(i).directory()));
        Optional<Dictionary> learned = store.readLearned();
        if (learned.isEmpty()) {
          results[i] = WorkResult.failed(seconds[i], units.get(i).label() + ": its learning stage left no "
              + RunDirectory.LEARNED + " in " + store.root() + ": the output directory must be on a file system"
              + " every executor shares", false);
          continue;
        }
        SharedDictionary d = SharedDictionary.of(learned.get());
        for (WorkUnit b : sp.blocks()) {
          second.add(b.with(d), i);
        }
      }
    }
    second.run(inner, splits, finished, results, seconds);
    // the experiments whose blocks all finished: put their images together, then run them whole to finish
    Round last = new Round();
    for (int i = 0; i < units.size(); i++) {
      if (splits[i].blocks() != null && results[i] == null) {
        merge(units.get(i), splits[i].blocks());
        last.add(units.get(i).with(splits[i].dictionary()), i);
      }
    }
    List<WorkResult> ends = last.units.isEmpty() ? List.of()
        : inner.run(last.units, j -> finished.accept(last.owners.get(j)));
    for (int j = 0; j < ends.size(); j++) {
      int i = last.owners.get(j);
      WorkResult r = ends.get(j);
      results[i] = new WorkResult(r.complete(), seconds[i] + r.seconds(), r.error(), r.configError());
    }
    return List.of(results);
  }

  /**
   * How a unit runs: whole ({@code blocks} null) or in blocks, with the dictionary made here to start from;
   * for an experiment that learns, whether its learning stage has finished already.
   */
  private record Split(List<WorkUnit> blocks, SharedDictionary dictionary, boolean learns, boolean learned) {}

  /** Units that run together, each with the index of the unit it belongs to. */
  private static final class Round {
    private final List<WorkUnit> units = new ArrayList<>();
    private final List<Integer> owners = new ArrayList<>();

    void add(WorkUnit u, int owner) {
      units.add(u);
      owners.add(owner);
    }

    /**
     * Runs the round: a whole unit's result is its unit's; a block's or a learning stage's time adds to its
     * unit's, and its failure fails the unit (the others of the round go on).
     */
    void run(Dispatcher inner, Split[] splits, IntConsumer finished, WorkResult[] results, double[] seconds) {
      if (units.isEmpty()) {
        return;
      }
      List<WorkResult> done = inner.run(units, j -> {
        if (units.get(j).stage() == WorkUnit.Stage.WHOLE) {
          finished.accept(owners.get(j));
        }
      });
      for (int j = 0; j < units.size(); j++) {
        int i = owners.get(j);
        WorkUnit u = units.get(j);
        WorkResult r = done.get(j);
        if (u.stage() == WorkUnit.Stage.WHOLE) {
          results[i] = r;
          if (r.complete()) {
            // blocks an earlier, killed run left (it split the images differently): the experiment ran whole
            clear(Path.of(u.directory()));
          }
          continue;
        }
        seconds[i] += r.seconds();
        if (!r.complete() && results[i] == null) {
          String what = u.isBlock() ? "images " + (u.from() + 1) + "-" + u.to() : "learning";
          results[i] = WorkResult.failed(seconds[i], what + ": " + r.error(), r.configError());
        }
      }
    }
  }

  /**
   * How a unit runs. It runs whole when it is a block already, codes nothing, has one image or the split
   * gives one block, or its directory holds every image coded (a merge a kill interrupted). The dictionary to
   * start from is made here, once; a unit the plan no longer holds runs as it is (and says so).
   */
  private Split split(WorkUnit u, int blocksPerUnit) {
    Map.Entry<ExperimentPlan, ExperimentConfig> found = u.locate(plan);
    if (found == null || u.isBlock()) {
      return new Split(null, u.dictionary(), false, false);
    }
    ExperimentConfig config = found.getValue();
    boolean learns = config.learning() != null;
    boolean whole = config.solver() == null || (imagesPerTask == 0 && blocksPerUnit <= 1);
    if (whole && u.dictionary() != null) {
      // the dictionary the runner's preflight made: nothing to wire here
      return new Split(null, u.dictionary(), learns, false);
    }
    Path dir = Path.of(u.directory());
    RunDirectory store = new RunDirectory(dir);
    RunEngine engine = PlanRunner.engine(found.getKey(), config, new RunOptions(1, false, ProgressReporter.NONE),
        store);
    SharedDictionary start = u.dictionary() != null ? u.dictionary()
        : SharedDictionary.of(engine.initialDictionary());
    if (whole) {
      return new Split(null, start, learns, false);
    }
    int n = engine.images().size();
    int size = imagesPerTask > 0 ? imagesPerTask : (n + blocksPerUnit - 1) / blocksPerUnit;
    if (n < 2 || size >= n || store.isComplete() || coded(store, u.key()) == n) {
      return new Split(null, start, learns, false);
    }
    List<WorkUnit> out = new ArrayList<>();
    for (int from = 0; from < n; from += size) {
      int to = Math.min(n, from + size);
      Path blockDir = dir.resolve(DIRECTORY).resolve(from + "-" + to);
      RunDirectory b = new RunDirectory(blockDir);
      if (b.isComplete() && !u.key().equals(b.results().map(RunResult::configSha256).orElse(null))) {
        // a finished block of another configuration (the run was started over): code it again
        delete(blockDir);
      }
      out.add(u.block(blockDir, from, to));
    }
    return new Split(out, start, learns, learns && store.learningStage(u.key()).isPresent());
  }

  /** The images a run in progress of the configuration recorded in a directory, 0 when none. */
  private static int coded(RunDirectory store, String sha) {
    try {
      Optional<RunResult> r = store.results();
      return r.filter(x -> RunResult.RUNNING.equals(x.status()) && sha.equals(x.configSha256()))
          .map(x -> x.images().size()).orElse(0);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Puts the blocks' images together in the unit's results.json (a run in progress that coded them all, with
   * the learning block its learning stage recorded), their pooled coefficient statistics in its
   * {@link RunDirectory#PARTIAL_SUMS} (each block's images moved to their place in the run), with the first
   * block's reconstruction of the first image, then removes the blocks. Every file goes atomically and
   * results.json last, so a kill at any moment leaves something a rerun resumes from.
   */
  private static void merge(WorkUnit u, List<WorkUnit> blocks) {
    RunDirectory store = new RunDirectory(Path.of(u.directory()));
    store.create();
    List<ImageResult> images = new ArrayList<>();
    RunResult head = null;
    CoefficientPool pool = null;
    for (WorkUnit b : blocks) {
      RunDirectory dir = new RunDirectory(Path.of(b.directory()));
      RunResult r = dir.results().orElseThrow(() -> new IllegalStateException(dir.root() + " holds no results.json"
          + " although its task finished: the output directory must be on a file system every executor shares"));
      head = head == null ? r : head;
      images.addAll(r.images());
      Path partial = dir.file(RunDirectory.PARTIAL_SUMS);
      if (Files.isRegularFile(partial)) {
        CoefficientPool p = CoefficientPool.fromArrays(Npz.read(partial), partial.toString()).shifted(b.from());
        pool = pool == null ? p : pool.merge(p);
      }
    }
    Path firstBlock = Path.of(blocks.get(0).directory());
    try (DirectoryStream<Path> pngs = Files.newDirectoryStream(firstBlock, RunDirectory.RECONSTRUCTION_PREFIX
        + "*.png")) {
      for (Path p : pngs) {
        AtomicFiles.write(store.file(p.getFileName().toString()), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the reconstruction of " + firstBlock, e);
    }
    if (pool != null) {
      Npz.write(store.file(RunDirectory.PARTIAL_SUMS), pool.toArrays());
    }
    RunResult own = store.learningStage(u.key()).orElse(null);
    RunResult merged = new RunResult(head.experiment(), head.variant(), head.seed(), head.configSha256(),
        head.provenance(), head.dictionary(), head.solver(), own == null ? null : own.learning(), images,
        head.summary(), RunResult.RUNNING, own == null ? head.stages() : own.stages(), head.cell());
    store.writeString(RunDirectory.RESULTS, Json.pretty(ResultsJson.toTree(merged)));
    delete(store.root().resolve(DIRECTORY));
  }

  /**
   * Removes the blocks a directory holds: a run that starts over ({@code --force}) clears them with the other run
   * files.
   *
   * @param unitDirectory an experiment's directory
   */
  public static void clear(Path unitDirectory) {
    delete(unitDirectory.resolve(DIRECTORY));
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }

  /**
   * The engine of a block: the experiment wired as usual, its images limited to {@code [from, to)}.
   *
   * @param plan the plan (its file names configuration errors)
   * @param config the experiment
   * @param options threads and progress
   * @param dir the block's directory
   * @param from the first image's index
   * @param to the index after the last image
   * @param dictionary the dictionary to code with, or {@code null} to generate it from the configuration
   * @return the engine
   */
  static RunEngine engine(ExperimentPlan plan, ExperimentConfig config, RunOptions options, RunDirectory dir,
      int from, int to, Dictionary dictionary) {
    ImageSource all = PlanRunner.engine(plan, config, options, dir).images();
    if (to > all.size()) {
      throw new IllegalStateException("images " + (from + 1) + "-" + to + " asked of " + all.size());
    }
    ImageSource block = new ImageSource() {
      @Override
      public int size() {
        return to - from;
      }

      @Override
      public Image get(int index) {
        return all.get(from + index);
      }

      @Override
      public String id(int index) {
        return all.id(from + index);
      }
    };
    try {
      return ExperimentModule.engine(config, options, dir, dictionary, block);
    } catch (ConfigError e) {
      throw new ConfigError(plan.file() + ": " + e.getMessage(), e);
    }
  }
}
