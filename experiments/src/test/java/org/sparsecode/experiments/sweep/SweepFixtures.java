package org.sparsecode.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;

/**
 * Sweeps loaded from small YAML files with the engine's test plugins, and made-up outcomes for their cells:
 * the k-th cell's three images have PSNR 20 + k, 30 + k and 31 + k (median 30 + k, mean 27 + k), sparseness
 * 0.9, 0.95 and 0.96 plus k / 10⁴, and a resilience curve whose PSNR at the cutoff 0.1 has median 12 + k, so
 * that a value taken from the wrong cell, the wrong statistic or the wrong metric reads differently.
 */
final class SweepFixtures {
  static final ConfigLoader LOADER = new ConfigLoader(PluginRegistry.load());
  static final String TOY = """
      name: toy
      seed: 3
      images: {type: engine-test-images, count: 2, size: 8}
      dictionary: {type: engine-test-kernels}
      solver: {type: engine-test-solver, lambda: 0.1}
      metrics: [psnr, sparseness]
      """;
  static final String ERROR = "solver diverged at iteration 3; lower solver.lambda";

  private SweepFixtures() {}

  /** Loads {@link #TOY} followed by {@code rest} (a {@code sweep:} block, variants). */
  static ExperimentPlan plan(Path dir, String rest) throws IOException {
    Path file = Files.writeString(dir.resolve("toy.yaml"), TOY + rest);
    return LOADER.load(file, List.of());
  }

  /** The median PSNR of the k-th cell's images. */
  static double psnrMedian(int k) {
    return 30 + k;
  }

  /** The mean PSNR of the k-th cell's images. */
  static double psnrMean(int k) {
    return 27 + k;
  }

  /** The median resilience PSNR at the cutoff 0.1 of the k-th cell's images. */
  static double resilienceMedian(int k) {
    return 12 + k;
  }

  /** The k-th cell's wall time. */
  static double seconds(int k) {
    return 1.5 + k;
  }

  /** A result for the k-th cell. */
  static RunResult result(SweepCell cell, int k) {
    double[] psnr = {20 + k, 30 + k, 31 + k};
    double[] sparseness = {0.9 + k / 1e4, 0.95 + k / 1e4, 0.96 + k / 1e4};
    double[] resilience = {10 + k, 12 + k, 13 + k};
    List<ImageResult> images = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("psnr", psnr[i]);
      metrics.put("sparseness", sparseness[i]);
      metrics.put("objective", 100.0 - k);
      Map<String, Map<String, Map<String, Double>>> curves = Map.of("resilience",
          Map.of("0.1", orderedPoint(resilience[i], 0.99)));
      images.add(new ImageResult("image" + i, metrics, curves, 10 + i, 0.5));
    }
    return new RunResult("toy", cell.variant(), cell.seed() == null ? 3 : cell.seed(), cell.hash(),
        new Provenance("1", "c", "17", "Linux", "amd64", 1, "t0", "t1", "float64", "sha"), Map.of(), Map.of(),
        null, images, summary(images), RunResult.COMPLETE, Map.of(), Map.of("name", cell.name()));
  }

  private static Map<String, Double> orderedPoint(double psnr, double sparseness) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("psnr", psnr);
    m.put("sparseness", sparseness);
    return m;
  }

  /** The summary a run writes: each metric column, then iterations and seconds. */
  static Map<String, Summary> summary(List<ImageResult> images) {
    Map<String, Summary> s = new LinkedHashMap<>();
    for (String c : MetricsCsv.metricColumns(images)) {
      s.put(c, Summary.of(images.stream().mapToDouble(m -> m.metric(c)).toArray()));
    }
    s.put("iterations", Summary.of(images.stream().mapToDouble(ImageResult::iterations).toArray()));
    s.put("seconds", Summary.of(images.stream().mapToDouble(ImageResult::seconds).toArray()));
    return s;
  }

  /** Outcomes for every cell of the plan's sweep: complete, but those at the given positions, which failed. */
  static List<CellOutcome> outcomes(Path root, ExperimentPlan plan, Set<Integer> failed) {
    List<SweepCell> cells = plan.sweep().orElseThrow().cells();
    List<CellOutcome> out = new ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      SweepCell cell = cells.get(k);
      Path dir = root.resolve("cells").resolve(cell.hash());
      out.add(failed.contains(k) ? new CellOutcome(cell, CellOutcome.FAILED, 0.25, null, ERROR, dir, false)
          : new CellOutcome(cell, CellOutcome.COMPLETE, seconds(k), result(cell, k), null, dir, k == 0));
    }
    return out;
  }

  /** Parses CSV text (RFC 4180 quoting) into rows of fields. */
  static List<List<String>> parseCsv(String text) {
    return org.sparsecode.experiments.results.MetricsCsv.parse(text);
  }

  /** The rows of a CSV as maps from the header's names to the fields. */
  static List<Map<String, String>> records(String text) {
    List<List<String>> rows = parseCsv(text);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < r.size(); c++) {
        m.put(rows.get(0).get(c), r.get(c));
      }
      out.add(m);
    }
    return out;
  }
}
