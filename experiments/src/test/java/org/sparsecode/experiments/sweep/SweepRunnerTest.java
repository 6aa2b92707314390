package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigError;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.ProgressReporter;

/** {@link SweepRunner}: cells into {@code DIR/cells/<hash>/}, reuse, failures, checks first, the thread split. */
class SweepRunnerTest {
  private static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 3, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness]
      """;
  /** Real kernels and a real solver, small: the numbers depend on the solver's sums. */
  private static final String REAL = """
      name: real
      images: {type: embedded, size: 24, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 0.02, maxIterations: 15, relStopTol: 0}
      metrics: [psnr, sparseness]
      sweep:
        solver.lambda: [0.01, 0.03, 0.1]
      """;

  @TempDir
  Path tmp;

  private ExperimentPlan load(String text) throws IOException {
    Path file = Files.writeString(tmp.resolve("sweep-" + Math.abs(text.hashCode()) + ".yaml"), text);
    return new ConfigLoader(PluginRegistry.load()).load(file, List.of());
  }

  private static SweepOptions options(Integer threads, Integer parallel) {
    return new SweepOptions(threads, parallel, false, ProgressReporter.NONE, SweepProgress.NONE);
  }

  @Test
  void everyCellRunsIntoTheDirectoryNamedByItsHashWithItsNameInResultsJson() throws IOException {
    ExperimentPlan plan = load(TOY + "sweep:\n  solver.lambda: [0.1, 0.2, 0.4]\n");
    SweepRunner.Outcome o = new SweepRunner(plan, options(2, null)).run(tmp.resolve("out"));

    assertThat(o.outcomes()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      CellOutcome c = o.outcomes().get(i);
      assertThat(c.cell()).isSameAs(plan.sweep().orElseThrow().cells().get(i));
      assertThat(c.directory()).isEqualTo(tmp.resolve("out/cells/" + c.cell().hash()));
      RunResult r = new RunDirectory(c.directory()).results().orElseThrow();
      assertThat(r.status()).isEqualTo(RunResult.COMPLETE);
      assertThat(r.configSha256()).isEqualTo(c.cell().hash());
      assertThat(r.cell()).containsEntry("name", c.cell().name());
      assertThat(r.solver().get("lambda")).isEqualTo(List.of(0.1, 0.2, 0.4).get(i));
      assertThat(c.reused()).isFalse();
    }
  }

  @Test
  void aRerunReusesEveryFinishedCellAndWritesNothingIntoThem() throws IOException {
    ExperimentPlan plan = load(TOY + "sweep:\n  solver.lambda: [0.1, 0.2]\n");
    Path out = tmp.resolve("out");
    SweepRunner.Outcome first = new SweepRunner(plan, options(1, null)).run(out);
    Path results = first.outcomes().get(0).directory().resolve(RunDirectory.RESULTS);
    FileTime before = Files.getLastModifiedTime(results);

    SweepRunner.Outcome again = new SweepRunner(plan, options(1, null)).run(out);

    assertThat(again.reused()).isEqualTo(2);
    assertThat(Files.getLastModifiedTime(results)).isEqualTo(before);
    assertThat(again.outcomes().get(1).result().images()).isEqualTo(first.outcomes().get(1).result().images());
  }

  @Test
  void addingAValueToAnAxisRunsOnlyTheNewCell() throws IOException {
    Path out = tmp.resolve("out");
    new SweepRunner(load(TOY + "sweep:\n  solver.lambda: [0.1, 0.2]\n"), options(1, null)).run(out);

    SweepRunner.Outcome grown = new SweepRunner(load(TOY + "sweep:\n  solver.lambda: [0.1, 0.2, 0.3]\n"),
        options(1, null)).run(out);

    assertThat(grown.outcomes()).extracting(CellOutcome::reused).containsExactly(true, true, false);
    assertThat(grown.outcomes().get(2).result().solver().get("lambda")).isEqualTo(0.3);
  }

  @Test
  void aFailingCellIsRecordedWithItsErrorAndTheOthersComplete() throws IOException {
    ExperimentPlan plan = load(TOY + """
        sweep:
          solver: [{type: engine-test-solver, lambda: 0.1}, {type: engine-test-solver, lambda: 0.1, failAt: 1},
                   {type: engine-test-solver, lambda: 0.3}]
        """);
    SweepRunner.Outcome o = new SweepRunner(plan, options(2, 2)).run(tmp.resolve("out"));

    assertThat(o.outcomes()).extracting(CellOutcome::status)
        .containsExactly(CellOutcome.COMPLETE, CellOutcome.FAILED, CellOutcome.COMPLETE);
    CellOutcome failed = o.failures().get(0);
    assertThat(failed.error()).contains("solver engine-test-solver failed").contains("objective is NaN");
    assertThat(failed.result()).isNull();
    assertThat(Files.readString(failed.directory().resolve(SweepRunner.ERROR_FILE))).contains("objective is NaN");
    assertThat(new RunDirectory(failed.directory()).isComplete()).isFalse();
  }

  @Test
  void cellsOfEqualConfigurationsRunOnceAndShareTheirDirectory() throws IOException {
    ExperimentPlan plan = load(TOY + """
        variants:
          a: {}
          b: {}
        sweep:
          solver.lambda: [0.1, 0.2]
        """);
    SweepRunner.Outcome o = new SweepRunner(plan, options(1, null)).run(tmp.resolve("out"));

    assertThat(o.outcomes()).hasSize(4);
    assertThat(o.outcomes().get(0).directory()).isEqualTo(o.outcomes().get(2).directory());
    assertThat(o.outcomes().get(2).cell().variant()).isEqualTo("b");
    try (var cells = Files.list(tmp.resolve("out/cells"))) {
      assertThat(cells.count()).isEqualTo(2);
    }
  }

  @Test
  void aConfigurationErrorInOneCellStopsTheSweepNamingTheCellBeforeAnythingRuns() throws IOException {
    ExperimentPlan plan = load("""
        name: too-large
        images: {type: embedded, size: 16, names: [camera]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        solver: {type: fista, lambda: 0.02, maxIterations: 5}
        metrics: [psnr]
        sweep:
          dictionary.size: [8, 32]
        """);
    Path out = tmp.resolve("out");

    assertThatThrownBy(() -> new SweepRunner(plan, options(1, null)).run(out))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("cell 'dictionary.size=32' (2/2 to run): ")
        .hasMessageContaining("smaller than the 32x32 kernels")
        .hasMessageEndingWith("nothing was run");
    assertThat(out.resolve("cells")).doesNotExist();
  }

  @Test
  void theNumbersOfACellDoNotDependOnHowTheThreadsAreSplit() throws IOException {
    ExperimentPlan plan = load(REAL);
    SweepRunner.Outcome one = new SweepRunner(plan, options(1, 1)).run(tmp.resolve("one"));
    SweepRunner.Outcome two = new SweepRunner(plan, options(2, 2)).run(tmp.resolve("two"));
    SweepRunner.Outcome wide = new SweepRunner(plan, options(3, 1)).run(tmp.resolve("wide"));

    assertThat(one.threadsPerCell()).isEqualTo(1);
    assertThat(wide.threadsPerCell()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      List<Map<String, Double>> a = metrics(one.outcomes().get(i));
      assertThat(metrics(two.outcomes().get(i))).isEqualTo(a);
      assertThat(metrics(wide.outcomes().get(i))).isEqualTo(a);
    }
  }

  @Test
  void theThreadsAreSplitEvenlyBetweenTheCellsRunningAtOnce() throws IOException {
    ExperimentPlan plan = load(TOY + "sweep:\n  solver.lambda: [0.1, 0.2, 0.3, 0.4]\n");
    SweepRunner.Outcome o = new SweepRunner(plan, options(4, 2)).run(tmp.resolve("out"));

    assertThat(o.parallel()).isEqualTo(2);
    assertThat(o.threadsPerCell()).isEqualTo(2);
    assertThat(o.outcomes().get(0).result().provenance().threads()).isEqualTo(2);
    SweepRunner.Outcome defaults = new SweepRunner(plan, options(4, null)).run(tmp.resolve("defaults"));
    assertThat(defaults.parallel()).isEqualTo(4);
    assertThat(defaults.threadsPerCell()).isEqualTo(1);
  }

  private static List<Map<String, Double>> metrics(CellOutcome c) {
    return c.result().images().stream().map(ImageResult::metrics).toList();
  }
}
