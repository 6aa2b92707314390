package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunResult;

/**
 * Experiment files with the nd4j-* solvers through the command line, as the launcher runs them once the module is
 * on the class path: results that match the core solver's, the device in the provenance, and the clear errors
 * (the cases of experiments' bad-input corpus that need this module's plugins, which that corpus cannot see).
 */
class Nd4jCliTest {
  private static final String RUN = """
      name: nd4j
      seed: 1
      threads: 1
      images: {type: embedded, size: 32, names: [camera, coffee, brick]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      solver: {type: %s, lambda: 0.05, maxIterations: 30, relStopTol: 1.0e-3%s}
      metrics: [psnr, sparseness, objective]
      """;

  @TempDir
  Path tmp;

  private record Cli(int status, String out, String err) { }

  private static Cli cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int status = SparsecodeCli.execute(args, new PrintWriter(o), new PrintWriter(e));
    return new Cli(status, o.toString(), e.toString());
  }

  private Path file(String name, String solver, String extra) throws IOException {
    return Files.writeString(tmp.resolve(name + ".yaml"), RUN.formatted(solver, extra));
  }

  @Test
  void aRunWithTheNd4jAdmmMatchesTheCoreAdmmImageByImage() throws IOException {
    Cli nd4j = cli("run", file("nd4j", "nd4j-cbpdn-admm", ", batch: 2").toString(), "-o",
        tmp.resolve("a").toString());
    Cli core = cli("run", file("core", "cbpdn-admm", "").toString(), "-o", tmp.resolve("b").toString());
    assertThat(nd4j.status()).as(nd4j.err()).isZero();
    assertThat(core.status()).as(core.err()).isZero();
    List<ImageResult> a = ResultsJson.read(tmp.resolve("a").resolve("results.json")).images();
    List<ImageResult> b = ResultsJson.read(tmp.resolve("b").resolve("results.json")).images();
    assertThat(a).extracting(ImageResult::id).containsExactly("camera", "coffee", "brick");
    for (int i = 0; i < 3; i++) {
      assertThat(a.get(i).iterations()).isEqualTo(b.get(i).iterations());
      double objective = b.get(i).metric("objective");
      assertThat(a.get(i).metric("objective")).isCloseTo(objective,
          org.assertj.core.data.Offset.offset(1e-3 * objective));
      assertThat(a.get(i).metric("psnr")).isCloseTo(b.get(i).metric("psnr"), org.assertj.core.data.Offset.offset(0.01));
    }
  }

  /** A tiny learning run as paper-full.yaml's: the learning's CBPDN in a solver block, no warm start. */
  private static final String LEARN = """
      name: learn
      seed: 4
      threads: 1
      images: {type: embedded, size: 32, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin, size: 8}
      learning:
        type: online-cdl
        steps: 3
        minibatch: 2
        crop: none
        checkpointEvery: 0
        warmStart: false
        solver: {type: cbpdn-admm, lambda: 0.05, rho: 10, autoRho: {enabled: false}, maxIterations: 20,
                 relStopTol: 1.0e-3, relaxation: 1.8%s}
      solver: {type: cbpdn-admm, lambda: 0.05, maxIterations: 5}
      metrics: [psnr]
      """;

  @SuppressWarnings("unchecked")
  private static List<Double> objective(RunResult r) {
    return (List<Double>) r.learning().get("objective");
  }

  @Test
  void setLearningSolverTypeMovesTheLearningAndItsDictionaryStepToNd4j() throws IOException {
    Path f = Files.writeString(tmp.resolve("learn.yaml"), LEARN.formatted(""));
    Cli core = cli("run", f.toString(), "-o", tmp.resolve("core").toString());
    Cli nd4j = cli("run", f.toString(), "-o", tmp.resolve("nd4j").toString(), "--set",
        "learning.solver.type=nd4j-cbpdn-admm");
    assertThat(core.status()).as(core.err()).isZero();
    assertThat(nd4j.status()).as(nd4j.err()).isZero();
    RunResult a = ResultsJson.read(tmp.resolve("core").resolve("results.json"));
    RunResult b = ResultsJson.read(tmp.resolve("nd4j").resolve("results.json"));
    assertThat((java.util.Map<String, Object>) a.learning().get("dictionaryStep")).containsEntry("backend", "cpu");
    assertThat((java.util.Map<String, Object>) b.learning().get("dictionaryStep"))
        .containsEntry("backend", "nd4j cpu").containsEntry("dtype", "float32");
    assertThat(nd4j.out() + nd4j.err()).contains("online-cdl: the dictionary step runs on nd4j cpu");
    List<Double> x = objective(a);
    List<Double> y = objective(b);
    assertThat(y).hasSize(3);
    for (int j = 0; j < 3; j++) {
      assertThat(y.get(j)).as("step %d", j).isCloseTo(x.get(j), org.assertj.core.data.Offset.offset(1e-3 * x.get(j)));
    }
  }

  @Test
  void aHalfPrecisionLearningSolverIsRefusedOnTheCpuBackendNamingItsKey() throws IOException {
    Path f = Files.writeString(tmp.resolve("learn.yaml"), LEARN.formatted(""));
    Cli r = cli("validate", f.toString(), "--set", "learning.solver.type=nd4j-cbpdn-admm", "--set",
        "learning.solver.dtype=float16");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("learning.solver.dtype").contains("float16 needs ND4J's CUDA backend")
        .doesNotContain("\tat ");
  }

  @Test
  void aMisspeltDtypeInALearningSolverBlockIsLocatedInTheFile() throws IOException {
    Path f = Files.writeString(tmp.resolve("learn.yaml"), LEARN.formatted(", dtype: float8")
        .replace("type: cbpdn-admm, lambda: 0.05, rho", "type: nd4j-cbpdn-admm, lambda: 0.05, rho"));
    Cli r = cli("validate", f.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("learn.yaml:14:").contains("learning.solver.dtype")
        .contains("must be float32, float64, float16 or bfloat16, got 'float8'").doesNotContain("\tat ");
  }

  @Test
  void benchTimesAnNd4jSolverAtEachBatchAndTheCoreSolverAtOne() throws IOException {
    Path csv = tmp.resolve("bench.csv");
    Cli r = cli("bench", file("bench", "cbpdn-admm", "").toString(), "--solver", "nd4j-fista,cbpdn-admm",
        "--precision", "float32", "--batch", "1,3", "--iterations", "3", "--short-iterations", "1", "--repeats", "1",
        "--threads", "1", "--csv", csv.toString());
    assertThat(r.status()).as(r.err()).isZero();
    // solver, precision, engine, batch: the ND4J solver at both batches, the core one at one image per call
    assertThat(Files.readAllLines(csv).subList(1, 4)).extracting(l -> {
      String[] f = l.split(",");
      return f[0] + " " + f[1] + " " + f[2] + " " + f[4];
    }).containsExactly("nd4j-fista float32 nd4j-cpu 1", "nd4j-fista float32 nd4j-cpu 3",
        "cbpdn-admm float32 fftw 1");
  }

  @Test
  void theProvenanceRecordsNd4jsBackendDeviceAndType() throws IOException {
    Cli r = cli("run", file("nd4j", "nd4j-lca", ", batch: 3").toString(), "-o", tmp.resolve("a").toString());
    assertThat(r.status()).as(r.err()).isZero();
    RunResult result = ResultsJson.read(tmp.resolve("a").resolve("results.json"));
    assertThat(result.provenance().device()).containsEntry("library", "nd4j 1.0.0-M2.1")
        .containsEntry("backend", "cpu").containsEntry("dtype", "float32").containsKey("device");
    assertThat(Files.readString(tmp.resolve("a").resolve("results.json"))).contains("\"backend\" : \"cpu\"");
  }

  @Test
  void anUnknownDtypeIsAConfigurationErrorForValidateAndRun() throws IOException {
    Path f = file("bad", "nd4j-fista", ", dtype: float8");
    for (String command : new String[] {"validate", "run"}) {
      Cli r = command.equals("run") ? cli(command, f.toString(), "-o", tmp.resolve("x").toString())
          : cli(command, f.toString());
      assertThat(r.status()).as(command).isEqualTo(2);
      assertThat(r.err()).contains("bad.yaml:6:").contains("solver.dtype")
          .contains("must be float32, float64, float16 or bfloat16, got 'float8'").doesNotContain("\tat ");
    }
  }

  @Test
  void aBatchOfZeroIsAConfigurationErrorForValidateAndRun() throws IOException {
    Path f = file("bad", "nd4j-cbpdn-admm", ", batch: 0");
    for (String command : new String[] {"validate", "run"}) {
      Cli r = command.equals("run") ? cli(command, f.toString(), "-o", tmp.resolve("x").toString())
          : cli(command, f.toString());
      assertThat(r.status()).as(command).isEqualTo(2);
      assertThat(r.err()).contains("bad.yaml:6:").contains("solver.batch").contains(">= 1")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void halfPrecisionOnTheCpuBackendIsRefusedBeforeAnythingRuns() throws IOException {
    Cli r = cli("validate", file("bad", "nd4j-lca", ", dtype: bfloat16").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("solver.dtype").contains("bfloat16 needs ND4J's CUDA backend")
        .contains("use dtype: float32").doesNotContain("\tat ");
  }

  @Test
  void backtrackingIsRefusedWithThePointerToTheCoreFista() throws IOException {
    Cli r = cli("validate", file("bad", "nd4j-fista", ", backtracking: standard").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("solver.backtracking").contains("use type: fista").doesNotContain("\tat ");
  }

  @Test
  void aCudaBuildWithoutAGpuSaysSoOnceAndHowToUseTheCpuBackend() throws IOException {
    Path f = file("nd4j", "nd4j-cbpdn-admm", "");
    System.setProperty(Nd4jRuntime.BACKEND_PROPERTY, "cuda");
    try {
      Cli r = cli("run", f.toString(), "-o", tmp.resolve("x").toString());
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).contains("nd4j-cbpdn-admm: this build of sparsecode-gpu runs on ND4J's CUDA backend (it"
          + " was built with -Pcuda), but no CUDA driver or GPU was found")
          .contains("rebuild the module without -Pcuda").contains("type: cbpdn-admm").doesNotContain("\tat ");
      assertThat(r.err().split("no CUDA driver", -1)).hasSize(2);
      assertThat(tmp.resolve("x").resolve("results.json")).doesNotExist();
    } finally {
      System.clearProperty(Nd4jRuntime.BACKEND_PROPERTY);
    }
  }

  @Test
  void aBatchTooLargeForTheDeviceGivesTheLargestThatFitsAndExitsOne() throws IOException {
    Path f = file("nd4j", "nd4j-cbpdn-admm", ", batch: 3");
    Nd4jConvBpdnAdmm solver = Solvers.admm(Nd4jCbpdnAdmmSettings.defaults());
    long twoFit = solver.bytes(144, 32, 32, 2) + 1000;
    System.setProperty(Nd4jRuntime.MEMORY_PROPERTY, Long.toString(twoFit));
    try {
      Cli r = cli("run", f.toString(), "-o", tmp.resolve("x").toString());
      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).contains("nd4j-cbpdn-admm: a batch of 3 images of 32x32 with 144 kernels in float32 does"
          + " not fit in the device's free memory").contains("set solver.batch to 2 or less").doesNotContain("\tat ");
    } finally {
      System.clearProperty(Nd4jRuntime.MEMORY_PROPERTY);
    }
  }
}
