package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;

/**
 * The top-level {@code fft:} reaches the run: the engine that ran is in results.json's provenance and in the
 * resolved config.yaml, and it is part of the run's identity, so a run interrupted on one engine is never
 * resumed on the other.
 */
class FftRunTest {
  static final String SMALL = """
      name: small
      images: { type: embedded, size: 32, names: [camera, coffee] }
      dictionary: { type: log-gabor, preset: thin, size: 8 }
      solver: { type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 10 }
      metrics: [psnr, sparseness]
      """;

  @TempDir
  Path tmp;

  static int run(Path file, Path dir, StringWriter err, String... set) {
    List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "-o", dir.toString(),
        "--threads", "2"));
    for (String s : set) {
      args.add("--set");
      args.add(s);
    }
    return SparsecodeCli.execute(args.toArray(String[]::new), new PrintWriter(new StringWriter()),
        new PrintWriter(err));
  }

  static Map<String, Object> results(Path dir) throws IOException {
    return Json.parseObject(Files.readString(dir.resolve("results.json")), "results.json");
  }

  static Object provenance(Path dir, String key) throws IOException {
    return ((Map<?, ?>) results(dir).get("provenance")).get(key);
  }

  @Test
  void jtransformsIsRecordedInProvenanceAndInTheResolvedConfig() throws IOException {
    Path file = Files.writeString(tmp.resolve("small.yaml"), "fft: jtransforms\n" + SMALL);
    Path dir = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(file, dir, err)).as(err.toString()).isZero();
    assertThat(provenance(dir, "fft")).isEqualTo("jtransforms");
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("fft: jtransforms");
  }

  @Test
  void autoRunsOnFftwWhereItsLibraryLoads() throws IOException {
    assumeTrue(FftBackend.fftwAvailable(), "FFTW refused or not shipped here: " + FftBackend.fftwFailure());
    Path file = Files.writeString(tmp.resolve("small.yaml"), SMALL);
    Path dir = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(file, dir, err)).as(err.toString()).isZero();
    assertThat(provenance(dir, "fft")).isEqualTo("fftw");
    assertThat(Files.readString(dir.resolve("config.yaml"))).contains("fft: fftw");
  }

  @Test
  void aRunInterruptedOnJTransformsIsNotResumedOnFftw() throws IOException {
    assumeTrue(FftBackend.fftwAvailable(), "FFTW refused or not shipped here: " + FftBackend.fftwFailure());
    Path file = Files.writeString(tmp.resolve("small.yaml"), SMALL);
    Path dir = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(file, dir, err, "fft=jtransforms")).as(err.toString()).isZero();
    String jtSha = (String) results(dir).get("configSha256");
    // Make it look killed after the first image, with a mark that survives only if that image is skipped.
    Map<String, Object> results = results(dir);
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) ((List<?>) results.get("images")).get(0);
    first.put("seconds", 12345.0);
    results.put("images", List.of(first));
    results.put("status", "running");
    Files.writeString(dir.resolve("results.json"), Json.pretty(results));

    StringWriter again = new StringWriter();
    int status = run(file, dir, again, "fft=fftw");
    if (status == 0) {
      Map<String, Object> rerun = results(dir);
      assertThat(rerun.get("configSha256")).isNotEqualTo(jtSha);
      assertThat(((Map<?, ?>) rerun.get("provenance")).get("fft")).isEqualTo("fftw");
      assertThat(Json.number(((Map<?, ?>) ((List<?>) rerun.get("images")).get(0)).get("seconds")))
          .as("the image coded on JTransforms was coded again on FFTW").isNotEqualTo(12345.0);
    } else {
      assertThat(again.toString()).as("a refused rerun says why").contains("configSha256");
    }
  }
}
