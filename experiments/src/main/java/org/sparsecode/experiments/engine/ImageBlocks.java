package org.sparsecode.experiments.engine;

import com.google.inject.Guice;
import com.google.inject.util.Modules;
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
import org.sparsecode.core.io.AtomicFiles;
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
 * slots too: a dispatcher around another one. Each block codes its images into {@code <unit>/.blocks/<from>-<to>/}
 * (a run of its own, resumable); when every block of an experiment is done, its images' results are put together,
 * in image order, into the experiment's {@code results.json} as a run in progress that has coded every image, and
 * the experiment runs once more as a whole unit: it finds every image coded (the resumption a killed run gets)
 * and only writes the tables, plots and report, so its files are those of a run in one piece. The blocks are then
 * removed.
 *
 * <p>Coding is per image and deterministic, and the dictionary is generated from the configuration alone, so the
 * numbers are those of a run in one piece. An experiment that learns its dictionary, or that pools statistics
 * over its images' codes ({@code coefficient-histogram}, {@code orientation-activity}), runs whole.
 */
public final class ImageBlocks implements Dispatcher {
  /** The sub-directory of an experiment's directory that holds its blocks while they run. */
  public static final String DIRECTORY = ".blocks";
  /** Metrics that pool the codes of every image: their experiments run whole. */
  private static final List<String> POOLED = List.of("coefficient-histogram", "orientation-activity");

  private final Dispatcher inner;
  private final ExperimentPlan plan;
  private final int imagesPerTask;

  /**
   * Creates the dispatcher.
   *
   * @param inner where the blocks and the experiments run
   * @param plan the plan the units come from (as loaded on the driver)
   * @param imagesPerTask the images of a block; 0 to choose: blocks only when there are fewer experiments than
   *     twice the slots, as many as make about twice the slots in all
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
    int target = 2 * inner.parallelism();
    int blocksPerUnit = units.size() >= target ? 1 : (target + units.size() - 1) / units.size();
    List<WorkUnit> first = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    List<List<WorkUnit>> blocks = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      WorkUnit u = units.get(i);
      List<WorkUnit> b = blocks(u, blocksPerUnit);
      blocks.add(b);
      for (WorkUnit x : b == null ? List.of(u) : b) {
        first.add(x);
        owner.add(i);
      }
    }
    List<WorkResult> firstResults = first.isEmpty() ? List.of() : inner.run(first, j -> {
      if (blocks.get(owner.get(j)) == null) {
        finished.accept(owner.get(j));
      }
    });
    WorkResult[] results = new WorkResult[units.size()];
    double[] blockSeconds = new double[units.size()];
    for (int j = 0; j < first.size(); j++) {
      int i = owner.get(j);
      WorkResult r = firstResults.get(j);
      if (blocks.get(i) == null) {
        results[i] = r;
        if (r.complete()) {
          // blocks an earlier, killed run left (it split the images differently): the experiment ran whole
          clear(Path.of(units.get(i).directory()));
        }
      } else {
        blockSeconds[i] += r.seconds();
        if (!r.complete() && results[i] == null) {
          results[i] = WorkResult.failed(r.seconds(), "images " + (first.get(j).from() + 1) + "-"
              + first.get(j).to() + ": " + r.error(), r.configError());
        }
      }
    }
    // the experiments whose blocks all finished: put their images together, then run them whole to finish
    List<WorkUnit> finishing = new ArrayList<>();
    List<Integer> finishingOwner = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      if (blocks.get(i) != null && results[i] == null) {
        merge(units.get(i), blocks.get(i));
        finishing.add(units.get(i));
        finishingOwner.add(i);
      }
    }
    List<WorkResult> last = finishing.isEmpty() ? List.of()
        : inner.run(finishing, j -> finished.accept(finishingOwner.get(j)));
    for (int j = 0; j < finishing.size(); j++) {
      int i = finishingOwner.get(j);
      WorkResult r = last.get(j);
      results[i] = new WorkResult(r.complete(), blockSeconds[i] + r.seconds(), r.error(), r.configError());
    }
    return List.of(results);
  }

  /**
   * The blocks of a unit, or {@code null} when it runs whole: it learns, pools its codes, has one image, or the
   * split gives one block; or its directory already holds every image coded (a merge a kill interrupted).
   */
  private List<WorkUnit> blocks(WorkUnit u, int blocksPerUnit) {
    if (u.isBlock() || (imagesPerTask == 0 && blocksPerUnit <= 1)) {
      return null;
    }
    Map.Entry<ExperimentPlan, ExperimentConfig> found = u.locate(plan);
    if (found == null || !splittable(found.getValue())) {
      return null;
    }
    Path dir = Path.of(u.directory());
    RunDirectory store = new RunDirectory(dir);
    int n = PlanRunner.engine(found.getKey(), found.getValue(), new RunOptions(1, false, ProgressReporter.NONE),
        store).images().size();
    int size = imagesPerTask > 0 ? imagesPerTask : (n + blocksPerUnit - 1) / blocksPerUnit;
    if (n < 2 || size >= n || store.isComplete() || coded(store, u.key()) == n) {
      return null;
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
    return out;
  }

  /** Whether an experiment may be split: it codes, learns nothing and pools no statistics over its codes. */
  private static boolean splittable(ExperimentConfig config) {
    return config.solver() != null && config.learning() == null
        && config.metrics().stream().noneMatch(m -> POOLED.contains(m.plugin().name()));
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
   * Puts the blocks' images together in the unit's results.json (a run in progress that coded them all), with
   * the first block's reconstruction of the first image, then removes the blocks. The reconstruction goes first
   * and results.json last, each atomically, so a kill at any moment leaves something a rerun resumes from.
   */
  private static void merge(WorkUnit u, List<WorkUnit> blocks) {
    RunDirectory store = new RunDirectory(Path.of(u.directory()));
    store.create();
    List<ImageResult> images = new ArrayList<>();
    RunResult head = null;
    for (WorkUnit b : blocks) {
      RunDirectory dir = new RunDirectory(Path.of(b.directory()));
      RunResult r = dir.results().orElseThrow(() -> new IllegalStateException(dir.root() + " holds no results.json"
          + " although its task finished: the output directory must be on a file system every executor shares"));
      head = head == null ? r : head;
      images.addAll(r.images());
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
    RunResult merged = new RunResult(head.experiment(), head.variant(), head.seed(), head.configSha256(),
        head.provenance(), head.dictionary(), head.solver(), head.learning(), images, head.summary(),
        RunResult.RUNNING, head.stages(), head.cell());
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
   * @return the engine
   */
  static RunEngine engine(ExperimentPlan plan, ExperimentConfig config, RunOptions options, RunDirectory dir,
      int from, int to) {
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
    return Guice.createInjector(Modules.override(new ExperimentModule(config, options, dir))
        .with(b -> b.bind(ImageSource.class).toInstance(block))).getInstance(RunEngine.class);
  }
}
