package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;

/**
 * {@code sparsecode run} with a {@code learning:} block: a run killed with SIGKILL ({@code kill -9}, a child
 * JVM running the command line) once its first learning checkpoint exists, then run again into the same
 * directory, resumes from the checkpoint and ends with the same {@code dictionary.npy}, byte for byte, and the
 * same objective trace as an uninterrupted run.
 */
class LearningResumeTest {
  private static final int STEPS = 24;
  private static final String CONFIG = """
      name: learn-tiny
      seed: 3
      images: {type: embedded, size: 48, names: [camera, coffee, chelsea]}
      dictionary: {type: random, kernels: 16, size: 8, seed: 7}
      learning: {type: online-cdl, steps: %d, maxIterations: 50, checkpointEvery: 2, imageOrder: random}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 5}
      metrics: [psnr, sparseness]
      """.formatted(STEPS);

  @TempDir
  Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void runKilledMidLearningResumesToTheSameDictionaryBytes() throws IOException, InterruptedException {
    Path file = Files.writeString(tmp.resolve("learn.yaml"), CONFIG);
    Path straight = tmp.resolve("straight");
    run(file, straight);

    Path resumed = tmp.resolve("resumed");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run", file.toString(),
        "-o", resumed.toString(), "--threads", "1")
        .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    Path checkpoint = LearningCheckpoint.file(resumed);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean alive = child.isAlive();
    child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
    child.waitFor(30, TimeUnit.SECONDS);
    assertThat(checkpoint).as(Files.readString(tmp.resolve("child.log"))).exists();
    assertThat(alive).as("the child was still running when killed").isTrue();
    assertThat(LearningCheckpoint.read(resumed).orElseThrow().step()).as("killed mid-way").isLessThan(STEPS);
    assertThat(resumed.resolve("results.json")).doesNotExist();

    run(file, resumed);
    assertThat(Files.readAllBytes(resumed.resolve("dictionary.npy")))
        .isEqualTo(Files.readAllBytes(straight.resolve("dictionary.npy")));
    Map<String, Object> a = Json.parseObject(Files.readString(straight.resolve("results.json")), "results.json");
    Map<String, Object> b = Json.parseObject(Files.readString(resumed.resolve("results.json")), "results.json");
    List<Object> objective = (List<Object>) ((Map<String, Object>) a.get("learning")).get("objective");
    assertThat(objective).hasSize(STEPS);
    assertThat(((Map<String, Object>) b.get("learning")).get("objective")).isEqualTo(objective);
    assertThat(b.get("status")).isEqualTo("complete");
  }

  private static void run(Path file, Path dir) {
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads", "1"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
  }
}
