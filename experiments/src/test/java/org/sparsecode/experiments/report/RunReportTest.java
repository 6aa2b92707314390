package org.sparsecode.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.run.ProgressReporter;

class RunReportTest {
  private static final String EMBEDDED = "images: {type: embedded, size: 64}\n";

  @TempDir
  Path tmp;

  private String report(Path dir) throws IOException {
    RunReport.write(new RunDirectory(dir), (Path) null, ProgressReporter.NONE);
    return Files.readString(dir.resolve(RunReport.FILE));
  }

  @Test
  void aReportWrittenFromGivenResultsShowsThemNotTheResultsFileOnDisk() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    RunResult results = ResultsJson.read(dir.resolve(RunDirectory.RESULTS));
    // a run writes its report first, then the results.json that says complete
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{\"status\": \"running\"}");
    RunReport.write(new RunDirectory(dir), null, results, ProgressReporter.NONE);
    assertThat(Files.readString(dir.resolve(RunReport.FILE))).contains("<title>demo / thin</title>")
        .contains("<tr><td>camera</td><td class=\"n\">31.20</td>").doesNotContain("running");
  }

  @Test
  void theConfigurationIsShownEscaped() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    String html = report(dir);
    assertThat(html).contains("# resolved &lt;config&gt; of demo &amp; &quot;friends&quot;")
        .doesNotContain("<config>");
  }

  @Test
  void everyPngIsEmbeddedAsADataUriWithItsCaption() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    Files.write(dir.resolve("my-new-plot.png"), SyntheticRuns.png(99));
    String html = report(dir);
    assertThat(html)
        .contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(7)) + "\"")
        .contains("src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(SyntheticRuns.png(99)) + "\"")
        .contains("Every kernel of the dictionary").contains("My new plot")
        .doesNotContain("src=\"dictionary.png\"");
  }

  @Test
  void theTablesHoldOneRowPerImageAndTheSummary() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    String html = report(dir);
    assertThat(html).contains("<title>demo / thin</title>")
        .contains("<tr><td>camera</td><td class=\"n\">31.20</td><td class=\"n\">0.9876</td>")
        .contains("<tr><td>coffee</td><td class=\"n\">32.20</td><td class=\"n\">0.9900</td>")
        .contains("<td>PSNR (dB)</td><td class=\"n\">31.70</td><td class=\"n\">0.71</td>")
        // the resilience curve per image: a column group per cutoff
        .contains("c = 0.001").contains("c = 0.5").contains("<td class=\"n\">21.20</td>")
        .contains("deadbeef").contains("feedface").contains("online-cdl");
  }

  @Test
  void coefficientStatisticsComeFromCoefficientsJson() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "full", 31.2, EMBEDDED);
    Files.writeString(dir.resolve("coefficients.json"), "{\"histogram\": {\"bins\": 65, \"counted\": 1234,"
        + " \"pooledFit\": {\"a\": 0.0431, \"b\": 2.546, \"r2\": 0.98372}},"
        + " \"orientation\": {\"groups\": [{\"bTheta\": 0.0872664626, \"mu1\": 0.9285, \"kappa1\": 76.81,"
        + " \"mu2\": 2.197, \"kappa2\": 85.07, \"r2\": 0.35, \"energy\": 0.9997}]}}");
    assertThat(report(dir)).contains("id=\"coefficients\"")
        .contains("<tr><th scope=\"row\">pooled fit: b</th><td>2.546</td></tr>")
        .contains("<tr><th scope=\"row\">pooled fit: R²</th><td>0.9837</td></tr>")
        // B_θ and μ₁ in degrees: 0.0873 rad = 5.0°, 0.9285 rad = 53.2°
        .contains("<tr><td class=\"n\">5.0</td><td class=\"n\">53.2</td><td class=\"n\">76.81</td>");
  }

  @Test
  void embeddedImagesAreCreditedWithTheLicensesOfTheEmbeddedSet() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, null, 31.2, EMBEDDED);
    String licenses = Credits.embeddedLicenses();
    assertThat(licenses).isNotNull();
    String firstLine = licenses.lines().findFirst().orElseThrow();
    assertThat(report(dir)).contains("id=\"credits\"").contains(Html.escape(firstLine));
  }

  @Test
  void anImageDirectoryIsCreditedWithItsCreditsMd() throws IOException {
    Path photos = Files.createDirectories(tmp.resolve("photos"));
    Files.writeString(photos.resolve("CREDITS.md"), "# Photographs\n\n"
        + "- lake.jpg: [Jane Doe](https://example.org/jane), CC-BY-4.0\n");
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, null, 31.2, "images: {type: directory, path: " + photos + "}\n");
    assertThat(report(dir)).contains("<a href=\"https://example.org/jane\">Jane Doe</a>, CC-BY-4.0")
        .contains("Photographs</h4>");
  }

  @Test
  void aRelativeImageDirectoryResolvesAgainstTheBaseDirectory() throws IOException {
    Path photos = Files.createDirectories(tmp.resolve("yaml/photos"));
    Files.writeString(photos.resolve("LICENSES"), "all <mine>\n");
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, null, 31.2, "images: {type: directory, path: photos}\n");
    RunReport.write(new RunDirectory(dir), tmp.resolve("yaml"), ProgressReporter.NONE);
    assertThat(Files.readString(dir.resolve(RunReport.FILE))).contains("<pre>all &lt;mine&gt;\n</pre>");
  }

  @Test
  void aResultsFileTheReaderRefusesLeavesThePageWithItsConfigurationAndANote() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{\"experiment\": \"demo\", \"status\": \"complete\", "
        + "\"images\": []}");
    assertThat(report(dir)).contains("This directory holds no readable results.json.")
        .contains("# resolved &lt;config&gt; of demo").doesNotContain("<h2>Summary</h2>");
  }

  @Test
  void theCurveTableRegroupsTheSummaryColumnsOfEachPoint() throws IOException {
    Path dir = tmp.resolve("run");
    SyntheticRuns.write(dir, "thin", 31.2, EMBEDDED);
    // the summary holds resilience_0.001_psnr (mean 31.2, sd 0.7) and no column of the point 0.5
    assertThat(report(dir)).contains("<h3>Resilience over the images</h3>")
        .contains("<tr><td>0.001</td><td class=\"n\">31.20</td><td class=\"n\">31.20 ± 0.70</td></tr>")
        .doesNotContain("<tr><td>resilience_0.001_psnr</td>").doesNotContain("<tr><td>0.5</td>");
  }

  @Test
  void aReportThatCannotBeWrittenIsAWarningNotAFailure() throws IOException {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    List<String> said = new ArrayList<>();
    ProgressReporter p = new ProgressReporter() {
      @Override
      public void info(String line) {
        said.add(line);
      }
    };
    RunReport.write(new RunDirectory(file.resolve("run")), (Path) null, p);
    assertThat(said).singleElement().asString().startsWith("warning: could not write");
  }
}
