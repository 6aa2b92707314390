package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;

/** {@link SweepProgress}: a line per cell in a log, a bar with the time left on a terminal. */
class SweepProgressTest {
  @TempDir
  Path tmp;

  private List<SweepCell> cells() throws IOException {
    Path file = Files.writeString(tmp.resolve("s.yaml"), """
        name: p
        images: {type: engine-test-images, count: 2, size: 8}
        dictionary: {type: engine-test-kernels}
        solver: {type: engine-test-solver, lambda: 0.1}
        metrics: [psnr, sparseness]
        sweep:
          solver.lambda: [0.1, 0.2]
        """);
    return new ConfigLoader(PluginRegistry.load()).load(file, List.of()).sweep().orElseThrow().cells();
  }

  private static CellOutcome complete(SweepCell c, double psnr) {
    RunResult r = new RunResult("p", null, 0, c.hash(), new Provenance("1", "x", "17", "Linux", "amd64", 1, "t",
        "t", "float32", null), Map.of(), Map.of(), null, List.of(new ImageResult("a", Map.of("psnr", psnr), Map.of(),
        1, 0.1)), Map.of("psnr", new Summary(psnr, 0, psnr, psnr, psnr), "sparseness",
        new Summary(0.98, 0, 0.98, 0.98, 0.98)), RunResult.COMPLETE);
    return new CellOutcome(c, CellOutcome.COMPLETE, 4.25, r, null, Path.of("cells", c.hash()), false);
  }

  @Test
  void aLogGetsOneLinePerCellWithItsMeansTimeAndTheTimeLeft() throws IOException {
    List<SweepCell> cells = cells();
    StringWriter text = new StringWriter();
    SweepProgress p = new SweepProgress(new PrintWriter(text), false);
    p.start(2);
    p.cellDone(complete(cells.get(0), 31.25));
    p.cellDone(new CellOutcome(cells.get(1), CellOutcome.FAILED, 1.5, null, "solver diverged", Path.of("c"), false));

    assertThat(text.toString().lines().toList()).hasSize(2);
    assertThat(text.toString().lines().toList().get(0))
        .startsWith("[1/2] cell 'solver.lambda=0.1': psnr 31.25 dB, sparseness 0.9800, 4.3 s, about ")
        .endsWith(" left");
    assertThat(text.toString().lines().toList().get(1))
        .isEqualTo("[2/2] cell 'solver.lambda=0.2' FAILED after 1.5 s: solver diverged");
  }

  @Test
  void aTerminalGetsABarRedrawnInPlaceWithTheCellsInFlight() throws IOException {
    List<SweepCell> cells = cells();
    StringWriter text = new StringWriter();
    SweepProgress p = new SweepProgress(new PrintWriter(text), true);
    p.start(2);
    p.imageDone(cells.get(1).name(), 1, 2);
    assertThat(text.toString()).contains("\r[" + ".".repeat(24) + "] 0/2 cells | solver.lambda=0.2 1/2 images");
    p.cellDone(complete(cells.get(0), 30));
    assertThat(text.toString()).contains("\r[" + "#".repeat(12) + ".".repeat(12) + "] 1/2 cells, about ")
        .doesNotContain("\n");
  }

  @Test
  void secondsReadAsPeopleReadThem() {
    assertThat(SweepProgress.seconds(4.25)).isEqualTo("4.3 s");
    assertThat(SweepProgress.seconds(200)).isEqualTo("3 min 20 s");
    assertThat(SweepProgress.seconds(7500)).isEqualTo("2 h 05 min");
  }
}
