package org.sparsecode.experiments.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.eval.stats.MedianCi;
import org.sparsecode.eval.stats.Medians;
import org.sparsecode.eval.stats.ScenarioComparison;

/**
 * The study-level comparison of the variants (scenarios) of an experiment file, {@code DIR/comparison.json}
 * (medians with their intervals, tests between the scenarios), built from the variants' results
 * ({@code results.json} read by {@link ResultsJson#read(java.nio.file.Path)}). Scripts read it; its contract:
 *
 * <pre>{@code
 * {"experiment": NAME, "seed": SEED, "images": [ids],
 *  "bootstrap": {"resamples": 10000, "level": 0.95},
 *  "scenarios": {VARIANT: {"n": images,
 *                          "psnr": {"median": m, "ci95": [lo, hi]}, "sparseness": {"median": m, "ci95": [lo, hi]},
 *                          "resilience": {CUTOFF: {"psnr": median, "sparseness": median}}}},
 *  "tests": [{"a", "b", "metric", "paired", "n", "na", "nb", "mannWhitneyP", "wilcoxonP", "wilcoxonExact",
 *             "effectSize", "effectSizeKind", "medianDifference", "ci95": [lo, hi], "direction"}]}
 * }</pre>
 *
 * <ul>
 *   <li>{@code images}: every image id in order of first appearance over the variants; a scenario whose ids
 *       differ from this list carries its own {@code "images"}.
 *   <li>Medians and CIs: {@link MedianCi} (percentile bootstrap, 10 000 resamples, seeded by the experiment's
 *       top-level {@code seed}, so that the file is reproducible) over the finite per-image values; an infinite
 *       PSNR (a perfect reconstruction) or a missing value is left out, and {@code "excluded"} then counts
 *       them. With fewer than 2 values {@code ci95} is {@code null}. {@code resilience}: the medians per
 *       cutoff, the cutoff keys exactly as in {@code results.json}; absent when the variant has none.
 *   <li>Tests: every unordered pair of variants in variant order ({@code a} the earlier), for {@code psnr},
 *       {@code sparseness} and, when both carry the resilience curve, {@code psnr@CUTOFF} for each cutoff
 *       (the PSNR after zeroing {@code |x| < CUTOFF}), grouped by metric. {@link ScenarioComparison}: paired
 *       (the Wilcoxon signed-rank test present) when both variants hold the same image ids in the same order,
 *       else unpaired ({@code wilcoxonP} null). {@code n}: the number of pairs when paired, else {@code na +
 *       nb}. {@code effectSize}: the matched-pairs rank-biserial correlation when paired, else the
 *       Mann–Whitney rank-biserial ({@code effectSizeKind} says which); positive when a tends to be larger.
 *       {@code medianDifference} and {@code ci95}: of a − b (paired: median of the per-image differences).
 *       {@code direction}: {@code "a>b"} or {@code "a<b"} when the paired test's p (else Mann–Whitney's) is
 *       below 0.05, by the sign of the median difference (of the effect size when that is 0), else
 *       {@code "none at 5%"}. A pair where either side has fewer than 2 finite values gets no test.
 *   <li>Every NaN or infinite number is written as JSON {@code null}.
 * </ul>
 */
public final class ComparisonJson {
  /** The file name, {@code DIR/comparison.json}. */
  public static final String FILE = "comparison.json";
  /** The per-image curve of the resilience metric in {@code results.json}. */
  public static final String RESILIENCE = "resilience";
  /** The significance level of {@code direction}. */
  public static final double ALPHA = 0.05;
  /** {@code effectSizeKind} of a paired test. */
  public static final String MATCHED_PAIRS = "matched-pairs rank-biserial";
  /** {@code effectSizeKind} of an unpaired test. */
  public static final String MANN_WHITNEY = "Mann-Whitney rank-biserial";
  /** {@code direction} when the test is not significant at {@link #ALPHA}. */
  public static final String NONE = "none at 5%";

  private ComparisonJson() {}

  /**
   * Builds the tree and writes it to {@link #FILE}, atomically.
   *
   * @param root the experiment file's output directory
   * @param experiment the experiment's name
   * @param seed the experiment's top-level seed (seeds every bootstrap)
   * @param results each variant's results, in variant order
   * @return the tree written
   */
  public static Map<String, Object> write(RunDirectory root, String experiment, long seed,
      Map<String, RunResult> results) {
    Map<String, Object> tree = tree(experiment, seed, results);
    root.writeString(FILE, Json.pretty(tree));
    return tree;
  }

  /**
   * Builds the tree (see the class comment).
   *
   * @param experiment the experiment's name
   * @param seed the experiment's top-level seed
   * @param results each variant's results, in variant order
   * @return ordered maps, lists and scalars, non-finite numbers as {@code null}
   */
  public static Map<String, Object> tree(String experiment, long seed, Map<String, RunResult> results) {
    Objects.requireNonNull(results, "results");
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    LinkedHashSet<String> allIds = new LinkedHashSet<>();
    results.forEach((variant, r) -> {
      Scenario s = Scenario.of(r);
      scenarios.put(variant, s);
      allIds.addAll(s.ids);
    });
    List<String> ids = new ArrayList<>(allIds);

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", experiment);
    root.put("seed", seed);
    root.put("images", ids);
    Map<String, Object> bootstrap = new LinkedHashMap<>();
    bootstrap.put("resamples", MedianCi.DEFAULT_RESAMPLES);
    bootstrap.put("level", MedianCi.DEFAULT_LEVEL);
    root.put("bootstrap", bootstrap);
    Map<String, Object> scenarioTree = new LinkedHashMap<>();
    scenarios.forEach((variant, s) -> scenarioTree.put(variant, scenarioTree(s, ids, seed)));
    root.put("scenarios", scenarioTree);
    root.put("tests", tests(scenarios, seed));
    return root;
  }

  /** One variant's per-image values, read from its results.json. */
  private static final class Scenario {
    final List<String> ids = new ArrayList<>();
    final Map<String, double[]> metrics = new LinkedHashMap<>();
    /** Cutoff key to quantity ({@code psnr}, {@code sparseness}) to per-image values; empty without curve. */
    final Map<String, Map<String, double[]>> resilience = new LinkedHashMap<>();

    static Scenario of(RunResult r) {
      Scenario s = new Scenario();
      List<ImageResult> images = r.images();
      int n = images.size();
      double[] psnr = new double[n];
      double[] sparseness = new double[n];
      for (int i = 0; i < n; i++) {
        s.ids.add(images.get(i).id());
        psnr[i] = images.get(i).metric("psnr");
        sparseness[i] = images.get(i).metric("sparseness");
      }
      s.metrics.put("psnr", psnr);
      s.metrics.put("sparseness", sparseness);
      // the cutoffs of the first image that has the curve; an image without a point gets NaN there
      for (int i = 0; i < n && s.resilience.isEmpty(); i++) {
        for (String key : images.get(i).curves().getOrDefault(RESILIENCE, Map.of()).keySet()) {
          Map<String, double[]> point = new LinkedHashMap<>();
          point.put("psnr", new double[n]);
          point.put("sparseness", new double[n]);
          s.resilience.put(key, point);
        }
      }
      s.resilience.forEach((key, point) -> {
        for (int i = 0; i < n; i++) {
          Map<String, Double> values = images.get(i).curves().getOrDefault(RESILIENCE, Map.of())
              .getOrDefault(key, Map.of());
          point.get("psnr")[i] = values.getOrDefault("psnr", Double.NaN);
          point.get("sparseness")[i] = values.getOrDefault("sparseness", Double.NaN);
        }
      });
      return s;
    }

    /** The per-image values of a metric of the tests: psnr, sparseness or psnr@CUTOFF; null when absent. */
    double[] values(String metric) {
      int at = metric.indexOf('@');
      if (at < 0) {
        return metrics.get(metric);
      }
      Map<String, double[]> point = resilience.get(metric.substring(at + 1));
      return point == null ? null : point.get(metric.substring(0, at));
    }
  }

  private static Map<String, Object> scenarioTree(Scenario s, List<String> ids, long seed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", s.ids.size());
    if (!s.ids.equals(ids)) {
      m.put("images", s.ids);
    }
    for (String metric : List.of("psnr", "sparseness")) {
      m.put(metric, medianTree(s.metrics.get(metric), seed));
    }
    if (!s.resilience.isEmpty()) {
      Map<String, Object> curve = new LinkedHashMap<>();
      s.resilience.forEach((key, point) -> {
        Map<String, Object> p = new LinkedHashMap<>();
        point.forEach((quantity, values) -> p.put(quantity, finiteOrNull(Medians.ofFinite(values))));
        curve.put(key, p);
      });
      m.put(RESILIENCE, curve);
    }
    return m;
  }

  /** {@code {"median", "ci95"}} of the finite values, plus {@code "excluded"} when some were not finite. */
  private static Map<String, Object> medianTree(double[] values, long seed) {
    double[] f = finite(values);
    Map<String, Object> m = new LinkedHashMap<>();
    if (f.length >= 2) {
      MedianCi ci = MedianCi.of(f, seed);
      m.put("median", finiteOrNull(ci.median()));
      m.put("ci95", pair(ci.lo(), ci.hi()));
    } else {
      m.put("median", finiteOrNull(Medians.of(f)));
      m.put("ci95", null);
    }
    if (f.length < values.length) {
      m.put("excluded", values.length - f.length);
    }
    return m;
  }

  private static List<Object> tests(Map<String, Scenario> scenarios, long seed) {
    List<String> names = new ArrayList<>(scenarios.keySet());
    List<String> metrics = new ArrayList<>(List.of("psnr", "sparseness"));
    // psnr@CUTOFF for the cutoffs of the first variant with the curve (the others are tested where they have it)
    scenarios.values().stream().filter(s -> !s.resilience.isEmpty()).findFirst()
        .ifPresent(s -> s.resilience.keySet().forEach(key -> metrics.add("psnr@" + key)));
    List<Object> tests = new ArrayList<>();
    for (String metric : metrics) {
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          Scenario a = scenarios.get(names.get(i));
          Scenario b = scenarios.get(names.get(j));
          Map<String, Object> t = test(names.get(i), a, names.get(j), b, metric, seed);
          if (t != null) {
            tests.add(t);
          }
        }
      }
    }
    return tests;
  }

  /** One test, or null when either side lacks the metric or has fewer than 2 finite values. */
  private static Map<String, Object> test(String nameA, Scenario a, String nameB, Scenario b, String metric,
      long seed) {
    double[] va = a.values(metric);
    double[] vb = b.values(metric);
    if (va == null || vb == null) {
      return null;
    }
    boolean paired = a.ids.equals(b.ids);
    if (paired) {
      // a pair with a non-finite side (an infinite PSNR) cannot be ranked by its difference: drop the pair
      int n = 0;
      for (int i = 0; i < va.length; i++) {
        if (Double.isFinite(va[i]) && Double.isFinite(vb[i])) {
          n++;
        }
      }
      double[] pa = new double[n];
      double[] pb = new double[n];
      n = 0;
      for (int i = 0; i < va.length; i++) {
        if (Double.isFinite(va[i]) && Double.isFinite(vb[i])) {
          pa[n] = va[i];
          pb[n++] = vb[i];
        }
      }
      va = pa;
      vb = pb;
    } else {
      va = finite(va);
      vb = finite(vb);
    }
    if (va.length < 2 || vb.length < 2) {
      return null;
    }
    ScenarioComparison c = paired ? ScenarioComparison.paired(va, vb, seed)
        : ScenarioComparison.unpaired(va, vb, seed);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("a", nameA);
    t.put("b", nameB);
    t.put("metric", metric);
    t.put("paired", paired);
    t.put("n", paired ? c.na() : c.na() + c.nb());
    t.put("na", c.na());
    t.put("nb", c.nb());
    t.put("mannWhitneyP", finiteOrNull(c.mannWhitneyP()));
    t.put("wilcoxonP", paired ? finiteOrNull(c.wilcoxonP()) : null);
    t.put("wilcoxonExact", paired ? c.wilcoxonExact() : null);
    t.put("effectSize", finiteOrNull(c.effectSize()));
    t.put("effectSizeKind", paired ? MATCHED_PAIRS : MANN_WHITNEY);
    t.put("medianDifference", finiteOrNull(c.medianDifference()));
    t.put("ci95", pair(c.lo(), c.hi()));
    t.put("direction", direction(paired ? c.wilcoxonP() : c.mannWhitneyP(), c.medianDifference(),
        c.effectSize()));
    return t;
  }

  /**
   * The direction of a test's result.
   *
   * @param p the test's two-sided p value
   * @param medianDifference the median difference a − b
   * @param effectSize the effect size, positive when a tends to be larger
   * @return {@code "a>b"}, {@code "a<b"} or {@link #NONE}
   */
  static String direction(double p, double medianDifference, double effectSize) {
    if (!(p < ALPHA)) {
      return NONE;
    }
    double sign = medianDifference != 0 && Double.isFinite(medianDifference) ? Math.signum(medianDifference)
        : Math.signum(effectSize);
    return sign > 0 ? "a>b" : sign < 0 ? "a<b" : NONE;
  }

  /** The finite values, in order. */
  private static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }

  /** {@code [lo, hi]}, each null when not finite (List.of refuses nulls). */
  private static List<Object> pair(double lo, double hi) {
    List<Object> ci = new ArrayList<>(2);
    ci.add(finiteOrNull(lo));
    ci.add(finiteOrNull(hi));
    return ci;
  }

  /** A number for the tree: {@code null} when NaN or infinite. */
  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
