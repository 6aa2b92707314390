package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.run.RunOptions;

/**
 * A cell runs into a store in memory (a {@link RunDirectory} on an in-memory file system) as into a directory on
 * disk, learning checkpoints, partial sums, plots and report included, with the same numbers: tests and engines
 * that keep nothing need no disk.
 */
class InMemoryCellTest {
  @TempDir
  Path tmp;

  /** Every image's metrics, curves and iterations (not its seconds). */
  private static List<Object> measures(RunResult r) {
    return r.images().stream().map(i -> (Object) List.of(i.id(), i.metrics(), i.curves(), i.iterations())).toList();
  }

  @Test
  void aCellRunIntoAStoreInMemoryGivesTheNumbersOfARunOnDisk() throws IOException {
    Path file = Files.writeString(tmp.resolve("cell.yaml"), """
        name: in-memory
        images: {type: embedded, size: 24, names: [camera, coffee]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        learning: {type: online-cdl, steps: 4, maxIterations: 5, checkpointEvery: 2}
        solver: {type: fista, lambda: 0.02, maxIterations: 10}
        metrics: [psnr, sparseness, coefficient-histogram]
        sweep:
          solver.lambda: [0.02, 0.05]
        """);
    ExperimentPlan plan = new ConfigLoader(PluginRegistry.load()).load(file, List.of());
    SweepCell cell = plan.sweep().orElseThrow().cells().get(1);
    RunResult onDisk = CellRunner.run(plan, cell, new RunDirectory(tmp.resolve("disk")), RunOptions.defaults())
        .result();
    try (FileSystem memory = Jimfs.newFileSystem(Configuration.unix())) {
      RunDirectory store = new RunDirectory(memory.getPath("/cell"));
      CellOutcome o = CellRunner.run(plan, cell, store, RunOptions.defaults());
      RunResult inMemory = o.result();

      assertThat(measures(inMemory)).isEqualTo(measures(onDisk));
      assertThat(inMemory.learning().get("objective")).isEqualTo(onDisk.learning().get("objective"));
      assertThat(inMemory.cell()).containsEntry("name", "solver.lambda=0.05");
      assertThat(store.isComplete()).isTrue();
      assertThat(measures(store.results().orElseThrow())).isEqualTo(measures(inMemory));
      assertThat(Files.exists(tmp.resolve("cell"))).isFalse();
      try (var files = Files.list(store.root())) {
        assertThat(files.map(p -> p.getFileName().toString()).toList())
            .contains(RunDirectory.RESULTS, RunDirectory.DICTIONARY, RunDirectory.METRICS, "report.html");
      }
    }
  }
}
