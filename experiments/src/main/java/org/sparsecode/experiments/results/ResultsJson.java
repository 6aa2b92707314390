package org.sparsecode.experiments.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code results.json} tree of a {@link RunResult}, keys in a fixed order (scripts read it). Non-finite
 * numbers are written as strings (see {@link Json}).
 */
public final class ResultsJson {
  private ResultsJson() {}

  /**
   * Builds the tree.
   *
   * @param r the result
   * @return ordered maps, lists and scalars
   */
  public static Map<String, Object> toTree(RunResult r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", r.experiment());
    if (r.variant() != null) {
      root.put("variant", r.variant());
    }
    root.put("seed", r.seed());
    root.put("configSha256", r.configSha256());
    root.put("provenance", provenance(r.provenance()));
    root.put("dictionary", r.dictionary());
    root.put("solver", r.solver());
    List<Object> images = new ArrayList<>();
    for (ImageResult image : r.images()) {
      images.add(image(image));
    }
    root.put("images", images);
    if (r.learning() != null) {
      root.put("learning", r.learning());
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    r.summary().forEach((name, s) -> summary.put(name, summary(s)));
    root.put("summary", summary);
    if (!r.stages().isEmpty()) {
      root.put("stages", r.stages());
    }
    root.put("status", r.status());
    return root;
  }

  private static Map<String, Object> provenance(Provenance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", p.version());
    m.put("gitCommit", p.gitCommit());
    m.put("java", p.java());
    m.put("os", p.os());
    m.put("arch", p.arch());
    m.put("threads", p.threads());
    m.put("startedAt", p.startedAt());
    m.put("finishedAt", p.finishedAt());
    m.put("precision", p.precision());
    if (p.imagesSha256() != null) {
      m.put("imagesSha256", p.imagesSha256());
    }
    return m;
  }

  private static Map<String, Object> image(ImageResult image) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", image.id());
    for (String key : List.of("psnr", "sparseness", "objective")) {
      m.put(key, image.metric(key));
    }
    m.put("iterations", image.iterations());
    m.put("seconds", image.seconds());
    image.metrics().forEach(m::putIfAbsent);
    image.curves().forEach(m::putIfAbsent);
    return m;
  }

  /**
   * The JSON object of one summary.
   *
   * @param s the statistics
   * @return {@code {mean, sd, median, min, max}}
   */
  public static Map<String, Object> summary(Summary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", s.mean());
    m.put("sd", s.sd());
    m.put("median", s.median());
    m.put("min", s.min());
    m.put("max", s.max());
    return m;
  }
}
