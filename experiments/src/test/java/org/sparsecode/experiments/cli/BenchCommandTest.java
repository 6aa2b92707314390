package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sparsecode bench} on a small problem: the rows it prints and writes, and its refusals. */
class BenchCommandTest {
  private static final String SMALL = """
      name: small
      images: {type: embedded, size: 32, names: [camera]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: cbpdn-admm, lambda: 5.0e-2, maxIterations: 40}
      """;

  @TempDir
  Path tmp;

  private String out;
  private String err;

  private int cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args, new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return status;
  }

  private Path problem() throws Exception {
    return Files.writeString(tmp.resolve("small.yaml"), SMALL);
  }

  @Test
  void everySolverAndPrecisionGetsOneCsvRowAtTheProblemsIterationsPerImage() throws Exception {
    Path csv = tmp.resolve("bench.csv");
    int status = cli("bench", problem().toString(), "--solver", "cbpdn-admm,fista", "--iterations", "4",
        "--short-iterations", "2", "--repeats", "1", "--threads", "1", "--csv", csv.toString());
    assertThat(status).as(err).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(5);
    assertThat(lines.subList(1, 5)).extracting(l -> l.split(",")[0] + " " + l.split(",")[1])
        .containsExactly("cbpdn-admm float32", "cbpdn-admm float64", "fista float32", "fista float64");
    for (String line : lines.subList(1, 5)) {
      String[] f = line.split(",");
      assertThat(Integer.parseInt(f[3])).as("threads").isEqualTo(1);
      // timings are not asserted (a busy machine can make any of them noise): only that they are figures
      assertThat(Double.parseDouble(f[5])).as("ms per iteration of " + line).isNotNegative();
      // the problem's own call gives 40 iterations per image, whichever solver
      assertThat(Integer.parseInt(f[8])).isEqualTo(40);
      double perSecond = Double.parseDouble(f[7]);
      double expected = 1000.0 / (Double.parseDouble(f[6]) + 40 * Double.parseDouble(f[5]));
      assertThat(perSecond).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(1));
      assertThat(Long.parseLong(f[9])).as("peak heap").isPositive();
    }
    assertThat(out).contains("ms/iteration").containsPattern("(?m)^fista\\s+float64\\s+\\S+\\s+1\\s+1\\s");
  }

  @Test
  void anUnknownSolverIsRefusedWithTheAvailableOnes() throws Exception {
    assertThat(cli("bench", problem().toString(), "--solver", "admm")).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("--solver admm: no such solver; available: ").contains("cbpdn-admm, ")
        .contains("fista");
  }

  @Test
  void aSolverWithoutAnIterationLimitIsRefusedNamingItsSettings() throws Exception {
    assertThat(cli("bench", problem().toString(), "--solver", "matching-pursuit"))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("matching-pursuit has none (its settings: maxAtoms, residualFraction,"
        + " minCoefficient)");
  }

  @Test
  void iterationsNotAboveTheShortSolvesAreRefused() throws Exception {
    assertThat(cli("bench", problem().toString(), "--iterations", "5", "--short-iterations", "5"))
        .isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("--iterations must be above --short-iterations (5), got 5");
  }

  @Test
  void anUnknownPrecisionIsRefused() throws Exception {
    assertThat(cli("bench", problem().toString(), "--precision", "float16")).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("--precision float16: expected float32 or float64");
  }

  @Test
  void aMissingProblemFileIsNamed() {
    assertThat(cli("bench", tmp.resolve("nope.yaml").toString())).isEqualTo(SparsecodeCli.CONFIG_ERROR);
    assertThat(err).contains("nope.yaml: no such file");
  }

  @Test
  void withoutAFileThePapersProblemIsTimedWithItsHundredIterationsPerImage() {
    // the paper's problem made small with --set, so that the bundled file is what is loaded and timed
    int status = cli("bench", "--set", "images.size=32", "--set", "dictionary.size=8", "--solver", "cbpdn-admm",
        "--precision", "float32", "--iterations", "3", "--short-iterations", "1", "--repeats", "1");
    assertThat(status).as(err).isZero();
    assertThat(out).contains("problem: the paper's (144 log-Gabor kernels 12x12")
        .containsPattern("(?m)^cbpdn-admm\\s+float32\\s+\\S+\\s+\\d+\\s+1(\\s+[0-9.]+){3}\\s+100\\s");
  }
}
