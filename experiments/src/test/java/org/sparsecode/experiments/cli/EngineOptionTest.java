package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --engine NAME}: the local engine by default, clear refusals for an engine that is not there. */
class EngineOptionTest {
  private static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 2, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness]
      """;

  @TempDir
  Path tmp;

  private Path toy() throws IOException {
    return Files.writeString(tmp.resolve("toy.yaml"), TOY);
  }

  @Test
  void theLocalEngineNamedExplicitlyRunsAsTheDefault() throws IOException {
    CliRun r = CliRun.of("run", toy().toString(), "-o", tmp.resolve("out").toString(), "--engine", "local");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(tmp.resolve("out").resolve("results.json")).isRegularFile();
  }

  @Test
  void anUnknownEngineListsTheAvailableOnesAndExitsTwo() throws IOException {
    CliRun r = CliRun.of("run", toy().toString(), "-o", tmp.resolve("out").toString(), "--engine", "flink");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--engine flink: no such engine; available:\n  local  this JVM (the default)")
        .contains("\n  spark  Apache Spark (./sparsecode builds it the first time it is asked for)")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void sparkWithoutItsModuleSaysToRunThroughTheLauncher() throws IOException {
    CliRun r = CliRun.of("run", toy().toString(), "-o", tmp.resolve("out").toString(), "--engine", "spark");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--engine spark: the Spark engine is not on the class path: run through"
        + " ./sparsecode, which builds the sparsecode-spark module").doesNotContain("\tat ");
  }

  @Test
  void aMasterForTheLocalEngineIsRefusedBeforeAnythingRuns() throws IOException {
    CliRun r = CliRun.of("run", toy().toString(), "-o", tmp.resolve("out").toString(), "--master", "local[2]");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--master local[2]: the local engine has no master; --master is for --engine"
        + " spark");
    assertThat(tmp.resolve("out").resolve("results.json")).doesNotExist();
  }
}
