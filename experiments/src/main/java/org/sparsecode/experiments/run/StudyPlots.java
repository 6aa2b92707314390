package org.sparsecode.experiments.run;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.eval.plot.DistributionPlot;
import org.sparsecode.eval.plot.ResilienceChart;
import org.sparsecode.eval.stats.Medians;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;

/**
 * The plots of a study's scenarios: {@value #PSNR_DISTRIBUTION} and {@value
 * #SPARSENESS_DISTRIBUTION} (one box plot per variant, every image a point) and, when the variants carry the
 * {@code resilience} curve, {@value #RESILIENCE} (median PSNR and sparseness against the cutoff, one line per
 * variant) in a variants file's directory; and {@value #RESILIENCE} in each run's directory (the median over
 * the run's images, each image's curve faint behind it).
 *
 * <p>As in {@link RunPlots}, a plot that cannot be drawn is a warning through the progress reporter, never a
 * failed run.
 */
final class StudyPlots {
  /** The PSNR of each image per variant, box plots (PNG). */
  static final String PSNR_DISTRIBUTION = "psnr-distribution.png";
  /** The sparseness of each image per variant, box plots (PNG). */
  static final String SPARSENESS_DISTRIBUTION = "sparseness-distribution.png";
  /** Resilience curves: PSNR and sparseness after zeroing small coefficients, against the cutoff (PNG). */
  static final String RESILIENCE = "resilience.png";
  /** The curve metric's name in results.json. */
  private static final String CURVE = "resilience";

  private StudyPlots() {}

  /**
   * The Markdown caption of one of the comparison plots drawn here.
   *
   * @param file the file name
   * @return the caption, or {@code null} for a file not drawn here
   */
  static String caption(String file) {
    return switch (file) {
      case PSNR_DISTRIBUTION -> "PSNR per variant: box plot, every image a point";
      case SPARSENESS_DISTRIBUTION -> "sparseness per variant: box plot, every image a point";
      case RESILIENCE -> "median PSNR and sparseness after zeroing small coefficients, one line per variant";
      default -> null;
    };
  }

  /**
   * The Markdown links to a variant's own plots drawn here (its resilience curves), for {@code comparison.md}.
   *
   * @param dir the variant's directory
   * @param variant the variant's name (its directory's name)
   * @return the links, possibly none
   */
  static List<String> variantLinks(RunDirectory dir, String variant) {
    return Files.isRegularFile(dir.file(RESILIENCE)) ? List.of("[resilience](" + variant + "/" + RESILIENCE + ")")
        : List.of();
  }

  /**
   * Draws the comparison plots of the variants from their results.
   *
   * @param root the variants file's directory
   * @param title the experiment's name
   * @param results each variant's results, in variant order
   * @param progress for warnings
   * @return the names of the files written
   */
  static List<String> comparison(RunDirectory root, String title, Map<String, RunResult> results,
      ProgressReporter progress) {
    List<DistributionPlot.Group> psnr = new ArrayList<>();
    List<DistributionPlot.Group> sparseness = new ArrayList<>();
    List<ResilienceChart.Curve> medians = new ArrayList<>();
    String axis = null;
    for (Map.Entry<String, RunResult> e : results.entrySet()) {
      List<ImageResult> images = e.getValue().images();
      psnr.add(new DistributionPlot.Group(e.getKey(), values(images, "psnr")));
      sparseness.add(new DistributionPlot.Group(e.getKey(), values(images, "sparseness")));
      List<ResilienceChart.Curve> curves = curves(images);
      if (!curves.isEmpty()) {
        medians.add(median(e.getKey(), curves));
        if (axis == null) {
          axis = axis(configForm(root.child(e.getKey())));
        }
      }
    }
    List<String> written = new ArrayList<>();
    if (RunPlots.draw(PSNR_DISTRIBUTION, progress, () -> DistributionPlot.write(root.file(PSNR_DISTRIBUTION),
        title + ": PSNR per image", "PSNR (dB)", psnr, false))) {
      written.add(PSNR_DISTRIBUTION);
    }
    if (RunPlots.draw(SPARSENESS_DISTRIBUTION, progress, () -> DistributionPlot.write(
        root.file(SPARSENESS_DISTRIBUTION), title + ": sparseness per image",
        "sparseness (fraction of zero coefficients)", sparseness, true))) {
      written.add(SPARSENESS_DISTRIBUTION);
    }
    String xTitle = axis;
    if (medians.isEmpty()) {
      deleteStale(root, progress);
    } else if (RunPlots.draw(RESILIENCE, progress, () -> ResilienceChart.write(root.file(RESILIENCE),
        title + " (median over images)", xTitle, medians, List.of()))) {
      written.add(RESILIENCE);
    }
    return written;
  }

  /**
   * Draws a run's resilience curves into its directory: the median over its images, each image's curve
   * faint behind it; nothing (and a stale file from an earlier run removed) when the run has no curve.
   *
   * @param out the run's directory
   * @param resolved the run's resolved configuration (its {@code metrics:} say which form of cutoff)
   * @param done the finished run
   * @param progress for warnings
   */
  static void run(RunDirectory out, Map<String, Object> resolved, RunResult done, ProgressReporter progress) {
    List<ResilienceChart.Curve> curves = curves(done.images());
    if (curves.isEmpty()) {
      deleteStale(out, progress);
      return;
    }
    String title = done.variant() == null ? done.experiment() : done.experiment() + " / " + done.variant();
    ResilienceChart.Curve median = median("median over " + curves.size() + " images", curves);
    RunPlots.draw(RESILIENCE, progress, () -> ResilienceChart.write(out.file(RESILIENCE), title,
        axis(form(resolved)), List.of(median), curves));
  }

  private static double[] values(List<ImageResult> images, String key) {
    return images.stream().mapToDouble(m -> m.metric(key)).toArray();
  }

  /**
   * Each image's resilience curve over the cutoffs of the first image that has one (keys that are not
   * numbers are skipped); empty when no image has the curve.
   */
  private static List<ResilienceChart.Curve> curves(List<ImageResult> images) {
    Map<String, Double> cutoffs = new LinkedHashMap<>();
    for (ImageResult m : images) {
      Map<String, Map<String, Double>> curve = m.curves().getOrDefault(CURVE, Map.of());
      if (!curve.isEmpty()) {
        for (String key : curve.keySet()) {
          double c = Json.number(key);
          if (Double.isFinite(c)) {
            cutoffs.put(key, c);
          }
        }
        break;
      }
    }
    List<ResilienceChart.Curve> out = new ArrayList<>();
    if (cutoffs.isEmpty()) {
      return out;
    }
    double[] x = cutoffs.values().stream().mapToDouble(Double::doubleValue).toArray();
    for (ImageResult m : images) {
      Map<String, Map<String, Double>> curve = m.curves().getOrDefault(CURVE, Map.of());
      double[] psnr = new double[x.length];
      double[] sparseness = new double[x.length];
      int i = 0;
      for (String key : cutoffs.keySet()) {
        Map<String, Double> point = curve.getOrDefault(key, Map.of());
        psnr[i] = point.getOrDefault("psnr", Double.NaN);
        sparseness[i++] = point.getOrDefault("sparseness", Double.NaN);
      }
      out.add(new ResilienceChart.Curve(m.id(), x, psnr, sparseness));
    }
    return out;
  }

  /** The pointwise median (of the finite values) of curves over the same cutoffs. */
  private static ResilienceChart.Curve median(String name, List<ResilienceChart.Curve> curves) {
    double[] x = curves.get(0).cutoffs();
    double[] psnr = new double[x.length];
    double[] sparseness = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      final int at = i;
      psnr[i] = Medians.ofFinite(curves.stream().mapToDouble(c -> c.psnr()[at]).toArray());
      sparseness[i] = Medians.ofFinite(curves.stream().mapToDouble(c -> c.sparseness()[at]).toArray());
    }
    return new ResilienceChart.Curve(name, x, psnr, sparseness);
  }

  /** The x axis title of a resilience form. */
  private static String axis(String form) {
    return "ceil".equals(form) ? ResilienceChart.CEIL_AXIS : ResilienceChart.ABSOLUTE_AXIS;
  }

  /** The {@code form} of the first {@code resilience} entry of a resolved configuration's metrics, or null. */
  static String form(Map<?, ?> resolved) {
    if (resolved != null && resolved.get("metrics") instanceof List<?> metrics) {
      for (Object m : metrics) {
        if (m instanceof Map<?, ?> map && CURVE.equals(map.get("type"))) {
          return map.get("form") == null ? null : String.valueOf(map.get("form"));
        }
      }
    }
    return null;
  }

  /** The resilience form in a run directory's {@code config.yaml}; null when it cannot be read. */
  private static String configForm(RunDirectory dir) {
    Path file = dir.file(RunDirectory.CONFIG);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return form(new YAMLMapper().readValue(file.toFile(), Map.class));
    } catch (IOException | RuntimeException e) {
      // an unreadable configuration only costs the axis title its ceil wording
      return null;
    }
  }

  /** Removes a resilience plot left by an earlier run into the same directory. */
  private static void deleteStale(RunDirectory dir, ProgressReporter progress) {
    try {
      Files.deleteIfExists(dir.file(RESILIENCE));
    } catch (IOException e) {
      progress.info("warning: could not remove the stale " + dir.file(RESILIENCE) + ": " + e);
    }
  }
}
