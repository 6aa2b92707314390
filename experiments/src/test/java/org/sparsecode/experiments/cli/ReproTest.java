package org.sparsecode.experiments.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.results.Json;

/**
 * The {@code config.yaml} a run leaves is enough to re-run it. Running a variant's
 * {@code config.yaml} gives the same configuration hash and the same numbers.
 */
class ReproTest {
  private static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 2, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness, l0]
      variants:
        small: {solver: {lambda: 0.2}}
      """;

  @TempDir
  Path tmp;

  private static int cli(String... args) {
    return SparsecodeCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theResolvedConfigOfARunReproducesIt() throws IOException {
    Path file = Files.writeString(tmp.resolve("toy.yaml"), TOY);
    assertThat(cli("run", file.toString(), "-o", tmp.resolve("first").toString())).isZero();
    Path config = tmp.resolve("first/small/config.yaml");
    assertThat(cli("run", config.toString(), "-o", tmp.resolve("again").toString())).isZero();
    Map<String, Object> first = Json.parseObject(Files.readString(tmp.resolve("first/small/results.json")), "1");
    Map<String, Object> again = Json.parseObject(Files.readString(tmp.resolve("again/results.json")), "2");
    assertThat(again.get("configSha256")).isEqualTo(first.get("configSha256"));
    List<Map<String, Object>> a = (List<Map<String, Object>>) first.get("images");
    List<Map<String, Object>> b = (List<Map<String, Object>>) again.get("images");
    for (int i = 0; i < a.size(); i++) {
      for (String key : List.of("id", "psnr", "sparseness", "objective", "l0", "iterations")) {
        assertThat(b.get(i).get(key)).as(key).isEqualTo(a.get(i).get(key));
      }
    }
  }
}
