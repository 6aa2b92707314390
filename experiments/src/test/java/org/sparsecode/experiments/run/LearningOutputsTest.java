package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.eval.plot.LineChart;
import org.sparsecode.eval.plot.OrientationDensity;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

/** The files a run writes after learning: the objective plot and the log-Gabor re-fit of the learned atoms. */
class LearningOutputsTest {
  @TempDir
  Path tmp;

  private static final List<String> REFIT_FILES = List.of(RunDirectory.REFIT_CSV, RunDirectory.REFIT_HISTOGRAM_CSV,
      RunDirectory.REFIT_JSON, RunDirectory.ORIENTATION_PNG);

  /** The toy learner (objective 1/(step+1), kernels doubled) on the toy kernels of the given side. */
  private static ExperimentConfig learning(String variant, int kernelSize) {
    return ToyConfigs.config(variant, Map.of(), Map.of("size", kernelSize), Map.of("steps", 4), Map.of());
  }

  private static Map<String, Object> run(ExperimentConfig config, Path dir, boolean force) throws IOException {
    new PlanRunner(ToyConfigs.plan(config), new RunOptions(null, force, ProgressReporter.NONE)).run(dir);
    return Json.parseObject(Files.readString(dir.resolve(RunDirectory.RESULTS)), "results.json");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void aLearningRunDrawsItsObjectivePerStep() throws IOException {
    Path dir = tmp.resolve("out");
    run(learning(null, 2), dir, false);
    BufferedImage img = ImageIO.read(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG).toFile());
    assertThat(img.getWidth()).isEqualTo(LineChart.WIDTH);
    assertThat(img.getHeight()).isEqualTo(LineChart.HEIGHT);
  }

  @Test
  void evenKernelsAreRefitAndTheirOrientationDistributionDrawn() throws IOException {
    Path dir = tmp.resolve("out");
    run(learning(null, 4), dir, false);
    for (String f : REFIT_FILES) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    // the toy dictionary has 2 kernels: a header and one row each
    assertThat(Files.readAllLines(dir.resolve(RunDirectory.REFIT_CSV))).hasSize(3)
        .first().isEqualTo("index,theta,bTheta,phase,sf0,bsf,amplitude,r2");
    BufferedImage img = ImageIO.read(dir.resolve(RunDirectory.ORIENTATION_PNG).toFile());
    assertThat(img.getWidth()).isEqualTo(OrientationDensity.WIDTH);
    assertThat(img.getHeight()).isEqualTo(OrientationDensity.HEIGHT);
  }

  @Test
  void resultsJsonSummarisesTheRefitInTheLearningBlock() throws IOException {
    Map<String, Object> r = run(learning(null, 4), tmp.resolve("out"), false);
    Map<String, Object> learning = map(r.get("learning"));
    assertThat(learning).containsKeys("type", "steps", "objective");
    Map<String, Object> refit = map(learning.get("refit"));
    assertThat(refit).containsKeys("medianR2", "minR2", "atomsWithR2AtLeastMinR2", "bThetaHistogram");
    assertThat(refit.get("minR2")).isEqualTo(0.5);
    Map<String, Object> histogram = map(refit.get("bThetaHistogram"));
    // the default B_theta edges: 0, pi/72, 3pi/72, ..., 13pi/72 (RefitSettings.defaultBThetaEdges)
    assertThat((List<?>) histogram.get("bThetaEdges")).hasSize(8);
    assertThat((List<?>) histogram.get("counts")).hasSize(8);
    int binned = ((List<?>) histogram.get("counts")).stream().mapToInt(c -> ((Number) c).intValue()).sum();
    assertThat(binned + ((Number) histogram.get("excluded")).intValue()).isEqualTo(2);
  }

  @Test
  void theReportTabulatesTheRefitHistogramWithItsOpenEndedLastBin() throws IOException {
    Path dir = tmp.resolve("out");
    run(learning(null, 4), dir, false);
    String report = Files.readString(dir.resolve("report.html"));
    assertThat(report).contains("Atoms per bandwidth B_θ (the histogram of the re-fit):");
    // eight bins for eight edges: the last row runs to infinity
    assertThat(report.substring(report.indexOf("Atoms per bandwidth B_θ (the histogram"))).contains("∞");
  }

  @Test
  void oddKernelsSkipTheRefitAndTheRunCompletes() throws IOException {
    Path dir = tmp.resolve("out");
    Map<String, Object> r = run(learning(null, 3), dir, false);
    assertThat(r.get("status")).isEqualTo("complete");
    assertThat(map(r.get("learning"))).containsKey("objective").doesNotContainKey("refit");
    assertThat(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG)).exists();
    for (String f : REFIT_FILES) {
      assertThat(dir.resolve(f)).doesNotExist();
    }
  }

  @Test
  void aRunWithoutLearningWritesNoLearningFiles() throws IOException {
    Path dir = tmp.resolve("out");
    run(ToyConfigs.config(), dir, false);
    assertThat(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG)).doesNotExist();
    assertThat(dir.resolve(RunDirectory.REFIT_JSON)).doesNotExist();
  }

  @Test
  void forceRemovesTheLearningFilesOfTheEarlierRun() throws IOException {
    Path dir = tmp.resolve("out");
    run(learning(null, 4), dir, false);
    run(ToyConfigs.config(), dir, true);
    assertThat(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG)).doesNotExist();
    for (String f : REFIT_FILES) {
      assertThat(dir.resolve(f)).doesNotExist();
    }
  }

  @Test
  void aCompleteLearningRunIsLeftUntouched() throws IOException {
    Path dir = tmp.resolve("out");
    run(learning(null, 4), dir, false);
    FileTime plot = Files.getLastModifiedTime(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG));
    byte[] refit = Files.readAllBytes(dir.resolve(RunDirectory.REFIT_JSON));
    FileTime refitTime = Files.getLastModifiedTime(dir.resolve(RunDirectory.REFIT_JSON));
    PlanRunner.Outcome again = new PlanRunner(ToyConfigs.plan(learning(null, 4)), RunOptions.defaults()).run(dir);
    assertThat(again.alreadyComplete()).isTrue();
    assertThat(Files.getLastModifiedTime(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG))).isEqualTo(plot);
    assertThat(Files.readAllBytes(dir.resolve(RunDirectory.REFIT_JSON))).isEqualTo(refit);
    assertThat(Files.getLastModifiedTime(dir.resolve(RunDirectory.REFIT_JSON))).isEqualTo(refitTime);
  }

  @Test
  void variantsThatLearnedGetTheirCurvesOverlaidAndLinkedFromTheComparison() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(learning("a", 2), learning("b", 4),
        ToyConfigs.config("fixed", Map.of(), Map.of(), Map.of())), RunOptions.defaults()).run(dir);
    assertThat(ImageIO.read(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG).toFile()).getWidth())
        .isEqualTo(LineChart.WIDTH);
    String md = Files.readString(dir.resolve(RunDirectory.COMPARISON_MD));
    assertThat(md).contains("](" + RunDirectory.LEARNING_OBJECTIVE_PNG + ")")
        .contains("](b/" + RunDirectory.ORIENTATION_PNG + ")");
  }

  @Test
  void variantsWithoutLearningGetNoLearningCurve() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config("x", Map.of(), Map.of(), Map.of()),
        ToyConfigs.config("y", Map.of(), Map.of(), Map.of("lambda", 0.5))), RunOptions.defaults()).run(dir);
    assertThat(dir.resolve(RunDirectory.LEARNING_OBJECTIVE_PNG)).doesNotExist();
    assertThat(Files.readString(dir.resolve(RunDirectory.COMPARISON_MD)))
        .doesNotContain(RunDirectory.LEARNING_OBJECTIVE_PNG);
  }
}
