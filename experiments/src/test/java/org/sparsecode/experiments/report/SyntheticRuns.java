package org.sparsecode.experiments.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.sparsecode.experiments.results.Json;

/** Run directories written by hand: a results.json, a config.yaml and a tiny PNG, as a run leaves them. */
final class SyntheticRuns {
  private SyntheticRuns() {}

  /** A 3×2 PNG whose bytes depend on {@code shade}, so that two plots differ. */
  static byte[] png(int shade) {
    BufferedImage im = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    im.getRaster().setSample(1, 1, 0, shade);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(im, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One image's entry of results.json, with a two-point resilience curve. */
  static Map<String, Object> image(String id, double psnr, double sparseness) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("psnr", psnr);
    m.put("sparseness", sparseness);
    m.put("objective", 12.345);
    m.put("iterations", 100);
    m.put("seconds", 1.5);
    m.put("resilience", Map.of("0.001", Map.of("psnr", psnr - 0.01, "sparseness", sparseness),
        "0.5", Map.of("psnr", psnr - 10, "sparseness", 0.999)));
    return m;
  }

  /** A complete results.json for two images. */
  static Map<String, Object> results(String variant, double psnr) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("experiment", "demo");
    if (variant != null) {
      r.put("variant", variant);
    }
    r.put("seed", 42);
    r.put("configSha256", "abc123");
    r.put("provenance", new LinkedHashMap<>(Map.of("version", "9.9.9", "gitCommit", "deadbeef", "java", "17.0.1",
        "threads", 2, "startedAt", "2026-01-01T00:00:00Z", "finishedAt", "2026-01-01T00:01:00Z",
        "precision", "float32", "imagesSha256", "feedface")));
    r.put("dictionary", Map.of("type", "log-gabor", "kernels", 144, "size", 12));
    r.put("solver", Map.of("type", "cbpdn-admm", "lambda", 0.01));
    r.put("images", List.of(image("camera", psnr, 0.9876), image("coffee", psnr + 1, 0.99)));
    r.put("learning", Map.of("type", "online-cdl", "objective", List.of(10.0, 8.0, 7.5),
        "refit", Map.of("medianR2", 0.9, "minR2", 0.5, "atomsWithR2AtLeastMinR2", 140)));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("psnr", Map.of("mean", psnr + 0.5, "sd", 0.7071, "median", psnr + 0.5, "min", psnr, "max", psnr + 1));
    summary.put("sparseness", Map.of("mean", 0.9888, "sd", 0.001, "median", 0.9888, "min", 0.9876, "max", 0.99));
    summary.put("resilience_0.001_psnr", Map.of("mean", psnr, "sd", 0.7, "median", psnr, "min", psnr, "max", psnr));
    summary.put("seconds", Map.of("mean", 1.5, "sd", 0.0, "median", 1.5, "min", 1.5, "max", 1.5));
    r.put("summary", summary);
    r.put("status", "complete");
    return r;
  }

  /** Writes a run directory: results.json, config.yaml (with the given images block) and dictionary.png. */
  static void write(Path dir, String variant, double psnr, String imagesYaml) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.json"), Json.pretty(results(variant, psnr)));
    Files.writeString(dir.resolve("config.yaml"), "# resolved <config> of demo & \"friends\"\nname: demo\n"
        + imagesYaml + "solver: {type: cbpdn-admm, lambda: 0.01}\n");
    Files.write(dir.resolve("dictionary.png"), png(7));
  }
}
