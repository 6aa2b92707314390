package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptionTest {
  private static final String SLOW = """
      name: slow
      seed: 1
      images: {type: embedded, size: 64, names: [camera, coffee, brick, chelsea, astronaut, rocket]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 30}
      metrics: [psnr, sparseness]
      """;

  @TempDir
  Path tmp;

  @Test
  void aRunStoppedBySignalSaysWhatWasKeptAndHowToResume() throws IOException, InterruptedException {
    Path file = Files.writeString(tmp.resolve("slow.yaml"), SLOW);
    Path dir = tmp.resolve("out");
    Path log = tmp.resolve("child.log");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), SparsecodeCli.class.getName(), "run", file.toString(),
        "-o", dir.toString(), "--threads", "1", "--set", "images.size=64")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    // image i is logged before it is saved, so once image 2 shows, image 1 is in results.json
    while (!Files.readString(log).contains("[2/6]") && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(child.isAlive()).as(Files.readString(log)).isTrue();
    child.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C's SIGINT
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(log);
    assertThat(text).contains("interrupted: " + dir).contains("kept (every file is written whole")
        .containsPattern("\\.: [1-5] images? coded")
        .contains("resume with the same command:")
        .contains("./sparsecode run " + file + " --output " + dir + " --set images.size=64 --threads 1");
  }

  @Test
  void keptListsEachRunDirectoryWithItsProgress() throws IOException {
    Path root = tmp.resolve("plan");
    Files.createDirectories(root.resolve("thin"));
    Files.writeString(root.resolve("thin/results.json"), "{\"experiment\": \"x\", \"configSha256\": \"c\", "
        + "\"status\": \"running\", \"images\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}");
    Files.createDirectories(root.resolve("full"));
    Files.writeString(root.resolve("full/results.json"), "{\"experiment\": \"x\", \"configSha256\": \"c\", "
        + "\"status\": \"complete\", \"images\": [{\"id\": \"a\"}]}");
    assertThat(Interruption.kept(root)).containsExactly("full: complete (1 image)", "thin: 2 images coded");
  }

  @Test
  void keptCountsASweepsCompleteCellsAndNamesThoseInProgress() throws IOException {
    Path root = tmp.resolve("sweep");
    String running = "{\"experiment\": \"x\", \"configSha256\": \"c\", \"status\": \"running\", "
        + "\"images\": [{\"id\": \"a\"}]}";
    String complete = running.replace("running", "complete");
    for (String[] cell : new String[][] {{"aa", complete}, {"bb", running}, {"cc", complete}}) {
      Files.createDirectories(root.resolve("cells/" + cell[0]));
      Files.writeString(root.resolve("cells/" + cell[0] + "/results.json"), cell[1]);
    }
    assertThat(Interruption.kept(root)).containsExactly("cells: 2 complete cells (a rerun reuses them)",
        "cells/bb: 1 image coded");
  }

  @Test
  void keptIsEmptyBeforeAnythingWasWritten() {
    assertThat(Interruption.kept(tmp.resolve("none"))).isEmpty();
  }
}
