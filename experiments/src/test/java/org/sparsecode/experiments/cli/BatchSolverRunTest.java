package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.testplugins.EngineTestBatchSolverPlugin;

/**
 * The run engine and a {@link org.sparsecode.api.solver.BatchSolver}: images handed over {@code batchSize()} at a
 * time, results, progress, failures and resumption as with a solver of one image per call.
 */
class BatchSolverRunTest {
  private static final String RUN = """
      name: batched
      seed: 3
      images: {type: engine-test-images, count: 5, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: %s, lambda: 0.1}
      metrics: [psnr, sparseness]
      """;

  @TempDir
  Path tmp;

  @BeforeEach
  @AfterEach
  void reset() {
    EngineTestBatchSolverPlugin.BATCHES.clear();
    EngineTestBatchSolverPlugin.FAIL_ON = null;
  }

  private Path file(String solver) throws IOException {
    return Files.writeString(tmp.resolve(solver + ".yaml"), RUN.formatted(solver));
  }

  private RunResult results(String dir) {
    return ResultsJson.read(tmp.resolve(dir).resolve("results.json"));
  }

  @Test
  void aBatchSolverGetsTheImagesTwoAtATimeAndTheResultsEqualCodingThemOneByOne() throws IOException {
    CliRun batched = CliRun.of("run", file("engine-test-batch-solver").toString(), "-o", tmp.resolve("b").toString());
    CliRun single = CliRun.of("run", file("engine-test-solver").toString(), "-o", tmp.resolve("s").toString());
    assertThat(batched.status()).as(batched.err()).isZero();
    assertThat(single.status()).as(single.err()).isZero();
    assertThat(EngineTestBatchSolverPlugin.BATCHES)
        .containsExactly(List.of("img0", "img1"), List.of("img2", "img3"), List.of("img4"));
    List<ImageResult> b = results("b").images();
    List<ImageResult> s = results("s").images();
    assertThat(b).extracting(ImageResult::id).containsExactly("img0", "img1", "img2", "img3", "img4");
    for (int i = 0; i < 5; i++) {
      assertThat(b.get(i).metric("psnr")).isEqualTo(s.get(i).metric("psnr"));
      assertThat(b.get(i).iterations()).isEqualTo(3);
    }
    assertThat(batched.out() + batched.err()).contains("[5/5] img4");
  }

  @Test
  void theProvenanceRecordsTheDeviceTheBatchSolverRanOn() throws IOException {
    CliRun r = CliRun.of("run", file("engine-test-batch-solver").toString(), "-o", tmp.resolve("b").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(results("b").provenance().device()).containsEntry("library", "test");
    CliRun core = CliRun.of("run", file("engine-test-solver").toString(), "-o", tmp.resolve("s").toString());
    assertThat(core.status()).as(core.err()).isZero();
    assertThat(results("s").provenance().device()).isNull();
  }

  @Test
  void anImageThatFailsInABatchIsNamedWithItsPlaceInTheRun() throws IOException {
    EngineTestBatchSolverPlugin.FAIL_ON = "img3";
    CliRun r = CliRun.of("run", file("engine-test-batch-solver").toString(), "-o", tmp.resolve("b").toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("image 'img3' (4/5): solver engine-test-batch-solver failed: iteration 1:"
        + " objective is NaN").doesNotContain("\tat ");
    // the batch before it was written
    assertThat(results("b").images()).extracting(ImageResult::id).containsExactly("img0", "img1");
  }

  @Test
  void aRunStoppedByAFailureResumesWithTheImagesItHadNotCoded() throws IOException {
    Path f = file("engine-test-batch-solver");
    EngineTestBatchSolverPlugin.FAIL_ON = "img2";
    assertThat(CliRun.of("run", f.toString(), "-o", tmp.resolve("b").toString()).status()).isEqualTo(1);
    EngineTestBatchSolverPlugin.FAIL_ON = null;
    EngineTestBatchSolverPlugin.BATCHES.clear();
    CliRun r = CliRun.of("run", f.toString(), "-o", tmp.resolve("b").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out() + r.err()).contains("2 of 5 images already coded");
    assertThat(EngineTestBatchSolverPlugin.BATCHES).containsExactly(List.of("img2", "img3"), List.of("img4"));
    assertThat(results("b").images()).extracting(ImageResult::id)
        .containsExactly("img0", "img1", "img2", "img3", "img4");
  }
}
