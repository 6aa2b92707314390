package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.eval.plot.ResilienceChart;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.ComparisonJson;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

class StudyPlotsTest {
  @TempDir
  Path tmp;

  /** A toy variant with {@code {type: resilience, cutoffs: [0, 0.05, 0.5]}} appended to its metrics. */
  private static ExperimentConfig withResilience(String variant, double lambda) {
    return ToyConfigs.withResilience(ToyConfigs.config(variant, Map.of(), Map.of(), Map.of("lambda", lambda)));
  }

  private static List<String> runQuietly(Path dir, ExperimentConfig... configs) {
    List<String> said = new ArrayList<>();
    ProgressReporter p = new ProgressReporter() {
      @Override
      public void info(String line) {
        said.add(line);
      }
    };
    new PlanRunner(ToyConfigs.plan(configs), new RunOptions(null, false, p)).run(dir);
    return said;
  }

  @Test
  void variantsWithResilienceGetComparisonJsonDistributionsAndResilienceCurvesLinkedFromComparisonMd()
      throws IOException {
    Path dir = tmp.resolve("out");
    List<String> said = runQuietly(dir, withResilience("small", 0.1), withResilience("large", 0.5));
    assertThat(said).noneMatch(line -> line.startsWith("warning"));
    Map<String, Object> json = Json.parseObject(Files.readString(dir.resolve(ComparisonJson.FILE)), "json");
    assertThat(json.get("seed")).isEqualTo((int) ToyConfigs.SEED);
    Map<?, ?> scenarios = (Map<?, ?>) json.get("scenarios");
    assertThat(List.copyOf(scenarios.keySet())).isEqualTo(List.of("small", "large"));
    assertThat(((Map<?, ?>) scenarios.get("small")).get("resilience")).isInstanceOf(Map.class);
    for (String png : List.of(StudyPlots.PSNR_DISTRIBUTION, StudyPlots.SPARSENESS_DISTRIBUTION,
        StudyPlots.RESILIENCE, "small/" + StudyPlots.RESILIENCE, "large/" + StudyPlots.RESILIENCE)) {
      assertThat(ImageIO.read(dir.resolve(png).toFile())).as(png).isNotNull();
    }
    assertThat(ImageIO.read(dir.resolve(StudyPlots.RESILIENCE).toFile()).getWidth())
        .isEqualTo(ResilienceChart.WIDTH);
    String md = Files.readString(dir.resolve(RunDirectory.COMPARISON_MD));
    assertThat(md).contains("](psnr-distribution.png)").contains("](sparseness-distribution.png)")
        .contains("](resilience.png)").contains("](small/resilience.png)");
  }

  @Test
  void withoutTheResilienceMetricNoResiliencePlotIsDrawn() {
    Path dir = tmp.resolve("out");
    runQuietly(dir, ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1)),
        ToyConfigs.config("large", Map.of(), Map.of(), Map.of("lambda", 0.5)));
    assertThat(dir.resolve(StudyPlots.PSNR_DISTRIBUTION)).isRegularFile();
    assertThat(dir.resolve(StudyPlots.RESILIENCE)).doesNotExist();
    assertThat(dir.resolve("small/" + StudyPlots.RESILIENCE)).doesNotExist();
  }

  @Test
  void theCeilFormIsReadFromTheResolvedMetrics() {
    assertThat(StudyPlots.form(Map.of("metrics", List.of("psnr", Map.of("type", "resilience", "form", "ceil")))))
        .isEqualTo("ceil");
    assertThat(StudyPlots.form(Map.of("metrics", List.of("psnr")))).isNull();
  }
}
