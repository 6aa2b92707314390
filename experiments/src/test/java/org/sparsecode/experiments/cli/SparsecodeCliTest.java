package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

/** The command line's exit codes, messages and files, on the test plugins. */
class SparsecodeCliTest {
  private static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 2, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness, l0]
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
  void runWritesTheResultsAndLogsOneLinePerImage() throws IOException {
    Path dir = tmp.resolve("out");
    assertThat(cli("run", yaml(TOY).toString(), "--output", dir.toString())).isZero();
    assertThat(out).contains("results: " + dir);
    assertThat(err).contains("[1/2] img0: psnr ").contains("[2/2] img1: psnr ").contains(" 3 its, ");
    assertThat(new RunDirectory(dir).isComplete()).isTrue();
  }

  @Test
  void aSecondRunReportsAlreadyCompleteAndLeavesTheFiles() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(TOY);
    cli("run", file.toString(), "-o", dir.toString());
    byte[] before = Files.readAllBytes(dir.resolve(RunDirectory.RESULTS));
    assertThat(cli("run", file.toString(), "-o", dir.toString())).isZero();
    assertThat(out).contains("already complete: " + dir);
    assertThat(Files.readAllBytes(dir.resolve(RunDirectory.RESULTS))).isEqualTo(before);
  }

  @Test
  void forceRunsAgain() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(TOY);
    cli("run", file.toString(), "-o", dir.toString());
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--force")).isZero();
    assertThat(out).contains("results: ").doesNotContain("already complete");
  }

  @Test
  void setOverridesAKeyAndChangesTheConfigHash() throws IOException {
    Path file = yaml(TOY);
    cli("run", file.toString(), "-o", tmp.resolve("a").toString());
    assertThat(cli("run", file.toString(), "-o", tmp.resolve("b").toString(), "--set", "solver.lambda=0.5")).isZero();
    var a = Json.parseObject(Files.readString(tmp.resolve("a/results.json")), "a");
    var b = Json.parseObject(Files.readString(tmp.resolve("b/results.json")), "b");
    assertThat(a.get("configSha256")).isNotEqualTo(b.get("configSha256"));
    assertThat(b.get("solver").toString()).contains("lambda=0.5");
  }

  @Test
  void aMissingFileExitsWithTwoAndNoStackTrace() {
    assertThat(cli("run", tmp.resolve("nope.yaml").toString())).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).startsWith("error: ").contains("nope.yaml").doesNotContain("\tat ");
  }

  @Test
  void aConfigErrorExitsWithTwoAndNamesFileLineAndColumn() throws IOException {
    Path file = yaml(TOY.replace("lambda: 0.1", "lamda: 0.1"));
    assertThat(cli("run", file.toString(), "-o", tmp.resolve("out").toString()))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).startsWith("error: ").containsPattern("toy\\.yaml:5:\\d+: ").contains("lamda")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void anOutputBelowAFileIsAConfigErrorWithNothingWritten() throws IOException {
    Path plain = Files.writeString(tmp.resolve("plain"), "x");
    assertThat(cli("run", yaml(TOY).toString(), "-o", plain.resolve("out").toString()))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("error: --output " + plain.resolve("out") + ": " + plain + " is a file")
        .doesNotContain("\tat ");
    assertThat(Files.readString(plain)).isEqualTo("x");
  }

  @Test
  void aSolverFailureExitsWithOneNamingTheIteration() throws IOException {
    Path dir = tmp.resolve("out");
    assertThat(cli("run", yaml(TOY).toString(), "-o", dir.toString(), "--set", "solver.failAt=2"))
        .isEqualTo(SparsecodeCli.RUNTIME_ERROR);
    assertThat(err).contains("error: image 'img0'").contains("iteration 2").doesNotContain("\tat ");
    assertThat(new RunDirectory(dir).isComplete()).isFalse();
  }

  @Test
  void verbosePrintsTheStackTrace() throws IOException {
    assertThat(cli("run", yaml(TOY).toString(), "-o", tmp.resolve("out").toString(), "--set", "solver.failAt=0",
        "--verbose")).isEqualTo(SparsecodeCli.RUNTIME_ERROR);
    assertThat(err).contains("\tat org.sparsecode");
  }

  @Test
  void variantsPrintTheComparisonTable() throws IOException {
    Path file = yaml(TOY + "variants:\n  small: {solver: {lambda: 0.1}}\n  large: {solver: {lambda: 0.5}}\n");
    Path dir = tmp.resolve("out");
    assertThat(cli("run", file.toString(), "-o", dir.toString())).isZero();
    assertThat(out).contains("| variant").contains("| small").contains("| large");
    assertThat(dir.resolve("small/results.json")).exists();
    assertThat(dir.resolve("large/results.json")).exists();
    assertThat(dir.resolve("comparison.md")).exists();
  }

  @Test
  void validatePrintsOkAndRunsNothing() throws IOException {
    assertThat(cli("validate", yaml(TOY).toString())).isZero();
    assertThat(out).startsWith("OK: ").contains("2 images (engine-test-images)").contains("engine-test-solver");
  }

  @Test
  void validateReportsAConfigErrorWithTwo() throws IOException {
    assertThat(cli("validate", yaml(TOY).toString(), "--set", "solver.lambda=-1"))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).startsWith("error: ").contains("lambda");
  }

  @Test
  void pluginsListsEveryPluginWithItsSettings() {
    assertThat(cli("plugins")).isZero();
    assertThat(out).contains("engine-test-solver").contains("failAt").contains("psnr");
  }

  @Test
  void versionAndHelpExitWithZero() {
    assertThat(cli("--version")).isZero();
    assertThat(out).startsWith("sparsecode ").contains("git commit ");
    assertThat(cli("--help")).isZero();
    assertThat(out).contains("run").contains("validate").contains("plugins");
  }

  @Test
  void anUnknownOptionExitsWithTwo() {
    assertThat(cli("run", "--frobnicate")).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).startsWith("error: ");
  }

  @Test
  void aRerunWithAnotherConfigurationIsRefusedNamingTheKeysThatDiffer() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(TOY);
    cli("run", file.toString(), "-o", dir.toString());
    byte[] before = Files.readAllBytes(dir.resolve(RunDirectory.RESULTS));
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--set", "solver.lambda=0.5"))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains(dir + " holds a finished run of another configuration: 1 key differs")
        .contains("solver.lambda: 0.1 there, 0.5 here").contains("--force");
    assertThat(Files.readAllBytes(dir.resolve(RunDirectory.RESULTS))).isEqualTo(before);
  }

  @Test
  void aRerunWithAnotherConfigurationRunsWithForce() throws IOException {
    Path dir = tmp.resolve("out");
    Path file = yaml(TOY);
    cli("run", file.toString(), "-o", dir.toString());
    assertThat(cli("run", file.toString(), "-o", dir.toString(), "--set", "solver.lambda=0.5", "--force")).isZero();
    assertThat(Files.readString(dir.resolve(RunDirectory.CONFIG))).contains("lambda: 0.5");
  }

  @Test
  void theEndOfARunPointsToItsReport() throws IOException {
    Path dir = tmp.resolve("out");
    assertThat(cli("run", yaml(TOY).toString(), "-o", dir.toString())).isZero();
    assertThat(out).contains("report:  " + dir.resolve("report.html"));
  }

  @Test
  void anUnwritableOutputFailsBeforeAnyWork() throws IOException {
    assertThat(cli("run", yaml(TOY).toString(), "-o", "/proc/sparsecode-out")).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).startsWith("error: --output /proc/sparsecode-out: cannot write into /proc")
        .doesNotContain("coding");
  }

  @Test
  void validateRefusesKernelsLargerThanTheImagesAsRunDoes() throws IOException {
    Path file = yaml(TOY.replace("{type: engine-test-kernels}", "{type: engine-test-kernels, size: 16}"));
    assertThat(cli("validate", file.toString())).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    String validateErr = err;
    assertThat(cli("run", file.toString(), "-o", tmp.resolve("out").toString()))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(validateErr).contains("smaller than the").isEqualTo(err);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void resumeCommandsQuoteWhatTheShellWouldSplit() {
    assertThat(RunCommand.quote("runs/a-1")).isEqualTo("runs/a-1");
    assertThat(RunCommand.quote("images.names=[a, b]")).isEqualTo("'images.names=[a, b]'");
    assertThat(RunCommand.quote("it's")).isEqualTo("'it'\\''s'");
  }
}
