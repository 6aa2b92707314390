package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.cli.SparsecodeCli;
import org.sparsecode.experiments.results.Json;

/**
 * A run's numbers do not depend on its thread count: the golden experiment gives the same results.json and
 * comparison.json, bit for bit, on one and on two threads (timings and provenance aside), and a run
 * interrupted on two threads resumes on one.
 */
class ThreadCountRunTest {
  @TempDir
  Path tmp;

  /** The tree without timings and provenance. */
  private static Object numbers(Object tree) {
    if (tree instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        String key = String.valueOf(k);
        if (!"seconds".equals(key) && !"stages".equals(key) && !"provenance".equals(key) && !key.endsWith("At")) {
          out.put(key, numbers(v));
        }
      });
      return out;
    } else if (tree instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(v -> out.add(numbers(v)));
      return out;
    }
    return tree;
  }

  private static Object read(Path file) throws IOException {
    return numbers(Json.parseObject(Files.readString(file), file.toString()));
  }

  private static int run(Path file, Path dir, int threads) {
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads",
        Integer.toString(threads)}, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(err.toString()).doesNotContain("Exception");
    return status;
  }

  @Test
  void oneAndTwoThreadsGiveTheSameNumbersBitForBit() throws IOException {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    GoldenRunTest.run(one, 1);
    GoldenRunTest.run(two, 2);
    for (String f : GoldenRunTest.files()) {
      assertThat(read(two.resolve(f))).as(f).isEqualTo(read(one.resolve(f)));
    }
  }

  @Test
  void aRunInterruptedOnTwoThreadsResumesOnOne() throws IOException {
    Path file = Files.writeString(tmp.resolve("small.yaml"), """
        name: small
        images: { type: embedded, size: 32, names: [camera, coffee] }
        dictionary: { type: log-gabor, preset: thin, size: 8 }
        solver: { type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 10 }
        metrics: [psnr, sparseness]
        """);
    Path straight = tmp.resolve("straight");
    assertThat(run(file, straight, 1)).isZero();
    Path dir = tmp.resolve("resumed");
    assertThat(run(file, dir, 2)).isZero();
    // Make it look killed after the first image, with a mark the resumed run keeps only if it skips that image.
    Map<String, Object> results = Json.parseObject(Files.readString(dir.resolve("results.json")), "results.json");
    List<?> images = (List<?>) results.get("images");
    @SuppressWarnings("unchecked")
    Map<String, Object> first = (Map<String, Object>) images.get(0);
    first.put("seconds", 12345.0);
    results.put("images", List.of(first));
    results.put("status", "running");
    Files.writeString(dir.resolve("results.json"), Json.pretty(results));

    assertThat(run(file, dir, 1)).isZero();
    Map<String, Object> resumed = Json.parseObject(Files.readString(dir.resolve("results.json")), "results.json");
    assertThat(resumed.get("status")).isEqualTo("complete");
    assertThat(Json.number(((Map<?, ?>) ((List<?>) resumed.get("images")).get(0)).get("seconds")))
        .as("the first image was taken from the interrupted run, not coded again").isEqualTo(12345.0);
    assertThat(numbers(resumed)).isEqualTo(read(straight.resolve("results.json")));
  }
}
