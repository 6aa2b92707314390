package org.sparsecode.experiments.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.PlanRunner;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunOptions;
import org.sparsecode.experiments.sweep.SweepOptions;
import org.sparsecode.experiments.sweep.SweepProgress;
import org.sparsecode.experiments.sweep.SweepRunner;

/**
 * Plans and sweeps run through a {@link Dispatcher}, whole or split into {@link ImageBlocks}, give the numbers
 * and files of the local runners. The dispatcher here runs the units one after the other in this JVM, as an
 * executor would: from the plan loaded again.
 */
class ImageBlocksTest {
  private static final String BASE = """
      name: blocks
      seed: 2
      images: {type: embedded, size: 24, names: [camera, coffee, astronaut]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 0.02, maxIterations: 10, relStopTol: 0}
      metrics: [psnr, sparseness, {type: resilience, cutoffs: [0.1]}]
      """;

  @TempDir
  Path tmp;

  /** Runs every unit here, from the plan loaded again, and counts the units it ran. */
  private static final class InThisJvm implements Dispatcher {
    private final ExperimentPlan plan;
    private final int parallelism;
    final List<String> ran = new ArrayList<>();
    final List<WorkUnit> units = new ArrayList<>();

    InThisJvm(ExperimentPlan plan, int parallelism) {
      this.plan = plan;
      this.parallelism = parallelism;
    }

    @Override
    public int parallelism() {
      return parallelism;
    }

    @Override
    public int threadsPerUnit() {
      return 1;
    }

    @Override
    public List<WorkResult> run(List<WorkUnit> units, IntConsumer finished) {
      List<WorkResult> out = new ArrayList<>();
      for (int i = 0; i < units.size(); i++) {
        ran.add(units.get(i).label());
        this.units.add(units.get(i));
        out.add(units.get(i).run(plan, ProgressReporter.NONE));
        finished.accept(i);
      }
      return out;
    }
  }

  private ExperimentPlan load(String name, String text) throws IOException {
    Path file = Files.writeString(tmp.resolve(name + ".yaml"), text);
    return new ConfigLoader(PluginRegistry.load()).load(file, List.of());
  }

  /** An image's numbers: its metrics, curves and iterations, not its time. */
  private static List<Object> numbers(RunResult r) {
    List<Object> out = new ArrayList<>();
    for (ImageResult i : r.images()) {
      out.add(List.of(i.id(), i.metrics(), i.curves(), i.iterations()));
    }
    Map<String, Object> summary = new LinkedHashMap<>(r.summary());
    summary.remove("seconds");
    out.add(summary);
    return out;
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void variantsSplitIntoBlocksOfOneImageGiveTheNumbersAndFilesOfRunsInOnePiece() throws IOException {
    ExperimentPlan plan = load("two", BASE + "variants:\n  a: {}\n  b: {solver: {lambda: 0.05}}\n");
    Path local = tmp.resolve("local");
    Path split = tmp.resolve("split");
    new PlanRunner(plan, RunOptions.defaults()).run(local);
    InThisJvm jvm = new InThisJvm(plan, 2);
    new PlanRunner(plan, RunOptions.defaults()).run(split, new ImageBlocks(jvm, plan, 1));
    // three blocks of one image per variant, then each variant whole to finish
    assertThat(jvm.ran).hasSize(8).contains("variant a (1/2) images 2-2", "variant b (2/2) images 3-3");
    for (String v : List.of("a", "b")) {
      RunDirectory l = new RunDirectory(local.resolve(v));
      RunDirectory s = new RunDirectory(split.resolve(v));
      assertThat(s.isComplete()).isTrue();
      assertThat(numbers(s.results().orElseThrow())).isEqualTo(numbers(l.results().orElseThrow()));
      assertThat(Files.readAllBytes(s.file("reconstruction-camera.png")))
          .isEqualTo(Files.readAllBytes(l.file("reconstruction-camera.png")));
    }
    assertThat(files(split)).isEqualTo(files(local)).noneMatch(f -> f.contains(ImageBlocks.DIRECTORY));
  }

  @Test
  void blocksAreChosenOnlyWhenThereAreFewerExperimentsThanEightTimesTheSlots() throws IOException {
    ExperimentPlan plan = load("one", BASE);
    InThisJvm wide = new InThisJvm(plan, 2);
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("wide"), new ImageBlocks(wide, plan, 0));
    // one experiment, 2 slots: about 16 tasks wanted, so blocks of one image (3), then the finish
    assertThat(wide.ran).containsExactly("blocks images 1-1", "blocks images 2-2", "blocks images 3-3", "blocks");
    StringBuilder variants = new StringBuilder("variants:\n");
    for (int v = 0; v < ImageBlocks.TASKS_PER_SLOT; v++) {
      variants.append("  v").append(v).append(": {solver: {lambda: 0.0").append(v + 1).append("}}\n");
    }
    ExperimentPlan eight = load("eight", BASE + variants);
    InThisJvm one = new InThisJvm(eight, 1);
    new PlanRunner(eight, RunOptions.defaults()).run(tmp.resolve("eight"), new ImageBlocks(one, eight, 0));
    // eight experiments, one slot: no block
    assertThat(one.ran).hasSize(ImageBlocks.TASKS_PER_SLOT).allMatch(l -> !l.contains("images"));
  }

  @Test
  void aSweepThroughADispatcherGivesEveryCellTheNumbersOfTheLocalPool() throws IOException {
    ExperimentPlan plan = load("sweep", BASE + "sweep:\n  solver.lambda: [0.01, 0.05]\n");
    SweepOptions options = new SweepOptions(2, null, false, ProgressReporter.NONE, SweepProgress.NONE);
    SweepRunner.Outcome local = new SweepRunner(plan, options).run(tmp.resolve("local"));
    InThisJvm jvm = new InThisJvm(plan, 2);
    SweepRunner.Outcome split = new SweepRunner(plan, options).run(tmp.resolve("split"), new ImageBlocks(jvm, plan,
        2));
    assertThat(jvm.ran).hasSize(6);
    assertThat(split.outcomes()).hasSize(2).allSatisfy(o -> assertThat(o.failed()).isFalse());
    assertThat(split.parallel()).isEqualTo(2);
    for (int i = 0; i < 2; i++) {
      assertThat(numbers(split.outcomes().get(i).result())).isEqualTo(numbers(local.outcomes().get(i).result()));
      assertThat(split.outcomes().get(i).result().cell()).isEqualTo(local.outcomes().get(i).result().cell());
    }
    assertThat(files(tmp.resolve("split"))).isEqualTo(files(tmp.resolve("local")));
  }

  @Test
  void blocksThatAKilledRunLeftAreRemovedWhenTheExperimentRunsWhole() throws IOException {
    // one image each: nothing to split, the experiments run whole
    ExperimentPlan plan = load("pair", BASE.replace("names: [camera, coffee, astronaut]", "names: [camera]")
        + "variants:\n  a: {}\n  b: {solver: {lambda: 0.05}}\n");
    Path left = Files.createDirectories(tmp.resolve("run").resolve("a").resolve(ImageBlocks.DIRECTORY)
        .resolve("0-2"));
    Files.writeString(left.resolve("results.json"), "{\"status\": \"runn");
    InThisJvm jvm = new InThisJvm(plan, 1);
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("run"), new ImageBlocks(jvm, plan, 0));
    assertThat(jvm.ran).containsExactly("variant a (1/2)", "variant b (2/2)");
    assertThat(tmp.resolve("run").resolve("a").resolve(ImageBlocks.DIRECTORY)).doesNotExist();
  }

  /** The bytes of the files whose numbers must not depend on how the run was split. */
  private static void assertSameFiles(Path a, Path b, String... names) throws IOException {
    for (String n : names) {
      assertThat(Files.readString(b.resolve(n))).as(n).isEqualTo(Files.readString(a.resolve(n)));
    }
  }

  @Test
  void anExperimentThatPoolsItsCodesInBlocksWritesThePooledStatisticsOfARunInOnePiece() throws IOException {
    ExperimentPlan plan = load("pooled", BASE.replace("metrics: [psnr, sparseness,",
        "metrics: [psnr, sparseness, coefficient-histogram, orientation-activity,"));
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("local"));
    InThisJvm jvm = new InThisJvm(plan, 4);
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("pooled"), new ImageBlocks(jvm, plan, 1));
    assertThat(jvm.ran).containsExactly("blocks images 1-1", "blocks images 2-2", "blocks images 3-3", "blocks");
    assertSameFiles(tmp.resolve("local"), tmp.resolve("pooled"), "coefficient-histogram.csv",
        "orientation-activity.csv");
    // coefficients.json's pooled fits and counts, which a pool of the last block alone would not give
    assertThat(Files.readString(tmp.resolve("pooled").resolve("coefficients.json")))
        .isEqualTo(Files.readString(tmp.resolve("local").resolve("coefficients.json")))
        .contains("\"pooledImages\" : 3");
    assertThat(files(tmp.resolve("pooled"))).isEqualTo(files(tmp.resolve("local")));
  }

  @Test
  void anExperimentThatLearnsLearnsOnceThenItsBlocksCodeWithTheLearnedDictionary() throws IOException {
    ExperimentPlan plan = load("learns", BASE.replace("solver:",
        "learning: {type: online-cdl, steps: 3, maxIterations: 5, checkpointEvery: 2}\nsolver:")
        .replace("metrics: [psnr,", "metrics: [coefficient-histogram, psnr,"));
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("local"));
    InThisJvm jvm = new InThisJvm(plan, 4);
    new PlanRunner(plan, RunOptions.defaults()).run(tmp.resolve("split"), new ImageBlocks(jvm, plan, 2));
    assertThat(jvm.ran).containsExactly("blocks learning", "blocks images 1-2", "blocks images 3-3", "blocks");
    RunResult l = new RunDirectory(tmp.resolve("local")).results().orElseThrow();
    RunResult s = new RunDirectory(tmp.resolve("split")).results().orElseThrow();
    assertThat(numbers(s)).isEqualTo(numbers(l));
    assertThat(s.learning()).isEqualTo(l.learning());
    assertThat(Files.readAllBytes(tmp.resolve("split").resolve("dictionary.npy")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("local").resolve("dictionary.npy")));
    assertSameFiles(tmp.resolve("local"), tmp.resolve("split"), "coefficient-histogram.csv", "refit.csv");
    // the blocks were handed the learned dictionary, not the one the configuration generates
    SharedDictionary learned = SharedDictionary.of(org.sparsecode.core.io.DictionaryFiles.fromArray(
        org.sparsecode.core.io.Npy.read(tmp.resolve("local").resolve("dictionary.npy")), "dictionary.npy"));
    assertThat(jvm.units.stream().filter(WorkUnit::isBlock).map(u -> u.dictionary().kernels()))
        .hasSize(2).allSatisfy(k -> assertThat(k).containsExactly(learned.kernels()));
    assertThat(files(tmp.resolve("split"))).isEqualTo(files(tmp.resolve("local")));
  }

  @Test
  void aUnitCodesWithTheDictionaryItCarriesRatherThanGeneratingItAgain() throws IOException {
    ExperimentPlan plan = load("carried", BASE);
    WorkUnit unit = WorkUnit.experiment(plan.experiments().get(0), tmp.resolve("carried"), 1, "carried");
    RunDirectory dir = new RunDirectory(tmp.resolve("carried"));
    org.sparsecode.api.kernel.Dictionary generated = PlanRunner.engine(plan, plan.experiments().get(0),
        RunOptions.defaults(), dir).initialDictionary();
    double[] halved = generated.kernels().clone();
    for (int i = 0; i < halved.length; i++) {
      halved[i] /= 2;
    }
    SharedDictionary carried = SharedDictionary.of(new org.sparsecode.api.kernel.Dictionary(generated.size(),
        generated.count(), halved, generated.info()));
    assertThat(unit.with(carried).run(plan, ProgressReporter.NONE).complete()).isTrue();
    org.sparsecode.api.kernel.Dictionary written = org.sparsecode.core.io.DictionaryFiles.fromArray(
        org.sparsecode.core.io.Npy.read(dir.file("dictionary.npy")), "dictionary.npy");
    assertThat(written.kernels()).containsExactly(halved);
  }
}
