package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonJsonTest {
  @TempDir
  Path tmp;

  private static final List<String> IDS = List.of("i1", "i2", "i3", "i4", "i5", "i6");

  /** A variant's results as PlanRunner reads them; resilience points derived from the values when asked. */
  private static RunResult results(List<String> ids, double[] psnr, double[] sparseness, boolean resilience) {
    List<ImageResult> images = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("psnr", psnr[i]);
      metrics.put("sparseness", sparseness[i]);
      Map<String, Map<String, Map<String, Double>>> curves = new LinkedHashMap<>();
      if (resilience) {
        Map<String, Map<String, Double>> curve = new LinkedHashMap<>();
        curve.put("0.001", Map.of("psnr", psnr[i] - 0.1, "sparseness", sparseness[i] + 0.001));
        curve.put("0.5", Map.of("psnr", psnr[i] - 5, "sparseness", sparseness[i] + 0.01));
        curves.put("resilience", curve);
      }
      images.add(new ImageResult(ids.get(i), metrics, curves, 10, 0.5));
    }
    return new RunResult("study", null, 42, "sha", new Provenance("1", "c", "17", "Linux", "amd64", 1,
        "2026-01-01T00:00:00Z", null, "float64", null), Map.of(), Map.of(), null, images, Map.of(),
        RunResult.COMPLETE);
  }

  /** thin and full: the same six images (paired); scratch: three other images (unpaired), no resilience. */
  private static Map<String, RunResult> study() {
    Map<String, RunResult> m = new LinkedHashMap<>();
    m.put("thin", results(IDS, new double[] {30, 31, 32, 33, 34, 35},
        new double[] {0.90, 0.91, 0.92, 0.93, 0.94, 0.95}, true));
    // a − b = 10, 10.5, …, 12.5: all positive and distinct
    m.put("full", results(IDS, new double[] {20, 20.5, 21, 21.5, 22, 22.5},
        new double[] {0.96, 0.965, 0.97, 0.975, 0.98, 0.985}, true));
    m.put("scratch", results(List.of("x1", "x2", "x3"), new double[] {25, 26, 27.5},
        new double[] {0.5, 0.6, 0.7}, false));
    return m;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> tests(Map<String, Object> tree) {
    return (List<Map<String, Object>>) tree.get("tests");
  }

  private static Map<String, Object> test(Map<String, Object> tree, String a, String b, String metric) {
    return tests(tree).stream().filter(t -> t.get("a").equals(a) && t.get("b").equals(b)
        && t.get("metric").equals(metric)).findFirst().orElseThrow();
  }

  @Test
  void scenarioMediansAreThoseOfThePerImageValuesWithACiAroundThem() {
    Map<String, Object> tree = ComparisonJson.tree("study", 42, study());
    Map<String, Object> thin = map(map(tree.get("scenarios")).get("thin"));
    assertThat(thin.get("n")).isEqualTo(6);
    Map<String, Object> psnr = map(thin.get("psnr"));
    // numpy.median([30..35]) = 32.5
    assertThat((Double) psnr.get("median")).isCloseTo(32.5, within(1e-12));
    List<?> ci = (List<?>) psnr.get("ci95");
    assertThat((Double) ci.get(0)).isBetween(30.0, 32.5);
    assertThat((Double) ci.get(1)).isBetween(32.5, 35.0);
    assertThat((Double) map(map(map(map(tree.get("scenarios")).get("scratch")).get("sparseness")))
        .get("median")).isCloseTo(0.6, within(1e-12));
  }

  @Test
  void resilienceMediansKeepTheCutoffKeysAndAreAbsentWithoutTheCurve() {
    Map<String, Object> tree = ComparisonJson.tree("study", 42, study());
    Map<String, Object> scenarios = map(tree.get("scenarios"));
    Map<String, Object> curve = map(map(scenarios.get("full")).get("resilience"));
    assertThat(curve).containsOnlyKeys("0.001", "0.5");
    // median of the full psnr (21.25) minus 5
    assertThat((Double) map(curve.get("0.5")).get("psnr")).isCloseTo(16.25, within(1e-12));
    assertThat((Double) map(curve.get("0.001")).get("sparseness")).isCloseTo(0.9735, within(1e-12));
    assertThat(map(scenarios.get("scratch"))).doesNotContainKey("resilience");
  }

  @Test
  void everyUnorderedPairIsTestedInVariantOrderForEachMetric() {
    Map<String, Object> tree = ComparisonJson.tree("study", 42, study());
    List<String> pairs = tests(tree).stream().map(t -> t.get("metric") + ":" + t.get("a") + "-" + t.get("b"))
        .toList();
    assertThat(pairs).containsExactly("psnr:thin-full", "psnr:thin-scratch", "psnr:full-scratch",
        "sparseness:thin-full", "sparseness:thin-scratch", "sparseness:full-scratch",
        "psnr@0.001:thin-full", "psnr@0.5:thin-full");
  }

  @Test
  void sameImagesAreComparedPairedWithTheExactWilcoxonP() {
    Map<String, Object> t = test(ComparisonJson.tree("study", 42, study()), "thin", "full", "psnr");
    assertThat(t.get("paired")).isEqualTo(true);
    assertThat(t.get("n")).isEqualTo(6);
    // six positive distinct differences: only 1 of the 2^6 sign patterns reaches W+ = 21, two-sided 2/64
    assertThat((Double) t.get("wilcoxonP")).isCloseTo(2.0 / 64, within(1e-12));
    // complete separation of 6 and 6: U = 36, z = 18 / sqrt(36·13/12), p = erfc(z/√2) (python's math.erfc)
    assertThat((Double) t.get("mannWhitneyP")).isCloseTo(0.003947751856903463, within(1e-12));
    assertThat((Double) t.get("effectSize")).isCloseTo(1.0, within(1e-12));
    assertThat(t.get("effectSizeKind")).isEqualTo(ComparisonJson.MATCHED_PAIRS);
    // median of 10, 10.5, …, 12.5
    assertThat((Double) t.get("medianDifference")).isCloseTo(11.25, within(1e-12));
    assertThat(t.get("direction")).isEqualTo("a>b");
  }

  @Test
  void differentImagesAreComparedUnpairedWithoutWilcoxon() {
    Map<String, Object> t = test(ComparisonJson.tree("study", 42, study()), "thin", "scratch", "psnr");
    assertThat(t.get("paired")).isEqualTo(false);
    assertThat(t).containsEntry("wilcoxonP", null);
    assertThat(t.get("n")).isEqualTo(9);
    assertThat(t.get("effectSizeKind")).isEqualTo(ComparisonJson.MANN_WHITNEY);
    // median(thin) − median(scratch) = 32.5 − 26
    assertThat((Double) t.get("medianDifference")).isCloseTo(6.5, within(1e-12));
    assertThat((List<?>) t.get("ci95")).hasSize(2);
  }

  @Test
  void directionNeedsTheTestedPBelowFivePercent() {
    assertThat(ComparisonJson.direction(0.0625, 3, 1)).isEqualTo(ComparisonJson.NONE);
    assertThat(ComparisonJson.direction(0.01, -0.2, -0.5)).isEqualTo("a<b");
    assertThat(ComparisonJson.direction(0.01, 0, 0.4)).isEqualTo("a>b");
    assertThat(ComparisonJson.direction(Double.NaN, 1, 1)).isEqualTo(ComparisonJson.NONE);
  }

  @Test
  void aVariantWithOneImageGetsNoCiAndNoTestsAndNanIsWrittenAsNull() {
    Map<String, RunResult> m = new LinkedHashMap<>();
    m.put("thin", results(List.of("i1", "i2", "i3"), new double[] {30, Double.NaN, 32},
        new double[] {0.9, 0.91, 0.92}, false));
    m.put("one", results(List.of("i1"), new double[] {Double.NaN}, new double[] {0.9}, false));
    Map<String, Object> tree = ComparisonJson.tree("study", 42, m);
    Map<String, Object> one = map(map(tree.get("scenarios")).get("one"));
    assertThat(map(one.get("psnr"))).containsEntry("median", null).containsEntry("ci95", null);
    assertThat(map(one.get("sparseness"))).containsEntry("ci95", null);
    assertThat((Double) map(one.get("sparseness")).get("median")).isEqualTo(0.9);
    Map<String, Object> thinPsnr = map(map(map(tree.get("scenarios")).get("thin")).get("psnr"));
    assertThat(thinPsnr.get("excluded")).isEqualTo(1);
    assertThat((Double) thinPsnr.get("median")).isCloseTo(31.0, within(1e-12));
    assertThat(tests(tree)).isEmpty();
    assertThat(Json.pretty(tree)).doesNotContain("NaN").contains("\"median\" : null");
  }

  @Test
  void theFileIsWrittenAndReproducibleForAGivenSeed() throws IOException {
    ComparisonJson.write(new RunDirectory(tmp), "study", 7, study());
    String first = Files.readString(tmp.resolve(ComparisonJson.FILE), StandardCharsets.UTF_8);
    Map<String, Object> parsed = Json.parseObject(first, ComparisonJson.FILE);
    assertThat(parsed.get("experiment")).isEqualTo("study");
    assertThat(parsed.get("seed")).isEqualTo(7);
    assertThat(parsed.get("images")).isEqualTo(List.of("i1", "i2", "i3", "i4", "i5", "i6", "x1", "x2",
        "x3"));
    assertThat(map(map(parsed.get("scenarios")).get("scratch")).get("images")).isEqualTo(List.of("x1", "x2",
        "x3"));
    assertThat(Json.pretty(ComparisonJson.tree("study", 7, study()))).isEqualTo(first);
  }
}
