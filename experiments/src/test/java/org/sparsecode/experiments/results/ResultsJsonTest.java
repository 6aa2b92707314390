package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.SparsecodeException;

class ResultsJsonTest {
  @TempDir
  Path tmp;

  private static Map<String, Double> metrics(double psnr, double sparseness, double objective, double l0) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("psnr", psnr);
    m.put("sparseness", sparseness);
    m.put("objective", objective);
    m.put("l0", l0);
    return m;
  }

  private static Map<String, Map<String, Map<String, Double>>> resilience(double psnr) {
    Map<String, Map<String, Double>> curve = new LinkedHashMap<>();
    curve.put("0.0", Map.of("psnr", psnr, "sparseness", 0.5));
    curve.put("0.05", Map.of("psnr", Double.NEGATIVE_INFINITY, "sparseness", Double.NaN));
    return Map.of("resilience", curve);
  }

  /** A result with every block, non-finite numbers among its values, curves and a learning block. */
  static RunResult full() {
    Map<String, Object> learning = new LinkedHashMap<>();
    learning.put("type", "online-cdl");
    learning.put("steps", 3);
    learning.put("objective", List.of(10.0, Double.NaN, Double.POSITIVE_INFINITY));
    Map<String, Object> refit = new LinkedHashMap<>();
    refit.put("medianR2", null);
    refit.put("minR2", 0.5);
    learning.put("refit", refit);
    Map<String, Summary> summary = new LinkedHashMap<>();
    summary.put("psnr", new Summary(Double.POSITIVE_INFINITY, Double.NaN, 31.5, 30, Double.POSITIVE_INFINITY));
    summary.put("resilience_0.0_psnr", Summary.EMPTY);
    Map<String, Double> stages = new LinkedHashMap<>();
    stages.put("dictionary", 0.25);
    stages.put("coding", 1.5);
    return new RunResult("demo", "thin", 42, "abc", new Provenance("1.0", "deadbeef", "17", "Linux", "amd64", 2,
        "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "float64", "feed"),
        Map.of("type", "log-gabor", "kernels", 144, "size", 12), Map.of("type", "fista", "lambda", 0.01),
        learning, List.of(new ImageResult("camera", metrics(Double.POSITIVE_INFINITY, 0.9, 1.25, 7), resilience(30),
            100, 1.5), new ImageResult("coffee", metrics(31.5, Double.NaN, 2, 8), resilience(31.5), 50, 0.5)),
        summary, RunResult.COMPLETE, stages);
  }

  private static RunResult roundTrip(RunResult r) {
    return ResultsJson.read(Json.pretty(ResultsJson.toTree(r)), "results.json");
  }

  @Test
  void aResultWrittenAndReadBackIsEqualIncludingNonFiniteValuesCurvesAndLearning() {
    RunResult r = full();
    assertThat(roundTrip(r)).isEqualTo(r);
  }

  @Test
  void aRunningResultWithoutVariantLearningOrStagesReadsBackEqual() {
    RunResult f = full();
    RunResult r = new RunResult("demo", null, -1, "abc", new Provenance("1.0", "unknown", "17", "Linux", "amd64", 1,
        "2026-01-01T00:00:00Z", null, "float32", null), Map.of(), Map.of(), null,
        List.of(f.images().get(0)), Map.of(), RunResult.RUNNING, Map.of());
    assertThat(roundTrip(r)).isEqualTo(r);
  }

  @Test
  void aSweepCellsNameAndValuesAreWrittenAfterTheVariantAndReadBack() {
    RunResult f = full();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("solver.lambda", 0.001);
    values.put("dictionary.bThetas", List.of(0.087, 0.175));
    RunResult r = new RunResult(f.experiment(), f.variant(), f.seed(), f.configSha256(), f.provenance(),
        f.dictionary(), f.solver(), f.learning(), f.images(), f.summary(), f.status(), f.stages(),
        Map.of("name", "solver.lambda=0.001,dictionary.bThetas=[0.087, 0.175]", "values", values));
    assertThat(roundTrip(r)).isEqualTo(r);
    assertThat(List.copyOf(ResultsJson.toTree(r).keySet()).subList(0, 4))
        .containsExactly("experiment", "variant", "cell", "seed");
  }

  @Test
  void readingTheWrittenTextBackAndWritingItAgainGivesTheSameBytes() {
    String text = Json.pretty(ResultsJson.toTree(full()));
    assertThat(Json.pretty(ResultsJson.toTree(ResultsJson.read(text, "results.json")))).isEqualTo(text);
  }

  @Test
  void anOlderFileWithoutOptionalBlocksAndWithNullNumbersIsRead() {
    RunResult r = ResultsJson.read("""
        {"experiment": "old", "seed": 1, "configSha256": "x", "status": "complete",
         "images": [{"id": "a", "psnr": null, "sparseness": "NaN", "objective": 3}]}""", "old.json");
    assertThat(r.variant()).isNull();
    assertThat(r.learning()).isNull();
    assertThat(r.summary()).isEmpty();
    assertThat(r.provenance().threads()).isZero();
    ImageResult image = r.images().get(0);
    assertThat(image.metric("psnr")).isNaN();
    assertThat(image.metric("sparseness")).isNaN();
    assertThat(image.metric("objective")).isEqualTo(3.0);
    assertThat(image.seconds()).isNaN();
  }

  @Test
  void aMissingRequiredFieldNamesTheFileAndTheKey() {
    assertThatThrownBy(() -> ResultsJson.read("{\"experiment\": \"x\", \"status\": \"complete\", \"images\": []}",
        "dir/results.json")).isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("dir/results.json: configSha256 is missing");
  }

  @Test
  void aWrongTypeNamesTheKeyPathAndWhatWasFound() {
    assertThatThrownBy(() -> ResultsJson.read("""
        {"experiment": "x", "configSha256": "c", "status": "complete",
         "images": [{"id": "a", "psnr": 1}, {"id": "b", "psnr": "high"}]}""", "r.json"))
        .isInstanceOf(SparsecodeException.class)
        .hasMessageStartingWith("r.json: images[1].psnr: expected a number, found \"high\"");
  }

  @Test
  void aCurvePointThatIsNotAnObjectNamesItsPath() {
    assertThatThrownBy(() -> ResultsJson.read("""
        {"experiment": "x", "configSha256": "c", "status": "complete",
         "images": [{"id": "a", "resilience": {"0.1": 3}}]}""", "r.json"))
        .hasMessageStartingWith("r.json: images[0].resilience.0.1: expected an object, found 3");
  }

  @Test
  void aFileThatIsNotJsonOrAbsentIsAnErrorNamingIt() throws IOException {
    Path bad = Files.writeString(tmp.resolve("results.json"), "{not json");
    assertThatThrownBy(() -> ResultsJson.read(bad)).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ResultsJson.read(tmp.resolve("none.json"))).isInstanceOf(SparsecodeException.class)
        .hasMessageContaining("none.json").hasMessageContaining("no such file");
  }
}
