package org.sparsecode.experiments.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir
  Path tmp;

  /** The smallest results.json the reader accepts, with the given status. */
  private static String results(String status) {
    return "{\"experiment\": \"x\", \"configSha256\": \"c\", \"status\": \"" + status + "\", \"images\": []}";
  }

  @Test
  void createRemovesTheTemporaryFilesThatWritesOfAKilledRunLeft() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("run"));
    Path stale = Files.writeString(root.resolve(".results.json4242.tmp"), "{\"status\": \"runn");
    Path results = Files.writeString(root.resolve(RunDirectory.RESULTS), results("running"));
    new RunDirectory(root).create();
    assertThat(stale).doesNotExist();
    assertThat(results).exists();
  }

  @Test
  void removeLeftoversTidiesAFinishedRunAndKeepsItsFiles() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(root.resolve(RunDirectory.RESULTS), results("complete"));
    Path partial = Files.writeString(root.resolve(RunDirectory.PARTIAL_SUMS), "sums");
    Path stale = Files.writeString(root.resolve(".report.html99.tmp"), "<html");
    Path checkpoint = Files.writeString(root.resolve("learning-checkpoint.npz"), "kept");
    new RunDirectory(root).removeLeftovers();
    assertThat(partial).doesNotExist();
    assertThat(stale).doesNotExist();
    assertThat(checkpoint).exists();
    assertThat(new RunDirectory(root).isComplete()).isTrue();
  }

  @Test
  void removeLeftoversKeepsThePartialSumsOfAnUnfinishedRun() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(root.resolve(RunDirectory.RESULTS), results("running"));
    Path partial = Files.writeString(root.resolve(RunDirectory.PARTIAL_SUMS), "sums");
    new RunDirectory(root).removeLeftovers();
    assertThat(partial).as("the resumed run restores the pooled sums from it").exists();
  }
}
