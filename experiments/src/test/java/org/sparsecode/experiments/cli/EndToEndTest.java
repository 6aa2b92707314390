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
import org.sparsecode.core.io.Npy;
import org.sparsecode.experiments.results.Json;

/** The real plugins (embedded images, log-Gabor kernels, CBPDN ADMM) through the command line, tiny. */
class EndToEndTest {
  private static final String TINY = """
      name: tiny
      images: {type: embedded, size: 32, names: [camera, coffee]}
      dictionary: {type: log-gabor, preset: thin}
      solver: {type: cbpdn-admm, lambda: 1.0e-2, maxIterations: 5}
      metrics: [psnr, sparseness, l0, objective]
      """;

  @TempDir
  Path tmp;

  @Test
  @SuppressWarnings("unchecked")
  void aTinyRealExperimentWritesCompleteResults() throws IOException {
    Path file = Files.writeString(tmp.resolve("tiny.yaml"), TINY);
    Path dir = tmp.resolve("out");
    StringWriter err = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"run", file.toString(), "-o", dir.toString(), "--threads", "2"},
        new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertThat(status).as(err.toString()).isZero();
    Map<String, Object> r = Json.parseObject(Files.readString(dir.resolve("results.json")), "results.json");
    assertThat(r.get("status")).isEqualTo("complete");
    assertThat((Map<String, Object>) r.get("dictionary")).containsEntry("kernels", 144).containsEntry("size", 12);
    List<Map<String, Object>> images = (List<Map<String, Object>>) r.get("images");
    assertThat(images).extracting(m -> m.get("id")).containsExactly("camera", "coffee");
    for (Map<String, Object> image : images) {
      assertThat((Integer) image.get("iterations")).isBetween(1, 5);
      assertThat(Json.number(image.get("psnr"))).isGreaterThan(0).isFinite();
      assertThat(Json.number(image.get("sparseness"))).isBetween(0.0, 1.0);
      assertThat(Json.number(image.get("objective"))).isPositive();
    }
    assertThat(Npy.read(dir.resolve("dictionary.npy")).shape()).containsExactly(12, 12, 144);
  }

  @Test
  void theQuickstartFileIsValid() {
    StringWriter out = new StringWriter();
    int status = SparsecodeCli.execute(new String[] {"validate", "quickstart.yaml"}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertThat(status).isZero();
    assertThat(out.toString()).contains("thin: 9 images").contains("full: 9 images").contains("cbpdn-admm");
  }
}
