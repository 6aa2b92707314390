package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.fft.FftBackend;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;

/**
 * The golden run: a small real experiment (three embedded photographs, thin and full log-Gabor dictionaries
 * under cbpdn-admm, and a fista variant) whose {@code results.json} per variant and {@code comparison.json}
 * must match the committed copies under {@code src/test/resources/golden/}: every number within 1e-12
 * relative (1e-12 absolute near zero), every other value equal, timings ({@code seconds}, {@code stages}) and
 * provenance aside. It guards against changes that were meant to leave the numbers alone. The copies are
 * FFTW's ({@code fft: auto} where FFTW loads; the test is skipped where it does not). It runs on two
 * threads, as the copies were made (the numbers do not depend on the thread count).
 *
 * <p>Run with {@code -Dgolden.regenerate=true} to rewrite the golden copies from the current code (from the
 * experiments module's directory); do so only when a change is meant to change the numbers.
 */
class GoldenRunTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final List<String> VARIANTS = List.of("thin", "full", "fista");
  private static final double TOLERANCE = 1e-12;
  private static final Set<String> IGNORED = Set.of("seconds", "stages", "provenance");

  @TempDir
  Path tmp;

  /**
   * Runs the golden experiment into {@code dir} with the given thread count.
   *
   * @param dir the output directory
   * @param threads the {@code --threads} value
   */
  static void run(Path dir, int threads) {
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", GOLDEN.resolve("golden.yaml").toString(), "-o",
        dir.toString(), "--threads", Integer.toString(threads)}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
  }

  /**
   * The files compared, relative to a run directory.
   *
   * @return each variant's results.json, then comparison.json
   */
  static List<String> files() {
    List<String> files = new ArrayList<>();
    for (String v : VARIANTS) {
      files.add(v + "/results.json");
    }
    files.add("comparison.json");
    return files;
  }

  /**
   * The differences between two parsed JSON trees, timings and provenance aside.
   *
   * @param path where in the tree, for the messages
   * @param expected the golden value
   * @param actual the value of this run
   * @param worst receives the largest relative difference of two numbers in its element 0
   * @param out receives one line per difference
   */
  static void compare(String path, Object expected, Object actual, double[] worst, List<String> out) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (!e.keySet().equals(a.keySet())) {
        out.add(path + ": keys " + a.keySet() + ", expected " + e.keySet());
        return;
      }
      for (Object k : e.keySet()) {
        String key = String.valueOf(k);
        if (!IGNORED.contains(key) && !key.endsWith("At")) {
          compare(path + "/" + key, e.get(k), a.get(k), worst, out);
        }
      }
    } else if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        out.add(path + ": " + a.size() + " elements, expected " + e.size());
        return;
      }
      for (int i = 0; i < e.size(); i++) {
        compare(path + "/" + i, e.get(i), a.get(i), worst, out);
      }
    } else if (expected instanceof Number e && actual instanceof Number a) {
      double x = e.doubleValue();
      double y = a.doubleValue();
      double diff = Math.abs(x - y);
      double scale = Math.max(Math.abs(x), Math.abs(y));
      double relative = scale > 1 ? diff / scale : diff;
      worst[0] = Math.max(worst[0], relative);
      if (!(relative <= TOLERANCE) && !(Double.isNaN(x) && Double.isNaN(y))) {
        out.add(path + ": " + y + ", expected " + x);
      }
    } else if (expected == null ? actual != null : !expected.equals(actual)) {
      out.add(path + ": " + actual + ", expected " + expected);
    }
  }

  private static Map<String, Object> read(Path file) throws IOException {
    return Json.parseObject(Files.readString(file), file.toString());
  }

  @Test
  void theGoldenRunGivesTheCommittedNumbers() throws IOException {
    // The copies were made on FFTW (fft: auto where it loads): JTransforms' roundings differ in float32.
    assumeTrue(FftBackend.fftwAvailable(), "the golden copies are FFTW's; FFTW is missing here: "
        + FftBackend.fftwFailure());
    Path dir = tmp.resolve("golden");
    run(dir, 2);
    if (Boolean.getBoolean("golden.regenerate")) {
      for (String f : files()) {
        Path target = GOLDEN.resolve(f);
        Files.createDirectories(target.getParent());
        Files.copy(dir.resolve(f), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    double[] worst = new double[1];
    List<String> differences = new ArrayList<>();
    for (String f : files()) {
      compare(f, read(GOLDEN.resolve(f)), read(dir.resolve(f)), worst, differences);
    }
    System.out.printf("golden run: largest relative difference %.3g%n", worst[0]);
    assertThat(differences).as("largest relative difference %.3g", worst[0]).isEmpty();
  }
}
