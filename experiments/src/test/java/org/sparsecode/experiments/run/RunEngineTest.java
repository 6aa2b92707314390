package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

class RunEngineTest {
  @TempDir
  Path tmp;

  private static Map<String, Object> run(ExperimentConfig config, Path dir) throws IOException {
    new PlanRunner(ToyConfigs.plan(config), RunOptions.defaults()).run(dir);
    return Json.parseObject(Files.readString(dir.resolve(RunDirectory.RESULTS)), "results.json");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  @Test
  void resultsJsonHasEveryFieldOfTheOutputContract() throws IOException {
    ExperimentConfig config = ToyConfigs.config();
    Map<String, Object> r = run(config, tmp.resolve("out"));
    assertThat(r).containsKeys("experiment", "seed", "configSha256", "provenance", "dictionary", "solver", "images",
        "summary", "status");
    assertThat(r.get("experiment")).isEqualTo("toy");
    assertThat(((Number) r.get("seed")).longValue()).isEqualTo(ToyConfigs.SEED);
    assertThat(r.get("configSha256")).isEqualTo(Json.sha256(config.resolved()));
    assertThat(map(r.get("provenance"))).containsKeys("version", "gitCommit", "java", "os", "arch", "threads",
        "startedAt", "finishedAt", "precision", "imagesSha256");
    assertThat((String) map(r.get("provenance")).get("imagesSha256")).matches("[0-9a-f]{64}");
    assertThat(map(r.get("dictionary"))).containsEntry("type", "engine-test-kernels").containsEntry("kernels", 2)
        .containsEntry("size", 2);
    assertThat(map(r.get("solver"))).containsEntry("type", "engine-test-solver").containsEntry("lambda", 0.1);
    List<Object> images = list(r.get("images"));
    assertThat(images).hasSize(2);
    assertThat(map(images.get(0))).containsKeys("id", "psnr", "sparseness", "objective", "iterations", "seconds",
        "l0").containsEntry("id", "img0").containsEntry("iterations", 3);
    assertThat(map(map(r.get("summary")).get("psnr"))).containsKeys("mean", "sd", "median", "min", "max");
    assertThat(r.get("status")).isEqualTo("complete");
  }

  @Test
  void objectiveIsComputedAtTheReturnedCode() throws IOException {
    // the toy solver codes s exactly with a delta kernel: x = soft(s, λ), so the reconstruction is x and
    // the objective is Σ ½ min(|s|, λ)² + λ Σ max(|s| − λ, 0), computed here from the toy image formula
    Map<String, Object> r = run(ToyConfigs.config(), tmp.resolve("out"));
    double lambda = 0.1;
    double expected = 0;
    for (int i = 0; i < 64; i++) {
      double s = Math.sin(0.7 * i) + 0.1 * (i % 3);
      expected += 0.5 * Math.pow(Math.min(Math.abs(s), lambda), 2) + lambda * Math.max(Math.abs(s) - lambda, 0);
    }
    double objective = Json.number(map(list(r.get("images")).get(0)).get("objective"));
    assertThat(objective).isCloseTo(expected, within(1e-12));
  }

  @Test
  void writesMetricsCsvDictionaryAndConfig() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir);
    List<String> csv = Files.readAllLines(dir.resolve(RunDirectory.METRICS));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(0)).isEqualTo("id,psnr,sparseness,objective,l0,iterations,seconds");
    assertThat(csv.get(1)).startsWith("img0,");
    NpyArray d = Npy.read(dir.resolve(RunDirectory.DICTIONARY));
    assertThat(d.shape()).containsExactly(2, 2, 2);
    assertThat(Files.readString(dir.resolve(RunDirectory.CONFIG))).contains("engine-test-solver");
  }

  @Test
  void leavesNoTemporaryFiles() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly("config.yaml",
          "dictionary.npy", "dictionary.png", "metrics.csv", "reconstruction-img0.png", "report.html", "results.json");
    }
  }

  @Test
  void aFinishedRunIsLeftUntouched() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir);
    byte[] before = Files.readAllBytes(dir.resolve(RunDirectory.RESULTS));
    var modified = Files.getLastModifiedTime(dir.resolve(RunDirectory.RESULTS));
    PlanRunner.Outcome again = new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), RunOptions.defaults()).run(dir);
    assertThat(again.alreadyComplete()).isTrue();
    assertThat(Files.readAllBytes(dir.resolve(RunDirectory.RESULTS))).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(dir.resolve(RunDirectory.RESULTS))).isEqualTo(modified);
  }

  @Test
  void forceStartsOver() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir);
    Files.writeString(dir.resolve(RunDirectory.METRICS), "stale");
    PlanRunner.Outcome again = new PlanRunner(ToyConfigs.plan(ToyConfigs.config()),
        new RunOptions(null, true, ProgressReporter.NONE)).run(dir);
    assertThat(again.ran()).containsExactly("toy");
    assertThat(Files.readString(dir.resolve(RunDirectory.METRICS))).startsWith("id,");
  }

  @Test
  void forceAlsoDropsALearningCheckpoint() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir);
    Files.write(dir.resolve(LearningCheckpoint.FILE_NAME), new byte[] {1});
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), new RunOptions(null, true, ProgressReporter.NONE)).run(dir);
    assertThat(dir.resolve(LearningCheckpoint.FILE_NAME)).doesNotExist();
  }

  @Test
  void aSolverFailureNamesTheImageAndTheIteration() {
    Path dir = tmp.resolve("out");
    ExperimentConfig config = ToyConfigs.config(null, Map.of(), Map.of(), Map.of("failAt", 1));
    assertThatThrownBy(() -> run(config, dir)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("img0").hasMessageContaining("iteration 1");
    assertThat(new RunDirectory(dir).isComplete()).isFalse();
  }

  @Test
  void kernelsLargerThanTheImagesAreAClearError() {
    ExperimentConfig config = ToyConfigs.config(null, Map.of("size", 4), Map.of("size", 6), Map.of());
    assertThatThrownBy(() -> run(config, tmp.resolve("out"))).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("4x4").hasMessageContaining("6x6 kernels");
    // nothing written: at most the empty output directory
    assertThat(tmp.resolve("out")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(),
        p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void anOutputDirectoryUnderARegularFileIsAClearError() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThatThrownBy(() -> run(ToyConfigs.config(), file.resolve("out")))
        .isInstanceOf(SparsecodeException.class).hasMessageContaining("cannot create output directory");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void variantsRunIntoSubdirectoriesAndAreCompared() throws IOException {
    Path dir = tmp.resolve("out");
    PlanRunner.Outcome outcome = new PlanRunner(ToyConfigs.plan(
        ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1)),
        ToyConfigs.config("large", Map.of(), Map.of(), Map.of("lambda", 0.5))), RunOptions.defaults()).run(dir);
    assertThat(outcome.ran()).containsExactly("small", "large");
    assertThat(new RunDirectory(dir.resolve("small")).isComplete()).isTrue();
    assertThat(new RunDirectory(dir.resolve("large")).isComplete()).isTrue();
    assertThat(dir.resolve(RunDirectory.RESULTS)).doesNotExist();
    assertThat(Files.readAllLines(dir.resolve(RunDirectory.COMPARISON_CSV))).hasSize(3);
    String md = Files.readString(dir.resolve(RunDirectory.COMPARISON_MD));
    assertThat(md).contains("| small ").contains("| large ").contains("PSNR (dB)").contains("±");
    Map<String, Object> summary = Json.parseObject(Files.readString(dir.resolve(RunDirectory.SUMMARY)), "s");
    assertThat(list(summary.get("variants"))).hasSize(2);
  }

  @Test
  void aFinishedVariantIsSkippedWhenTheRestRuns() {
    Path dir = tmp.resolve("out");
    ExperimentConfig small = ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1));
    ExperimentConfig large = ToyConfigs.config("large", Map.of(), Map.of(), Map.of("lambda", 0.5));
    new PlanRunner(ToyConfigs.plan(small), RunOptions.defaults()).run(dir);
    PlanRunner.Outcome outcome = new PlanRunner(ToyConfigs.plan(small, large), RunOptions.defaults()).run(dir);
    assertThat(outcome.skipped()).containsExactly("small");
    assertThat(outcome.ran()).containsExactly("large");
    assertThat(outcome.comparison().rows()).hasSize(2);
  }

  @Test
  void sameConfigurationGivesTheSameNumbers() throws IOException {
    Map<String, Object> a = run(ToyConfigs.config(), tmp.resolve("a"));
    Map<String, Object> b = run(ToyConfigs.config(), tmp.resolve("b"));
    assertThat(map(list(a.get("images")).get(1)).get("psnr")).isEqualTo(map(list(b.get("images")).get(1)).get("psnr"));
    assertThat(a.get("configSha256")).isEqualTo(b.get("configSha256"));
  }

  @Test
  void anInterruptedRunResumesAfterItsLastCodedImage() throws IOException {
    Path dir = tmp.resolve("out");
    Map<String, Object> full = run(ToyConfigs.config(), dir);
    // make it look killed after the first image, whose time is marked so that reuse is visible
    Map<String, Object> first = map(list(full.get("images")).get(0));
    first.put("seconds", 123.0);
    full.put("images", List.of(first));
    full.put("status", "running");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), Json.pretty(full));
    Map<String, Object> resumed = run(ToyConfigs.config(), dir);
    assertThat(resumed.get("status")).isEqualTo("complete");
    assertThat(list(resumed.get("images"))).hasSize(2);
    assertThat(map(list(resumed.get("images")).get(0)).get("seconds")).isEqualTo(123.0);
    assertThat(map(list(resumed.get("images")).get(1)).get("seconds")).isNotEqualTo(123.0);
  }

  @Test
  void aLearnerRunsFirstAndItsDictionaryIsTheOneUsedAndSaved() throws IOException {
    Path dir = tmp.resolve("out");
    Map<String, Object> r = run(ToyConfigs.config(null, Map.of(), Map.of(), Map.of("steps", 4), Map.of()), dir);
    Map<String, Object> learning = map(r.get("learning"));
    assertThat(learning).containsEntry("type", "engine-test-learner").containsEntry("steps", 4);
    assertThat(list(learning.get("objective"))).containsExactly(1.0, 0.5, 1.0 / 3, 0.25);
    // the toy learner doubles the delta kernels: the saved dictionary's (0, 0, 0) entry is 2
    assertThat(Npy.read(dir.resolve(RunDirectory.DICTIONARY)).data()[0]).isEqualTo(2.0);
  }
}
