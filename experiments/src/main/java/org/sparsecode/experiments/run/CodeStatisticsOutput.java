package org.sparsecode.experiments.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.eval.coefficients.CoefficientHistogram;
import org.sparsecode.eval.coefficients.CoefficientPool;
import org.sparsecode.eval.coefficients.ExponentialFit;
import org.sparsecode.eval.coefficients.OrientationActivity;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;
import org.sparsecode.eval.coefficients.VonMisesFit;
import org.sparsecode.eval.coefficients.metric.OrientationActivityMetric;
import org.sparsecode.eval.plot.CoefficientHistogramChart;
import org.sparsecode.eval.plot.EnergyChart;
import org.sparsecode.eval.plot.OrientationPolar;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.Summary;

/** Writes the files of {@link CodeStatistics} from its pool: the two CSVs, the JSON and the three plots. */
final class CodeStatisticsOutput {
  private CodeStatisticsOutput() {}

  /** The pooled numbers, computed once from the sums. */
  record Pooled(double[] centres, double[] probabilities, double[] meanImageProbabilities, ExponentialFit fit,
      List<OrientationActivity.Group> raw, List<OrientationPolar.Panel> groups) {}

  /**
   * The pooled histogram, its fit and the pooled groups as plot panels.
   *
   * @param stats the accumulator
   * @return the numbers the files hold
   */
  static Pooled pooled(CodeStatistics stats) {
    CoefficientPool pool = stats.pool();
    List<OrientationPolar.Panel> panels = new ArrayList<>();
    List<OrientationActivity.Group> groups = pool.groups();
    double[] energy = pool.energyFractions();
    for (int g = 0; g < groups.size(); g++) {
      OrientationActivity.Group group = groups.get(g);
      double sum = 0;
      for (double v : group.activity()) {
        sum += v;
      }
      String detail = stats.measure() == Measure.COUNT ? String.format(Locale.ROOT, "%.0f non-zero coefficients",
          sum) : String.format(Locale.ROOT, "Σ|x| = %.4g", sum);
      panels.add(new OrientationPolar.Panel(group.bTheta(), group.thetas(), group.normalised(),
          OrientationActivityMetric.fit(group), energy[g], detail));
    }
    CoefficientHistogram h = pool.histogram();
    return new Pooled(h.centres(), h.probabilities(), pool.meanImageProbabilities(), h.fit(), groups, panels);
  }

  /**
   * Writes every file of the statistics into the run directory.
   *
   * @param stats the accumulator
   * @param images the number of images of the run
   */
  static void write(CodeStatistics stats, int images) {
    Pooled pooled = pooled(stats);
    RunDirectory out = stats.out();
    CoefficientPool pool = stats.pool();
    CoefficientHistogram h = pool.histogram();
    long total = h.total();
    int n = pool.size();
    out.writeString(CodeStatistics.HISTOGRAM_CSV, histogramCsv(pooled, h.counts()));
    if (pool.orientation()) {
      out.writeString(CodeStatistics.ORIENTATION_CSV, orientationCsv(pooled));
    }
    out.writeString(CodeStatistics.JSON, Json.pretty(json(stats, pooled, images, total)));
    String what = total + " coefficients of " + n + " image" + (n == 1 ? "" : "s");
    draw(CodeStatistics.HISTOGRAM_PNG, stats, () -> CoefficientHistogramChart.write(
        out.file(CodeStatistics.HISTOGRAM_PNG), stats.title() + ": coefficient histogram (65 bins on [0.01, 1])",
        pooled.centres(), pooled.probabilities(), pooled.fit(), "pooled histogram (" + what + ")"));
    if (pool.orientation()) {
      String measure = stats.measure() == Measure.COUNT ? "non-zero coefficients" : "Σ|x|";
      draw(CodeStatistics.ORIENTATION_PNG, stats, () -> OrientationPolar.write(
          out.file(CodeStatistics.ORIENTATION_PNG), stats.title() + ": activity (" + measure + ") over θ per B_θ, "
              + n + " image" + (n == 1 ? "" : "s"), pooled.groups()));
      double[] b = pool.bThetas();
      double[] f = pooled.groups().stream().mapToDouble(OrientationPolar.Panel::energy).toArray();
      draw(CodeStatistics.ENERGY_PNG, stats, () -> EnergyChart.write(out.file(CodeStatistics.ENERGY_PNG),
          stats.title() + ": coefficient energy per B_θ", b, f));
    }
  }

  private static String histogramCsv(Pooled pooled, long[] counts) {
    double[] edges = CoefficientHistogram.edges();
    StringBuilder sb = new StringBuilder(
        "bin_low,bin_high,centre,count,pooled_probability,mean_image_probability,fit\n");
    for (int i = 0; i < pooled.centres().length; i++) {
      double c = pooled.centres()[i];
      sb.append(edges[i]).append(',').append(edges[i + 1]).append(',').append(c).append(',').append(counts[i])
          .append(',').append(pooled.probabilities()[i]).append(',').append(pooled.meanImageProbabilities()[i])
          .append(',').append(pooled.fit().value(c)).append('\n');
    }
    return sb.toString();
  }

  private static String orientationCsv(Pooled pooled) {
    StringBuilder sb = new StringBuilder("b_theta,b_theta_degrees,theta,theta_degrees,activity,share,fit\n");
    for (int g = 0; g < pooled.groups().size(); g++) {
      OrientationPolar.Panel panel = pooled.groups().get(g);
      double[] raw = pooled.raw().get(g).activity();
      for (int i = 0; i < raw.length; i++) {
        double t = panel.thetas()[i];
        sb.append(panel.bTheta()).append(',').append(Math.toDegrees(panel.bTheta())).append(',').append(t)
            .append(',').append(Math.toDegrees(t)).append(',').append(raw[i]).append(',')
            .append(panel.activity()[i]).append(',').append(panel.fit().value(t)).append('\n');
      }
    }
    return sb.toString();
  }

  private static Map<String, Object> json(CodeStatistics stats, Pooled pooled, int images, long total) {
    CoefficientPool pool = stats.pool();
    int n = pool.size();
    int first = stats.firstPooled();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("images", images);
    root.put("pooledImages", n);
    root.put("firstPooledImage", first + 1);
    if (n < images) {
      root.put("note", "only images " + (first + 1) + ".." + (first + n) + " of " + images
          + " are pooled: the sums of the earlier images of a resumed run were not found");
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("bins", CoefficientHistogram.BINS);
    h.put("low", CoefficientHistogram.LOW);
    h.put("high", CoefficientHistogram.HIGH);
    h.put("values", "signed x binned on [0.01, 1], so only x > 0 counts (the paper's np.histogram); "
        + "probabilities = counts / their sum");
    h.put("counted", total);
    h.put("belowRange", pool.histogram().belowRange());
    h.put("aboveRange", pool.histogram().aboveRange());
    ExponentialFit f = pooled.fit();
    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("a", f.a());
    fit.put("b", f.b());
    fit.put("r2", f.rSquared());
    fit.put("method", f.method());
    h.put("pooledFit", fit);
    Map<String, Object> per = new LinkedHashMap<>();
    String[] names = {"a", "b", "r2"};
    for (int q = 0; q < 3; q++) {
      double[] v = finite(pool.imageFits(), q);
      per.put(names[q], ResultsJson.summary(Summary.of(v)));
    }
    per.put("fitted", finite(pool.imageFits(), 1).length);
    h.put("perImage", per);
    root.put("histogram", h);
    Map<String, Object> o = new LinkedHashMap<>();
    if (!pool.orientation()) {
      o.put("skipped", "the dictionary's kernels carry no θ and B_θ");
    } else {
      o.put("measure", stats.measure() == Measure.COUNT ? "count" : "abs");
      o.put("angles", "radians; μ in [0, π); shares of each group's activity sum to 1");
      List<Object> groups = new ArrayList<>();
      for (OrientationPolar.Panel p : pooled.groups()) {
        VonMisesFit v = p.fit();
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("bTheta", p.bTheta());
        g.put("bThetaDegrees", Math.toDegrees(p.bTheta()));
        g.put("mu1", v.mu1());
        g.put("kappa1", v.kappa1());
        g.put("mu2", v.mu2());
        g.put("kappa2", v.kappa2());
        g.put("r2", v.rSquared());
        g.put("energy", p.energy());
        groups.add(g);
      }
      o.put("groups", groups);
    }
    root.put("orientation", o);
    return root;
  }

  /** The finite values of one quantity (0: a, 1: b, 2: R²) of the per-image fits. */
  private static double[] finite(List<CoefficientPool.ImageFit> fits, int q) {
    return fits.stream().mapToDouble(f -> q == 0 ? f.a() : q == 1 ? f.b() : f.rSquared()).filter(Double::isFinite)
        .toArray();
  }

  /** Runs a drawing; on failure warns and goes on ({@link RunPlots#draw}). */
  private static void draw(String name, CodeStatistics stats, Runnable drawing) {
    RunPlots.draw(name, stats.progress(), drawing);
  }
}
