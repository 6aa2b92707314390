package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparsecode.experiments.sweep.SweepFixtures.outcomes;
import static org.sparsecode.experiments.sweep.SweepFixtures.plan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

/** The sweep's {@code report.html} and its plots. */
class SweepReportTest {
  private static final String BLOCKS = "sweep:\n  solver.lambda: {logspace: [-3, -1, 3]}\n"
      + "  dictionary: [{type: engine-test-kernels, size: 8}, {type: engine-test-kernels, size: 9}]\n";
  private static final String TWO_AXES = "sweep:\n  solver.lambda: {logspace: [-3, -1, 3]}\n"
      + "  dictionary.size: [8, 9]\n";

  @TempDir
  Path tmp;

  private final List<String> warnings = new ArrayList<>();
  private final ProgressReporter progress = new ProgressReporter() {
    @Override
    public void info(String line) {
      warnings.add(line);
    }
  };
  private RunDirectory root;
  private List<CellOutcome> outcomes;

  private String report(String rest, Set<Integer> failed, List<SweepReport.Section> extra) throws IOException {
    ExperimentPlan plan = plan(tmp, rest);
    root = new RunDirectory(tmp.resolve("out"));
    root.create();
    outcomes = outcomes(root.root(), plan, failed);
    SweepTable table = SweepTables.write(root, plan, plan.sweep().orElseThrow(), outcomes);
    SweepReport.write(root, table, extra, progress);
    assertThat(warnings).isEmpty();
    return Files.readString(root.file(SweepReport.FILE));
  }

  private List<String> pngs() throws IOException {
    try (Stream<Path> files = Files.list(root.root())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList();
    }
  }

  @Test
  void theReportCountsTheCellsAndNamesTheFailedCellWithItsError() throws IOException {
    String html = report(TWO_AXES, Set.of(4), List.of());
    assertThat(html).contains("Sweep of 6 cells: 5 complete, 1 failed, 1 reused")
        .contains("<h2>Failed cells</h2>")
        .contains("<td>" + SweepFixtures.ERROR + "</td>")
        .contains("<td>solver.lambda=0.1,dictionary.size=8</td>");
  }

  @Test
  void eachCompleteCellsNameLinksToItsOwnReport() throws IOException {
    String html = report(TWO_AXES, Set.of(4), List.of());
    CellOutcome first = outcomes.get(0);
    assertThat(html).contains("<a href=\"cells/" + first.cell().hash() + "/report.html\">"
        + "solver.lambda=0.001,dictionary.size=8</a>");
    assertThat(html).doesNotContain("cells/" + outcomes.get(4).cell().hash() + "/report.html");
  }

  @Test
  void theReportShowsTheAxesAndTheSectionsTheCallerAdds() throws IOException {
    String html = report(TWO_AXES, Set.of(), List.of(new SweepReport.Section("At matched PSNR",
        "<p id=\"matched\">table here</p>")));
    assertThat(html).contains("<h2>At matched PSNR</h2>\n<p id=\"matched\">table here</p>")
        .contains("<td>solver.lambda</td><td>3 values: 0.001, 0.01, 0.1</td>")
        .contains("<td>dictionary.size</td><td>2 values: 8, 9</td>");
    assertThat(html.indexOf("At matched PSNR</h2>")).isGreaterThan(html.indexOf("<h2>Plots</h2>"));
  }

  @Test
  void aTwoAxisGridGetsLinePlotsAgainstEachNumericAxisHeatmapsAndTheScatterAllValidPngs() throws IOException {
    String html = report(TWO_AXES, Set.of(1), List.of());
    assertThat(pngs()).containsExactly("sweep-heatmap-psnr.png", "sweep-heatmap-sparseness.png",
        "sweep-psnr-vs-dictionary-size.png", "sweep-psnr-vs-solver-lambda.png", "sweep-psnr-vs-sparseness.png",
        "sweep-seconds-vs-dictionary-size.png", "sweep-seconds-vs-solver-lambda.png",
        "sweep-sparseness-vs-dictionary-size.png", "sweep-sparseness-vs-solver-lambda.png");
    for (String png : pngs()) {
      BufferedImage image = ImageIO.read(root.file(png).toFile());
      assertThat(image).as(png).isNotNull();
      assertThat(image.getWidth()).as(png).isGreaterThan(100);
      assertThat(html).contains("<code>(" + png + ")</code>");
    }
  }

  @Test
  void anAxisSpanningMoreThanTwentyTimesIsDrawnOnALogarithmicAxisAndANarrowOneIsNot() throws IOException {
    String html = report(TWO_AXES, Set.of(), List.of());
    assertThat(html).contains("Median PSNR over the images (dB) against solver.lambda; one line per combination of"
        + " dictionary.size; logarithmic x axis")
        .contains("Median PSNR over the images (dB) against dictionary.size; one line per combination of"
        + " solver.lambda <code>");
  }

  @Test
  void aBlockAxisIsNotPlottedAgainstButSplitsTheLinesAndIsACategoricalAxisOfTheHeatmap() throws IOException {
    String html = report(BLOCKS, Set.of(), List.of());
    assertThat(pngs()).containsExactly("sweep-heatmap-psnr.png", "sweep-heatmap-sparseness.png",
        "sweep-psnr-vs-solver-lambda.png", "sweep-psnr-vs-sparseness.png", "sweep-seconds-vs-solver-lambda.png",
        "sweep-sparseness-vs-solver-lambda.png");
    assertThat(html).contains("against solver.lambda; one line per combination of dictionary; logarithmic x axis");
  }

  @Test
  void withSeedsThePlotsShowTheMeanAndSdOverSeedsAndTheReportTheTableOverSeeds() throws IOException {
    String html = report("sweep:\n  solver.lambda: [0.1, 0.2, 0.4]\n  seeds: 3\n", Set.of(), List.of());
    assertThat(html).contains("<h2>Over seeds</h2>").contains("the mean over 3 seeds, error bars ± one sd");
    // PSNR medians of the first name's seeds: 30, 31, 32 → 31.00 ± 1.00
    assertThat(html).contains("<td class=\"n\">31.00 ± 1.00</td>");
    assertThat(pngs()).contains("sweep-psnr-vs-solver-lambda.png");
  }

  @Test
  void withVariantsTheVariantSplitsTheLinesAndEachVariantGetsItsHeatmap() throws IOException {
    String html = report("variants:\n  a: {}\n  b: {solver: {iterations: 3}}\n" + TWO_AXES, Set.of(), List.of());
    assertThat(pngs()).contains("sweep-heatmap-psnr-a.png", "sweep-heatmap-psnr-b.png");
    assertThat(html).contains("against solver.lambda; one line per combination of variant, dictionary.size");
  }

  @Test
  void aSweepWhoseCellsAllFailedStillHasItsReportListingThemAndNoPlot() throws IOException {
    String html = report("sweep:\n  solver.lambda: [0.1, 0.2]\n", Set.of(0, 1), List.of());
    assertThat(html).contains("Sweep of 2 cells: 0 complete, 2 failed").contains("<h2>Failed cells</h2>")
        .doesNotContain("<h2>Plots</h2>");
    assertThat(pngs()).isEmpty();
  }

  @Test
  void plotsOfAnEarlierGridThatThisOneNoLongerDrawsAreDeleted() throws IOException {
    Files.createDirectories(tmp.resolve("out"));
    Files.write(tmp.resolve("out").resolve("sweep-psnr-vs-dictionary-size.png"), new byte[] {1});
    Files.write(tmp.resolve("out").resolve("dictionary.png"), new byte[] {1});
    report("sweep:\n  solver.lambda: [0.1, 0.2]\n", Set.of(), List.of());
    assertThat(pngs()).doesNotContain("sweep-psnr-vs-dictionary-size.png").contains("dictionary.png",
        "sweep-psnr-vs-solver-lambda.png");
  }

  @Test
  void aSweepOfSeedsAloneHasOneCellNameAndTheScatterOfItsSeeds() throws IOException {
    String html = report("sweep:\n  seeds: 3\n", Set.of(), List.of());
    assertThat(pngs()).containsExactly("sweep-psnr-vs-sparseness.png");
    assertThat(html).contains("No axis: the cells are the seeds' replicates.");
  }

  @Test
  void aReportOf200CellsIsCompactAndHasABoundedNumberOfPlots() throws IOException {
    String html = report("sweep:\n  solver.lambda: {logspace: [-3, 0, 20]}\n  solver.iterations: [1, 2, 3, 4, 5,"
        + " 6, 7, 8, 9, 10]\n", Set.of(3), List.of());
    assertThat(html).contains("<table class=\"compact\">").contains("Sweep of 200 cells: 199 complete, 1 failed");
    assertThat(html.split("<a href=\"cells/", -1)).hasSize(200);
    assertThat(pngs()).hasSize(9);
    // against solver.iterations, one line per λ: 20 lines, too many; the scatter has one series per iterations
    assertThat(html).contains("20 combinations; 12 of them, evenly spread from the first to the last, are drawn,"
        + " the others are in the table").doesNotContain("too many to colour apart");
  }
}
