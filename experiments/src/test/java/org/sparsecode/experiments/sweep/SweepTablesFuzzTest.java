package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sparsecode.experiments.sweep.SweepFixtures.outcomes;
import static org.sparsecode.experiments.sweep.SweepFixtures.parseCsv;
import static org.sparsecode.experiments.sweep.SweepFixtures.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

/**
 * Random sweeps (axes of numbers and of blocks, a {@code zip:} group, seeds, variants, failed cells) through
 * {@link SweepTables}: every row of {@code sweep.csv} has one field per column, the key columns come in the
 * contract's order, each complete row holds its own cell's numbers and each failed one empty metric fields,
 * {@code sweep.json} counts what the CSV holds, and the aggregated table has one row per name whose complete
 * seeds add up. Each case prints its seed; {@code -Dfuzz.runs=N} runs N cases, the slow test many more.
 */
class SweepTablesFuzzTest {
  private static final long BASE_SEED = 0x5eed_2026_1204L;
  private static final AtomicInteger RUNS = new AtomicInteger();

  @TempDir
  Path tmp;

  @AfterAll
  static void count() {
    System.out.println("SweepTablesFuzzTest: " + RUNS.get() + " random sweeps checked");
  }

  @TestFactory
  Stream<DynamicTest> randomSweepsWriteTablesThatKeepTheContract() {
    int runs = Integer.getInteger("fuzz.runs", 40);
    return IntStream.range(0, runs).mapToObj(i -> DynamicTest.dynamicTest("seed " + (BASE_SEED + i),
        () -> check(BASE_SEED + i)));
  }

  @Test
  @Tag("slow")
  void manyRandomSweepsWriteTablesThatKeepTheContract() {
    for (int i = 0; i < 2000; i++) {
      check(BASE_SEED + 1_000_000 + i);
    }
  }

  /** A sweep block and variants drawn from the seed. */
  private static String yaml(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(3) == 0) {
      sb.append("variants:\n  a: {}\n  b: {dictionary: {size: 9}}\n");
    }
    sb.append("sweep:\n");
    List<String> lambdas = distinct(r, () -> Double.toString(Math.round(r.nextDouble(0.001, 1) * 1e4) / 1e4));
    List<String> iterations = distinct(r, () -> Integer.toString(r.nextInt(1, 50)));
    boolean zip = r.nextBoolean();
    if (zip) {
      int n = Math.min(lambdas.size(), iterations.size());
      sb.append("  zip: {solver.lambda: ").append(lambdas.subList(0, n)).append(", solver.iterations: ")
          .append(iterations.subList(0, n)).append("}\n");
    } else {
      if (r.nextBoolean()) {
        sb.append("  solver.lambda: ").append(r.nextBoolean() ? lambdas : "{logspace: [-3, -1, " + r.nextInt(1, 5)
            + "]}").append('\n');
      }
      if (r.nextBoolean()) {
        sb.append("  solver.iterations: ").append(iterations).append('\n');
      }
    }
    if (r.nextBoolean()) {
      sb.append("  images: [{type: engine-test-images, count: 2, size: 8}, {type: engine-test-images, count: 3,"
          + " size: 8}]\n");
    }
    int seeds = r.nextInt(3) == 0 ? r.nextInt(1, 4) : 0;
    if (seeds > 0) {
      sb.append("  seeds: ").append(seeds).append('\n');
    }
    if (sb.toString().endsWith("sweep:\n")) {
      sb.append("  seeds: 2\n");
    }
    return sb.toString();
  }

  private static List<String> distinct(SplittableRandom r, java.util.function.Supplier<String> value) {
    int n = r.nextInt(1, 5);
    List<String> out = new ArrayList<>();
    for (int tries = 0; out.size() < n && tries < 50; tries++) {
      String v = value.get();
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private void check(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String yaml = yaml(r);
    try {
      Path dir = Files.createTempDirectory(tmp, "case");
      ExperimentPlan plan = plan(dir, yaml);
      Sweep sweep = plan.sweep().orElseThrow();
      Set<Integer> failed = new HashSet<>();
      for (int k = 0; k < sweep.cells().size(); k++) {
        if (r.nextInt(5) == 0) {
          failed.add(k);
        }
      }
      RunDirectory root = new RunDirectory(dir.resolve("out"));
      SweepTables.write(root, plan, sweep, outcomes(root.root(), plan, failed));
      checkCsv(Files.readString(root.file(SweepTables.CSV)), plan, sweep, failed);
      checkJson(Files.readString(root.file(SweepTables.JSON)), sweep, failed);
      if (sweep.seeds() > 0) {
        checkAggregated(Files.readString(root.file(SweepTables.AGGREGATED_CSV)), sweep, failed);
      } else {
        assertThat(Files.exists(root.file(SweepTables.AGGREGATED_CSV))).isFalse();
      }
      RUNS.incrementAndGet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("seed " + seed + " (replay with this seed), sweep:\n" + yaml + "\n" + e.getMessage(),
          e);
    }
  }

  private static void checkCsv(String csv, ExperimentPlan plan, Sweep sweep, Set<Integer> failed) {
    List<List<String>> rows = parseCsv(csv);
    List<String> header = rows.get(0);
    List<String> keys = new ArrayList<>(List.of("cell"));
    if (plan.hasVariants()) {
      keys.add("variant");
    }
    keys.addAll(sweep.columns());
    if (sweep.seeds() > 0) {
      keys.add("seed");
    }
    keys.add("status");
    keys.add("seconds");
    assertThat(header.subList(0, keys.size())).isEqualTo(keys);
    assertThat(rows).hasSize(sweep.cells().size() + 1);
    int psnr = header.indexOf("psnr_median");
    for (int k = 0; k < sweep.cells().size(); k++) {
      List<String> row = rows.get(k + 1);
      assertThat(row).as("row %d", k).hasSize(header.size());
      assertThat(row.get(0)).isEqualTo(sweep.cells().get(k).name());
      boolean f = failed.contains(k);
      assertThat(row.get(keys.size() - 2)).isEqualTo(f ? "failed" : "complete");
      if (psnr >= 0) {
        assertThat(row.get(psnr)).isEqualTo(f ? "" : Double.toString(SweepFixtures.psnrMedian(k)));
      }
      if (f) {
        assertThat(row.subList(keys.size(), row.size())).allMatch(String::isEmpty);
      }
    }
  }

  private static void checkJson(String text, Sweep sweep, Set<Integer> failed) {
    Map<String, Object> json = Json.parseObject(text, "sweep.json");
    assertThat(json.get("cells")).isEqualTo(sweep.cells().size());
    assertThat(json.get("failed")).isEqualTo(failed.size());
    List<?> rows = (List<?>) json.get("rows");
    assertThat(rows).hasSize(sweep.cells().size());
    for (int k = 0; k < rows.size(); k++) {
      Map<?, ?> row = (Map<?, ?>) rows.get(k);
      assertThat(row.get("hash")).isEqualTo(sweep.cells().get(k).hash());
      assertThat(row.containsKey("error")).isEqualTo(failed.contains(k));
      // as canonical JSON: a long seed reads back as an int
      assertThat(Json.canonical(row.get("config"))).isEqualTo(Json.canonical(sweep.cells().get(k).config().resolved()));
    }
  }

  private static void checkAggregated(String csv, Sweep sweep, Set<Integer> failed) {
    List<List<String>> rows = parseCsv(csv);
    assertThat(rows).hasSize(sweep.cells().size() / sweep.seeds() + 1);
    int complete = rows.get(0).indexOf("seeds_complete");
    assertThat(complete).isEqualTo(rows.get(0).size() - 1);
    int sum = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).hasSize(rows.get(0).size());
      sum += Integer.parseInt(row.get(complete));
    }
    assertThat(sum).isEqualTo(sweep.cells().size() - failed.size());
  }
}
