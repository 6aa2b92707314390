package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.report.RunReport;

/** The reports are written by the runs themselves: one per run directory, one per file with variants. */
class ReportWiringTest {
  @TempDir
  Path tmp;

  @Test
  void aRunWritesItsReportNextToItsResults() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config()), RunOptions.defaults()).run(dir);
    String html = Files.readString(dir.resolve(RunReport.FILE));
    assertThat(html).contains("<title>toy</title>").contains("<td>img0</td>")
        .contains("data:image/png;base64,").contains("status complete");
  }

  @Test
  void aFileWithVariantsWritesOneReportPerVariantAndOneForTheComparison() throws IOException {
    Path dir = tmp.resolve("out");
    new PlanRunner(ToyConfigs.plan(ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1)),
        ToyConfigs.config("large", Map.of(), Map.of(), Map.of("lambda", 0.5))), RunOptions.defaults()).run(dir);
    assertThat(Files.readString(dir.resolve("small/" + RunReport.FILE))).contains("<title>toy / small</title>");
    assertThat(Files.readString(dir.resolve("large/" + RunReport.FILE))).contains("<title>toy / large</title>");
    assertThat(Files.readString(dir.resolve(RunReport.FILE))).contains("id=\"variant-small\"")
        .contains("id=\"variant-large\"").contains("<a href=\"small/report.html\">");
  }

  @Test
  void aCompleteDirectoryKeepsItsReport() throws IOException {
    Path dir = tmp.resolve("out");
    ExperimentConfig small = ToyConfigs.config("small", Map.of(), Map.of(), Map.of("lambda", 0.1));
    new PlanRunner(ToyConfigs.plan(small), RunOptions.defaults()).run(dir);
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(dir.resolve(RunReport.FILE), old);
    new PlanRunner(ToyConfigs.plan(small), RunOptions.defaults()).run(dir);
    assertThat(Files.getLastModifiedTime(dir.resolve(RunReport.FILE))).isEqualTo(old);
  }
}
