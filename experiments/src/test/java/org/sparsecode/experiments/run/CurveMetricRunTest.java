package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

class CurveMetricRunTest {
  @TempDir
  Path tmp;

  /** The toy experiment with {@code {type: resilience, cutoffs: [0, 0.05, 0.5]}} appended to its metrics. */
  private static ExperimentConfig withResilience() {
    return ToyConfigs.withResilience(ToyConfigs.config());
  }

  private static Map<String, Object> run(Path dir) throws IOException {
    new PlanRunner(ToyConfigs.plan(withResilience()), RunOptions.defaults()).run(dir);
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
  void resultsJsonHoldsTheResilienceCurveAsANestedMapPerImage() throws IOException {
    Map<String, Object> image = map(list(run(tmp.resolve("out")).get("images")).get(0));
    assertThat(image).containsKeys("id", "psnr", "sparseness", "objective", "l0", "iterations", "seconds");
    Map<String, Object> curve = map(image.get("resilience"));
    assertThat(curve).containsOnlyKeys("0.0", "0.05", "0.5");
    assertThat(map(curve.get("0.05"))).containsOnlyKeys("psnr", "sparseness");
  }

  @Test
  void psnrAndSparsenessAtCutoffZeroAreTheImagesOwn() throws IOException {
    for (Object o : list(run(tmp.resolve("out")).get("images"))) {
      Map<String, Object> image = map(o);
      Map<String, Object> zero = map(map(image.get("resilience")).get("0.0"));
      assertThat(Json.number(zero.get("psnr"))).isEqualTo(Json.number(image.get("psnr")));
      assertThat(Json.number(zero.get("sparseness"))).isEqualTo(Json.number(image.get("sparseness")));
    }
  }

  @Test
  void summaryHasOneEntryPerCurvePointAndQuantity() throws IOException {
    Map<String, Object> summary = map(run(tmp.resolve("out")).get("summary"));
    assertThat(summary).containsKeys("psnr", "resilience_0.0_psnr", "resilience_0.5_sparseness")
        .doesNotContainKey("resilience");
    assertThat(map(summary.get("resilience_0.05_psnr"))).containsKeys("mean", "sd", "median", "min", "max");
  }

  @Test
  void metricsCsvHasAColumnPerCurvePointAndQuantity() throws IOException {
    Path dir = tmp.resolve("out");
    run(dir);
    List<String> csv = Files.readAllLines(dir.resolve(RunDirectory.METRICS));
    assertThat(csv.get(0)).isEqualTo("id,psnr,sparseness,objective,l0,resilience_0.0_psnr,resilience_0.0_sparseness,"
        + "resilience_0.05_psnr,resilience_0.05_sparseness,resilience_0.5_psnr,resilience_0.5_sparseness,"
        + "iterations,seconds");
    assertThat(csv.get(1).split(",")).hasSize(13);
  }

  @Test
  void aResumedRunKeepsTheCurvesOfItsEarlierImages() throws IOException {
    Path dir = tmp.resolve("out");
    Map<String, Object> full = run(dir);
    Map<String, Object> first = map(list(full.get("images")).get(0));
    Object curve = first.get("resilience");
    first.put("seconds", 123.0);
    full.put("images", List.of(first));
    full.put("status", "running");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), Json.pretty(full));
    Map<String, Object> resumed = run(dir);
    Map<String, Object> again = map(list(resumed.get("images")).get(0));
    assertThat(again.get("seconds")).isEqualTo(123.0);
    assertThat(again.get("resilience")).isEqualTo(curve);
  }
}
