package org.sparsecode.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

class PlanReportTest {
  private static final String EMBEDDED = "images: {type: embedded}\n";

  @TempDir
  Path tmp;

  private String html;

  private static Map<String, Object> scenario(double psnr) {
    return Map.of("n", 2, "psnr", Map.of("median", psnr, "ci95", List.of(psnr - 1, psnr + 1)),
        "sparseness", Map.of("median", 0.99, "ci95", List.of(0.98, 0.995)),
        "resilience", Map.of("0.001", Map.of("psnr", psnr - 0.5, "sparseness", 0.991)));
  }

  private static String comparison(String a, String b, double p) {
    Map<String, Object> test = new java.util.LinkedHashMap<>(Map.of("a", a, "b", b, "metric", "psnr", "paired", true,
        "n", 2, "mannWhitneyP", p, "wilcoxonP", 0.5, "effectSize", -0.75, "medianDifference", -1.5));
    test.put("ci95", List.of(-2.0, -1.0));
    test.put("direction", b + " lower");
    return Json.pretty(Map.of("scenarios", Map.of(a, scenario(31.0), b, scenario(29.5)), "tests", List.of(test)));
  }

  @BeforeEach
  void writePlanDirectory() throws IOException {
    Path root = tmp.resolve("plan");
    SyntheticRuns.write(root.resolve("thin"), "thin", 31.0, EMBEDDED);
    SyntheticRuns.write(root.resolve("full"), "full", 29.5, EMBEDDED);
    Files.writeString(root.resolve("thin/report.html"), "<html></html>");
    Files.writeString(root.resolve("comparison.json"), comparison("thin", "full", 1.2345e-5));
    Files.write(root.resolve("psnr-vs-sparseness.png"), SyntheticRuns.png(50));
    Path part = root.resolve("part-one");
    SyntheticRuns.write(part.resolve("a"), "a", 30.0, EMBEDDED);
    SyntheticRuns.write(part.resolve("b"), "b", 28.0, EMBEDDED);
    Files.write(part.resolve("a/coefficient-histogram.png"), SyntheticRuns.png(200));
    Files.write(part.resolve("resilience.png"), SyntheticRuns.png(150));
    Files.writeString(part.resolve("summary.json"), Json.pretty(Map.of("experiment", "part-one",
        "variants", List.of(Map.of("variant", "a"), Map.of("variant", "b")))));
    Files.writeString(part.resolve("comparison.json"), comparison("a", "b", 0.25));
    Files.writeString(part.resolve("report.html"), "<html></html>");
    PlanReport.write(new RunDirectory(root), "demo <study>", List.of("thin", "full"), List.of("part-one"),
        ProgressReporter.NONE);
    html = Files.readString(root.resolve(RunReport.FILE));
  }

  @Test
  void theTestsTableComesFromComparisonJson() {
    assertThat(html).contains("id=\"tests\"").contains("Mann–Whitney p")
        .contains("<td>thin</td><td>full</td><td>psnr</td><td>yes</td><td class=\"n\">2</td>"
            + "<td class=\"n\">1.23e-05</td><td class=\"n\">0.500</td><td class=\"n\">-0.750</td>"
            + "<td class=\"n\">-1.50</td><td class=\"n\">[-2.00, -1.00]</td><td>full lower</td>");
  }

  @Test
  void theScenarioTableShowsMediansWithTheirIntervals() {
    assertThat(html).contains("<title>demo &lt;study&gt;</title>")
        .contains("<td class=\"n\">31.00 [30.00, 32.00]</td>").contains("<td class=\"n\">0.9900 [0.9800, 0.9950]</td>");
  }

  @Test
  void theResilienceTableHasOneColumnGroupPerCutoff() {
    assertThat(html).contains("id=\"resilience\"").contains("c = 0.001").contains("<td class=\"n\">30.50</td>");
  }

  @Test
  void eachVariantHasItsSectionWithItsPlotsAndALinkToItsReport() {
    assertThat(html).contains("id=\"variant-thin\"").contains("id=\"variant-full\"")
        .contains("<a href=\"thin/report.html\">")
        .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(7)))
        .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(50)));
  }

  @Test
  void aPartHasItsSectionWithItsTablesPlotsAndItsVariantsCoefficientPlots() {
    String part = html.substring(html.indexOf("id=\"part-part-one\""));
    assertThat(part).contains("<a href=\"part-one/report.html\">").contains("0.250")
        .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(150)))
        .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(200)))
        .contains("a: Histogram of the coefficient values");
  }

  @Test
  void withoutComparisonJsonTheScenariosComeFromTheResults() throws IOException {
    Path root = tmp.resolve("plan");
    Files.delete(root.resolve("comparison.json"));
    String page = PlanReport.render(new RunDirectory(root), "demo", List.of("thin", "full"), List.of(), null);
    assertThat(page).doesNotContain("id=\"tests\"").contains("<td>thin</td>").contains("<td class=\"n\">31.50</td>")
        // the resilience medians are computed from the images' curves: median of 30.99 and 31.99
        .contains("<td class=\"n\">31.49</td>");
  }

  @Test
  void aPartWithoutVariantsShowsItsSingleRun() throws IOException {
    Path root = tmp.resolve("plan");
    SyntheticRuns.write(root.resolve("solo"), null, 27.0, EMBEDDED);
    String page = PlanReport.render(new RunDirectory(root), "demo", List.of("thin"), List.of("solo"), null);
    String part = page.substring(page.indexOf("id=\"part-solo\""));
    assertThat(part).contains("<h2>Part solo</h2>")
        .contains("<tr><th scope=\"row\">PSNR median (dB)</th><td>27.50</td>")
        .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(7)));
  }

  @Test
  void theCoefficientFitsOfTheScenariosAreTabulated() throws IOException {
    Path root = tmp.resolve("plan");
    Files.writeString(root.resolve("full/coefficients.json"),
        "{\"histogram\": {\"counted\": 10112, \"pooledFit\": {\"a\": 0.0431, \"b\": 2.546, \"r2\": 0.9837}}}");
    String page = PlanReport.render(new RunDirectory(root), "demo", List.of("thin", "full"), List.of(), null);
    assertThat(page).contains("id=\"coefficients\"").contains("<tr><td>full</td><td class=\"n\">10112</td>"
        + "<td class=\"n\">0.0431</td><td class=\"n\">2.546</td><td class=\"n\">0.9837</td></tr>")
        .doesNotContain("<tr><td>thin</td><td class=\"n\">10112</td>");
  }

  @Test
  void theEmbeddedSetIsCreditedOnce() {
    String firstLine = Credits.embeddedLicenses().lines().findFirst().orElseThrow();
    assertThat(html.split(java.util.regex.Pattern.quote(Html.escape(firstLine)), -1)).hasSize(2);
  }
}
