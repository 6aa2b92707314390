package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sparsecode.experiments.sweep.SweepFixtures.outcomes;
import static org.sparsecode.experiments.sweep.SweepFixtures.plan;
import static org.sparsecode.experiments.sweep.SweepFixtures.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;

/** {@code sweep.csv}, {@code sweep-aggregated.csv} and {@code sweep.json}: their columns and their numbers. */
class SweepTablesTest {
  /** The metric columns of the fixtures' results, after {@code seconds}. */
  private static final String METRICS = "psnr_median,psnr_mean,sparseness_median,sparseness_mean,"
      + "objective_median,objective_mean,iterations_median,iterations_mean,seconds_median,seconds_mean,"
      + "resilience_0.1_psnr_median,resilience_0.1_sparseness_median";
  private static final String GRID = "sweep:\n  solver.lambda: [0.1, 0.2]\n  solver.iterations: [5, 10, 20]\n";

  @TempDir
  Path tmp;

  private RunDirectory root;

  private String write(String rest, Set<Integer> failed) throws IOException {
    ExperimentPlan plan = plan(tmp, rest);
    root = new RunDirectory(tmp.resolve("out"));
    root.create();
    Sweep sweep = plan.sweep().orElseThrow();
    SweepTables.write(root, plan, sweep, outcomes(root.root(), plan, failed));
    return Files.readString(root.file(SweepTables.CSV));
  }

  private static String header(String csv) {
    return csv.substring(0, csv.indexOf('\n'));
  }

  @Test
  void aPlainGridHasTheCellItsAxesTheStatusTheSecondsAndTheMetricsInThatOrder() throws IOException {
    String csv = write(GRID, Set.of());
    assertThat(header(csv)).isEqualTo("cell,solver.lambda,solver.iterations,status,seconds," + METRICS);
    assertThat(csv.lines()).hasSize(7);
    assertThat(Files.exists(root.file(SweepTables.AGGREGATED_CSV))).isFalse();
  }

  @Test
  void theCellNameIsQuotedSinceItHoldsCommasAndTheAxisValuesAreFlow() throws IOException {
    String csv = write(GRID, Set.of());
    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .startsWith("\"solver.lambda=0.1,solver.iterations=5\",0.1,5,complete,1.5,30.0,27.0,");
  }

  @Test
  void withVariantsTheVariantColumnFollowsTheCell() throws IOException {
    String csv = write("variants:\n  a: {}\n  b: {dictionary: {size: 9}}\n" + GRID, Set.of());
    assertThat(header(csv)).isEqualTo("cell,variant,solver.lambda,solver.iterations,status,seconds," + METRICS);
    assertThat(records(csv)).extracting(r -> r.get("variant")).containsExactly("a", "a", "a", "a", "a", "a", "b", "b",
        "b", "b", "b", "b");
  }

  @Test
  void withSeedsTheSeedColumnFollowsTheAxesAndTheAggregatedTableHasMeanAndSdOverSeeds() throws IOException {
    String csv = write("sweep:\n  solver.lambda: [0.1, 0.2]\n  seeds: 3\n", Set.of(4));
    assertThat(header(csv)).isEqualTo("cell,solver.lambda,seed,status,seconds," + METRICS);
    assertThat(records(csv)).extracting(r -> r.get("seed")).containsExactly("3", "4", "5", "3", "4", "5");
    String aggregated = Files.readString(root.file(SweepTables.AGGREGATED_CSV));
    assertThat(header(aggregated)).startsWith("cell,solver.lambda,seconds_mean,seconds_sd,psnr_median_mean,"
        + "psnr_median_sd,psnr_mean_mean,psnr_mean_sd,sparseness_median_mean,").endsWith(
        ",resilience_0.1_sparseness_median_mean,resilience_0.1_sparseness_median_sd,seeds_complete");
    List<Map<String, String>> rows = records(aggregated);
    assertThat(rows).hasSize(2);
    // first name: cells 0, 1, 2: median PSNR 30, 31, 32 → mean 31, sd 1
    assertThat(Double.parseDouble(rows.get(0).get("psnr_median_mean"))).isEqualTo(31.0);
    assertThat(Double.parseDouble(rows.get(0).get("psnr_median_sd"))).isEqualTo(1.0);
    assertThat(rows.get(0).get("seeds_complete")).isEqualTo("3");
    // second name: cells 3 and 5 (4 failed): median PSNR 33 and 35 → mean 34, sd √2
    assertThat(Double.parseDouble(rows.get(1).get("psnr_median_mean"))).isEqualTo(34.0);
    assertThat(Double.parseDouble(rows.get(1).get("psnr_median_sd"))).isCloseTo(Math.sqrt(2), within(1e-12));
    assertThat(rows.get(1).get("seeds_complete")).isEqualTo("2");
  }

  @Test
  void aZipAxisGivesOneColumnPerPathInItsPlace() throws IOException {
    String csv = write("sweep:\n  zip: {solver.lambda: [0.1, 0.2], solver.iterations: [5, 10]}\n"
        + "  dictionary.size: [8, 9]\n", Set.of());
    assertThat(header(csv)).isEqualTo("cell,solver.lambda,solver.iterations,dictionary.size,status,seconds,"
        + METRICS);
    assertThat(records(csv).get(2)).containsEntry("solver.lambda", "0.2").containsEntry("solver.iterations", "10")
        .containsEntry("dictionary.size", "8");
  }

  @Test
  void aBlockAxisIsWrittenAsCompactFlowQuotedOnlyWhenItHoldsAComma() throws IOException {
    String csv = write("sweep:\n  solver: [{type: fista}, {type: engine-test-solver, lambda: 0.5}]\n", Set.of());
    assertThat(header(csv)).startsWith("cell,solver,status,seconds,");
    assertThat(records(csv)).extracting(r -> r.get("solver")).containsExactly("{type: fista}",
        "{type: engine-test-solver, lambda: 0.5}");
    assertThat(csv).contains("\nsolver={type: fista},{type: fista},complete,")
        .contains(",\"{type: engine-test-solver, lambda: 0.5}\",complete,");
  }

  @Test
  void everyMedianAndMeanIsTheRightCellsAndReadsBackToTheResultsNumbers() throws IOException {
    ExperimentPlan plan = plan(tmp, GRID);
    root = new RunDirectory(tmp.resolve("out"));
    List<CellOutcome> outcomes = outcomes(root.root(), plan, Set.of());
    SweepTables.write(root, plan, plan.sweep().orElseThrow(), outcomes);
    List<Map<String, String>> rows = records(Files.readString(root.file(SweepTables.CSV)));
    for (int k = 0; k < rows.size(); k++) {
      Map<String, String> row = rows.get(k);
      RunResult r = outcomes.get(k).result();
      assertThat(row.get("cell")).isEqualTo(outcomes.get(k).cell().name());
      assertThat(Double.parseDouble(row.get("psnr_median"))).isEqualTo(SweepFixtures.psnrMedian(k))
          .isEqualTo(r.summary().get("psnr").median());
      assertThat(Double.parseDouble(row.get("psnr_mean"))).isEqualTo(SweepFixtures.psnrMean(k));
      assertThat(Double.parseDouble(row.get("sparseness_mean"))).isEqualTo(r.summary().get("sparseness").mean());
      assertThat(Double.parseDouble(row.get("resilience_0.1_psnr_median")))
          .isEqualTo(SweepFixtures.resilienceMedian(k));
      assertThat(Double.parseDouble(row.get("seconds"))).isEqualTo(SweepFixtures.seconds(k));
    }
  }

  @Test
  void aFailedCellHasStatusFailedItsSecondsAndEmptyMetricFields() throws IOException {
    String csv = write(GRID, Set.of(1));
    Map<String, String> failed = records(csv).get(1);
    assertThat(failed.get("status")).isEqualTo("failed");
    assertThat(failed.get("seconds")).isEqualTo("0.25");
    assertThat(failed.entrySet().stream().filter(e -> e.getKey().contains("_")).map(Map.Entry::getValue))
        .hasSize(12).containsOnly("");
    assertThat(records(csv).get(2).get("psnr_median")).isEqualTo("32.0");
  }

  @Test
  void aResultWithoutSummaryIsSummarisedFromItsImages() {
    ExperimentPlan plan;
    try {
      plan = plan(tmp, GRID);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    CellOutcome o = outcomes(tmp, plan, Set.of()).get(2);
    RunResult r = o.result();
    RunResult bare = new RunResult(r.experiment(), r.variant(), r.seed(), r.configSha256(), r.provenance(),
        Map.of(), Map.of(), null, r.images(), Map.of(), RunResult.COMPLETE);
    SweepTable table = SweepTable.of(tmp, plan, plan.sweep().orElseThrow(), List.of(new CellOutcome(o.cell(),
        o.status(), o.seconds(), bare, null, o.directory(), false)));
    assertThat(String.join(",", table.numberColumns())).isEqualTo("seconds," + METRICS);
    assertThat(table.rows().get(0).number("psnr_mean")).isEqualTo(SweepFixtures.psnrMean(2));
  }

  @Test
  void sweepJsonHoldsTheRowsWithHashDirectoryConfigurationAndErrorAndTheCounts() throws IOException {
    write(GRID, Set.of(1));
    Map<String, Object> json = Json.parseObject(Files.readString(root.file(SweepTables.JSON)), "sweep.json");
    assertThat(json).containsEntry("experiment", "toy").containsEntry("seeds", 0).containsEntry("cells", 6)
        .containsEntry("complete", 5).containsEntry("failed", 1).containsEntry("reused", 1);
    assertThat(json.get("axes")).isEqualTo(List.of(Map.of("path", "solver.lambda", "values", List.of(0.1, 0.2)),
        Map.of("path", "solver.iterations", "values", List.of(5, 10, 20))));
    List<?> rows = (List<?>) json.get("rows");
    Map<?, ?> failed = (Map<?, ?>) rows.get(1);
    Map<?, ?> complete = (Map<?, ?>) rows.get(2);
    assertThat(failed.get("status")).isEqualTo("failed");
    assertThat(failed.get("error")).isEqualTo(SweepFixtures.ERROR);
    assertThat(failed.get("psnr_median")).isNull();
    assertThat(complete.containsKey("error")).isFalse();
    assertThat(complete.get("solver.lambda")).isEqualTo(0.1);
    assertThat(complete.get("solver.iterations")).isEqualTo(20);
    assertThat(complete.get("psnr_median")).isEqualTo(32.0);
    assertThat((String) complete.get("directory")).isEqualTo("cells/" + complete.get("hash"));
    Map<?, ?> config = (Map<?, ?>) complete.get("config");
    assertThat(((Map<?, ?>) config.get("solver")).get("iterations")).isEqualTo(20);
    assertThat(((Map<?, ?>) config.get("solver")).get("lambda")).isEqualTo(0.1);
  }

  @Test
  void aSweepWithoutSeedsRemovesTheAggregatedTableAnEarlierSweepWithSeedsLeft() throws IOException {
    Files.createDirectories(tmp.resolve("out"));
    Files.writeString(tmp.resolve("out").resolve(SweepTables.AGGREGATED_CSV), "stale\n");
    write(GRID, Set.of());
    assertThat(Files.exists(root.file(SweepTables.AGGREGATED_CSV))).isFalse();
  }

  @Test
  void aSweepOf200CellsWritesOneRowPerCell() throws IOException {
    String csv = write("sweep:\n  solver.lambda: {logspace: [-3, 0, 20]}\n  solver.iterations: [1, 2, 3, 4, 5, 6, 7,"
        + " 8, 9, 10]\n", Set.of(7, 150));
    assertThat(csv.lines()).hasSize(201);
    assertThat(records(csv)).filteredOn(r -> r.get("status").equals("failed")).hasSize(2);
  }
}
