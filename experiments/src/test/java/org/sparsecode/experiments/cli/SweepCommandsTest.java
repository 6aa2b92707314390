package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.core.plugin.PluginRegistry;

/** {@code validate}, {@code run} and {@code run --dry-run} on files with and without a {@code sweep:} block. */
class SweepCommandsTest {
  private static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 2, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness]
      """;
  private static final String SWEEP = TOY + """
      sweep:
        solver.lambda: [0.1, 0.2, 0.4]
        seeds: 2
      """;

  @TempDir
  Path tmp;

  private String out;
  private String err;

  private int cli(String... args) {
    CliRun run = CliRun.of(args);
    out = run.out();
    err = run.err();
    return run.status();
  }

  private Path yaml(String text) throws IOException {
    return Files.writeString(tmp.resolve("toy.yaml"), text);
  }

  @Test
  void validatePrintsTheCellCountAndTheAxes() throws IOException {
    Path file = yaml(SWEEP);
    assertThat(cli("validate", file.toString())).isZero();
    assertThat(out).contains("OK: " + file + ": experiment toy, sweep of 6 cells, every one bound and validated")
        .contains("  axis solver.lambda (3 values: 0.1, 0.2, 0.4)")
        .contains("  seeds: 2 replicates of each cell");
  }

  @Test
  void runRunsEveryCellPrintsTheirTableAndExitsZero() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(SWEEP);
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--threads", "2")).isZero();
    assertThat(out).contains("| solver.lambda=0.2 | 4 | complete |")
        .contains("6 cells: 6 complete, 0 failed; cells ran 2 at a time with 1 thread each");
    try (var cells = Files.list(dir.resolve("cells"))) {
      assertThat(cells.count()).isEqualTo(6);
    }
    assertThat(err).contains("sweep toy: 6 cells, 0 already complete, 6 to run, 2 at a time with 1 thread each")
        .contains("[6/6] cell ");
  }

  @Test
  void aSweepWithAFailedCellExitsThreeAndNamesIt() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(TOY + """
        sweep:
          solver.failAt: [2, 100]
        """);
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--threads", "1")).isEqualTo(3);
    assertThat(out).contains("2 cells: 1 complete, 1 failed")
        .contains("failed: cell 'solver.failAt=2' (cells/")
        .contains("rerun the same command to retry the failed cells");
  }

  @Test
  void dryRunPrintsOneRowPerCellWithItsValuesSeedAndHashPrefix() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(SWEEP);
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--dry-run")).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(0)).isEqualTo(file + ": 6 cells, nothing computed (dry run)");
    assertThat(lines.get(1).split(" +")).containsExactly("cell", "solver.lambda", "seed", "hash");
    List<SweepCell> cells = new ConfigLoader(PluginRegistry.load()).load(file, List.of()).sweep().orElseThrow().cells();
    for (int i = 0; i < 6; i++) {
      assertThat(lines.get(2 + i).split(" +")).containsExactly(cells.get(i).name(),
          String.valueOf(cells.get(i).values().get("solver.lambda")), String.valueOf(3 + i % 2),
          cells.get(i).hash().substring(0, 12));
    }
    assertThat(dir).doesNotExist();
  }

  @Test
  void dryRunOnAPlainFilePrintsOneRowPerVariant() throws IOException {
    Path file = yaml(TOY + "variants:\n  a: {}\n  b: { solver: { lambda: 0.2 } }\n");
    assertThat(cli("run", file.toString(), "--dry-run")).isZero();
    List<String> lines = out.lines().toList();
    assertThat(lines.get(0)).isEqualTo(file + ": 2 variants, nothing computed (dry run)");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).startsWith("a  ");
    assertThat(lines.get(3)).startsWith("b  ");
    assertThat(lines.get(2).split(" +")[1]).hasSize(12).isNotEqualTo(lines.get(3).split(" +")[1]);
  }

  @Test
  void aSetOnASweptKeyExitsTwoSayingToChangeTheAxis() throws IOException {
    Path file = yaml(SWEEP);
    assertThat(cli("validate", file.toString(), "--set", "solver.lambda=0.3")).isEqualTo(2);
    assertThat(err).contains("--set solver.lambda=0.3: solver.lambda is an axis of the sweep (" + file + ":8:3);"
        + " change the axis instead");
  }
}
