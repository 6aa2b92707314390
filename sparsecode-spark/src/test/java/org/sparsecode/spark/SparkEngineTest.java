package org.sparsecode.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --engine spark} on an embedded {@code local[2]}: the same files give the same numbers as {@code
 * --engine local}, and a failing cell is recorded while the others complete.
 */
class SparkEngineTest {
  private static final String BASE = """
      name: tiny
      seed: 1
      images: {type: embedded, size: 32, names: [camera]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: fista, lambda: 1.0e-2, maxIterations: 5}
      metrics: [psnr, sparseness]
      """;

  @TempDir
  Path tmp;

  private Path yaml(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static CliRun local(Path file, Path out) {
    return CliRun.of("run", file.toString(), "-o", out.toString(), "--threads", "2");
  }

  private static CliRun spark(Path file, Path out) {
    return CliRun.of("run", file.toString(), "-o", out.toString(), "--engine", "spark", "--master", "local[2]");
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSweepGivesTheLocalEnginesNumbersInEveryCell() throws IOException {
    Path file = yaml("sweep.yaml", BASE + "sweep:\n  solver.lambda: [1.0e-2, 4.0e-2, 1.6e-1]\n");
    Path localDir = tmp.resolve("local");
    Path sparkDir = tmp.resolve("spark");
    CliRun l = local(file, localDir);
    CliRun s = spark(file, sparkDir);
    assertThat(l.status()).as(l.err()).isZero();
    assertThat(s.status()).as(s.err()).isZero();
    assertThat(s.err()).contains("spark 4.0.1: master local[2], 2 tasks at a time with 1 thread each, UI off")
        .contains("3 cells, 0 already complete, 3 to run, 2 at a time with 1 thread each");
    assertThat(s.out()).contains("3 cells: 3 complete, 0 failed; cells ran 2 at a time with 1 thread each");
    List<String> cells = names(localDir.resolve("cells"));
    assertThat(cells).hasSize(3).isEqualTo(names(sparkDir.resolve("cells")));
    for (String c : cells) {
      assertThat(Numbers.of(sparkDir.resolve("cells").resolve(c).resolve("results.json"))).as(c)
          .isEqualTo(Numbers.of(localDir.resolve("cells").resolve(c).resolve("results.json")));
      assertThat(Files.readAllBytes(sparkDir.resolve("cells").resolve(c).resolve("dictionary.npy")))
          .isEqualTo(Files.readAllBytes(localDir.resolve("cells").resolve(c).resolve("dictionary.npy")));
    }
  }

  @Test
  void aTwoVariantFileWithAPartGivesTheLocalEnginesResultsAndComparison() throws IOException {
    yaml("part.yaml", BASE.replace("name: tiny", "name: first").replace("1.0e-2", "2.0e-2"));
    Path file = yaml("two.yaml", BASE + """
        parts: {first: part.yaml}
        variants:
          a: {}
          b: {solver: {lambda: 3.0e-2}}
        """);
    Path localDir = tmp.resolve("local");
    Path sparkDir = tmp.resolve("spark");
    CliRun l = local(file, localDir);
    CliRun s = spark(file, sparkDir);
    assertThat(l.status()).as(l.err()).isZero();
    assertThat(s.status()).as(s.err()).isZero();
    assertThat(s.err()).contains("variant a (1/2): coding 1 images into").contains("variant b (2/2): done");
    for (String run : List.of("first", "a", "b")) {
      assertThat(Numbers.of(sparkDir.resolve(run).resolve("results.json"))).as(run)
          .isEqualTo(Numbers.of(localDir.resolve(run).resolve("results.json")));
    }
    assertThat(Numbers.of(sparkDir.resolve("comparison.json")))
        .isEqualTo(Numbers.of(localDir.resolve("comparison.json")));
    assertThat(names(sparkDir)).isEqualTo(names(localDir));
  }

  @Test
  void experimentsSplitIntoImageBlocksGiveTheLocalEnginesResultsAndFiles() throws IOException {
    Path file = yaml("three.yaml", BASE.replace("names: [camera]", "names: [camera, coffee, astronaut]") + """
        variants:
          a: {}
          b: {solver: {lambda: 3.0e-2}}
        """);
    Path localDir = tmp.resolve("local");
    Path sparkDir = tmp.resolve("spark");
    CliRun l = local(file, localDir);
    CliRun s = CliRun.of("run", file.toString(), "-o", sparkDir.toString(), "--engine", "spark", "--master",
        "local[2]", "--conf", "sparsecode.imagesPerTask=2");
    assertThat(l.status()).as(l.err()).isZero();
    assertThat(s.status()).as(s.err()).isZero();
    // the driver's progress: tasks and images done, and the time left
    assertThat(s.err()).containsPattern("spark: variant [ab] \\([12]/2\\) images [13]-[23] done; 1/4 tasks"
        + " \\(images [12]/6\\), about [0-9.]+ s left").contains("4/4 tasks (images 6/6)\n");
    for (String v : List.of("a", "b")) {
      assertThat(Numbers.of(sparkDir.resolve(v).resolve("results.json"))).as(v)
          .isEqualTo(Numbers.of(localDir.resolve(v).resolve("results.json")));
      assertThat(names(sparkDir.resolve(v))).as(v).isEqualTo(names(localDir.resolve(v)));
    }
    assertThat(Files.readAllBytes(sparkDir.resolve("comparison.json")))
        .isEqualTo(Files.readAllBytes(localDir.resolve("comparison.json")));
  }

  @Test
  void aFailingCellIsRecordedAndTheOtherCompletes() throws IOException {
    Path file = yaml("fails.yaml", BASE
        + "sweep:\n  zip: {solver.lipschitz: [1.0e+5, 1.0e-9], solver.maxIterations: [5, 20]}\n");
    Path dir = tmp.resolve("spark");
    CliRun s = spark(file, dir);
    assertThat(s.status()).as(s.err()).isEqualTo(3);
    assertThat(s.out()).contains("2 cells: 1 complete, 1 failed")
        .contains("failed: cell 'solver.lipschitz=1.0e-9,solver.maxIterations=20' (cells/");
    assertThat(s.err()).contains("FAILED after").doesNotContain("\tat ");
    List<Path> cells;
    try (Stream<Path> c = Files.list(dir.resolve("cells"))) {
      cells = c.toList();
    }
    assertThat(cells).hasSize(2);
    assertThat(cells.stream().filter(c -> Files.isRegularFile(c.resolve("results.json")))).hasSize(1);
    assertThat(cells.stream().filter(c -> Files.isRegularFile(c.resolve("error.txt")))).hasSize(1);
  }

  @Test
  void aTaskThatFailsOnceIsTriedAgainAndTheRunGivesTheLocalEnginesNumbers() throws IOException {
    String flaky = BASE.replace("images: {type: embedded, size: 32, names: [camera]}",
        "images: {type: test-flaky-embedded, size: 32, names: [camera, coffee, astronaut], failAt: 1,"
            + " marker: MARK}");
    Path once = tmp.resolve("failed-once");
    Path never = Files.createFile(tmp.resolve("never-fails"));
    Path sparkFile = yaml("flaky.yaml", flaky.replace("MARK", once.toString()));
    Path localFile = yaml("steady.yaml", flaky.replace("MARK", never.toString()));
    CliRun l = local(localFile, tmp.resolve("local"));
    // the default master: embedded, with a failed task tried again (local[N,4]); blocks of one image each
    CliRun s = CliRun.of("run", sparkFile.toString(), "-o", tmp.resolve("spark").toString(), "--engine", "spark",
        "--conf", "sparsecode.imagesPerTask=1");
    assertThat(l.status()).as(l.err()).isZero();
    assertThat(s.status()).as(s.err()).isZero();
    assertThat(once).exists();
    assertThat(s.err()).contains(",4], ").contains("spark: the task of tiny images 2-2 failed (attempt 1):"
        + " org.sparsecode.spark.FlakyImagesPlugin$TransientFailure: image 1: a transient failure (first read);"
        + " Spark retries it");
    // the marker files differ, and with them the configurations' hashes
    String hash = "\"configSha256\":\"[0-9a-f]+\"";
    assertThat(Numbers.of(tmp.resolve("spark").resolve("results.json")).toString().replaceAll(hash, ""))
        .isEqualTo(Numbers.of(tmp.resolve("local").resolve("results.json")).toString().replaceAll(hash, ""));
  }

  @Test
  void aBadImageFailsItsExperimentAloneAndARerunAfterTheRepairCodesOnlyItsBlock() throws IOException {
    Path marker = tmp.resolve("repaired");
    Path file = yaml("bad.yaml", BASE.replace("images: {type: embedded, size: 32, names: [camera]}",
        "images: {type: test-flaky-embedded, size: 32, names: [camera, coffee, astronaut], failAt: 1, marker: "
            + marker + ", broken: true}") + """
        variants:
          a: {}
          b: {images: {failAt: 9}}
        """);
    Path dir = tmp.resolve("spark");
    String[] args = {"run", file.toString(), "-o", dir.toString(), "--engine", "spark", "--master", "local[2]",
        "--conf", "sparsecode.imagesPerTask=1"};
    CliRun first = CliRun.of(args);
    assertThat(first.status()).as(first.err()).isEqualTo(1);
    assertThat(first.err()).contains("variant a (1/2): images 2-2: image 1 (coffee): corrupt data")
        .doesNotContain("Spark retries it").doesNotContain("\tat ");
    // the other variant completed, and so did the bad image's neighbours
    assertThat(new org.sparsecode.experiments.results.RunDirectory(dir.resolve("b")).isComplete()).isTrue();
    assertThat(dir.resolve("a").resolve(".blocks").resolve("0-1").resolve("results.json")).exists();
    assertThat(dir.resolve("a").resolve(".blocks").resolve("2-3").resolve("results.json")).exists();
    Files.createFile(marker);
    CliRun second = CliRun.of(args);
    assertThat(second.status()).as(second.err()).isZero();
    assertThat(second.err()).contains("spark: variant a (1/2) images 2-2 done; 3/3 tasks (images 3/3)")
        .doesNotContain("variant b (2/2) images");
    assertThat(new org.sparsecode.experiments.results.RunDirectory(dir.resolve("a")).isComplete()).isTrue();
  }

  @Test
  void theExecutorsLoadTheFileWithTheFftEngineTheDriverResolvedAndFindTheSameConfigurations() throws IOException {
    Path file = yaml("auto.yaml", "fft: auto\n" + BASE + "sweep:\n  solver.lambda: [1.0e-2, 4.0e-2]\n");
    var registry = org.sparsecode.core.plugin.PluginRegistry.load();
    var driver = new org.sparsecode.experiments.config.ConfigLoader(registry).load(file, List.of());
    List<String> overrides = SparkEngine.executorOverrides(driver, List.of("seed=3"));
    String resolved = driver.experiments().get(0).fft().yamlName();
    assertThat(resolved).isIn("fftw", "jtransforms");
    assertThat(overrides).containsExactly("seed=3", "fft=" + resolved);
    var executor = new org.sparsecode.experiments.config.ConfigLoader(registry).load(file, overrides);
    var withSeed = new org.sparsecode.experiments.config.ConfigLoader(registry).load(file, List.of("seed=3"));
    for (int i = 0; i < 2; i++) {
      assertThat(executor.sweep().orElseThrow().cells().get(i).hash())
          .isEqualTo(withSeed.sweep().orElseThrow().cells().get(i).hash());
    }
  }

  @Test
  void parallelIsRefusedSayingTheMasterDecides() throws IOException {
    Path file = yaml("sweep.yaml", BASE + "sweep:\n  solver.lambda: [1.0e-2, 4.0e-2]\n");
    CliRun s = CliRun.of("run", file.toString(), "-o", tmp.resolve("o").toString(), "--engine", "spark",
        "--parallel", "2");
    assertThat(s.status()).isEqualTo(2);
    assertThat(s.err()).contains("--parallel 2: with --engine spark the master decides how many tasks run at once")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("o").resolve("cells")).doesNotExist();
  }
}
