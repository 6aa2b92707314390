package org.sparsecode.experiments.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparsecode.eval.stats.Medians;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The page of a file with variants, {@code DIR/report.html}: the scenarios (medians with their bootstrap
 * confidence intervals from {@code comparison.json}, means from each variant's {@code results.json}), the
 * statistical tests between scenarios, the resilience table, the comparison plots, one section per variant
 * (its key numbers, its plots, a link to its own report) and one per part (a sub-plan run into {@code
 * DIR/<part>/}: its tables, its plots and its variants' coefficient and orientation plots). Built from the
 * files on disk only; {@code comparison.json} is optional (without it, the medians come from the variants'
 * summaries and there are no tests).
 */
public final class PlanReport {
  /** The comparison between scenarios written by the statistics stage (optional). */
  public static final String COMPARISON_JSON = "comparison.json";

  private PlanReport() {}

  /**
   * Writes {@code DIR/report.html} atomically; never throws: a failure is a warning through the reporter.
   *
   * @param root the plan's directory
   * @param title the experiment's name
   * @param variants the variants, in the file's order (each in {@code DIR/<variant>/})
   * @param parts the parts' directory names (each a sub-plan in {@code DIR/<part>/}), possibly empty
   * @param baseDirectory the directory a relative {@code images.path} resolves against (the YAML file's), or
   *     {@code null} for the working directory
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory root, String title, List<String> variants, List<String> parts,
      Path baseDirectory, ProgressReporter progress) {
    try {
      root.writeString(RunReport.FILE, render(root, title, variants, parts, baseDirectory));
    } catch (RuntimeException | LinkageError e) {
      progress.info("warning: could not write " + root.file(RunReport.FILE) + " (the run goes on without it): " + e);
    }
  }

  /**
   * Writes {@code DIR/report.html}, resolving a relative {@code images.path} against the working directory.
   *
   * @param root the plan's directory
   * @param title the experiment's name
   * @param variants the variants, in the file's order
   * @param parts the parts' directory names, possibly empty
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory root, String title, List<String> variants, List<String> parts,
      ProgressReporter progress) {
    write(root, title, variants, parts, null, progress);
  }

  /**
   * The page.
   *
   * @param root the plan's directory
   * @param title the experiment's name
   * @param variants the variants, in order
   * @param parts the parts' directory names
   * @param baseDirectory the directory a relative {@code images.path} resolves against, or {@code null}
   * @return the HTML document
   */
  public static String render(RunDirectory root, String title, List<String> variants, List<String> parts,
      Path baseDirectory) {
    List<String> vs = variants == null ? List.of() : variants;
    List<String> ps = parts == null ? List.of() : parts;
    Map<String, Object> comparison = ReportFiles.json(root.file(COMPARISON_JSON));
    List<String[]> nav = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    RunReport.section(body, nav, "scenarios", "Scenarios", scenarios(root, vs, comparison));
    String tests = tests(comparison);
    if (!tests.isEmpty()) {
      RunReport.section(body, nav, "tests", "Statistical tests", tests);
    }
    String resilience = resilience(root, vs, comparison);
    if (!resilience.isEmpty()) {
      RunReport.section(body, nav, "resilience", "Resilience", resilience);
    }
    String coefficients = coefficients(root, vs);
    if (!coefficients.isEmpty()) {
      RunReport.section(body, nav, "coefficients", "Coefficients", coefficients);
    }
    String figures = Figures.all(root.root(), name -> true, "");
    if (!figures.isEmpty()) {
      RunReport.section(body, nav, "figures", "Figures", figures);
    }
    for (String v : vs) {
      RunReport.section(body, nav, "variant-" + Html.id(v), v, "Scenario " + v, variant(root.child(v), v + "/"));
    }
    for (String p : ps) {
      RunReport.section(body, nav, "part-" + Html.id(p), p, "Part " + p, part(root.child(p), p + "/"));
    }
    String provenance = provenance(root, vs);
    if (!provenance.isEmpty()) {
      RunReport.section(body, nav, "provenance", "Provenance", provenance);
    }
    StringBuilder credits = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    List<RunDirectory> runs = new ArrayList<>();
    vs.forEach(v -> runs.add(root.child(v)));
    for (String p : ps) {
      partVariants(root.child(p)).forEach(v -> runs.add(root.child(p).child(v)));
    }
    for (RunDirectory run : runs) {
      Map<String, Object> images = ReportFiles.map(ReportFiles.yaml(run.file(RunDirectory.CONFIG)).get("images"));
      if (!images.isEmpty() && seen.add(String.valueOf(images.get("type")) + "|" + images.get("path"))) {
        credits.append(Credits.html(images, baseDirectory));
      }
    }
    if (credits.length() > 0) {
      RunReport.section(body, nav, "credits", "Image credits", credits.toString());
    }
    String subtitle = "Comparison of " + vs.size() + " scenario" + (vs.size() == 1 ? "" : "s")
        + (ps.isEmpty() ? "" : " and " + ps.size() + " part" + (ps.size() == 1 ? "" : "s"))
        + (comparison.isEmpty() ? "" : " · medians with 95% bootstrap confidence intervals");
    return Html.page(title, subtitle, nav, body.toString(), RunReport.footer());
  }

  /** One row per scenario: dictionary, images, medians with their intervals, means, time. */
  static String scenarios(RunDirectory dir, List<String> variants, Map<String, Object> comparison) {
    Map<String, Object> stats = ReportFiles.map(comparison.get("scenarios"));
    List<String> names = new ArrayList<>(variants);
    stats.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
    if (names.isEmpty()) {
      return "<p class=\"note\">No scenario has results yet.</p>\n";
    }
    Table t = new Table(2, "scenario", "dictionary", "images", "PSNR median (dB)", "sparseness median",
        "PSNR mean ± sd (dB)", "sparseness mean ± sd", "seconds/image");
    for (String name : names) {
      RunResult results = ReportFiles.results(dir.child(name).file(RunDirectory.RESULTS)).orElse(null);
      Map<String, Summary> summary = results == null ? Map.of() : results.summary();
      Map<String, Object> s = ReportFiles.map(stats.get(name));
      double n = s.containsKey("n") ? ReportFiles.number(s.get("n"))
          : results == null ? Double.NaN : results.images().size();
      t.row(name, RunReport.dictionaryLabel(results == null ? Map.of() : results.dictionary()), Format.metric("n", n),
          median("psnr", s, summary), median("sparseness", s, summary), meanSd("psnr", summary),
          meanSd("sparseness", summary), Format.metric("seconds", stat(summary, "seconds").mean()));
    }
    String note = stats.isEmpty()
        ? "<p>Medians and means over the images, from each scenario's <code>results.json</code>.</p>\n"
        : "<p>Medians over the images with their 95% bootstrap confidence intervals [low, high] (from "
            + "<code>comparison.json</code>); means ± sample standard deviations from each scenario's "
            + "<code>results.json</code>.</p>\n";
    return note + t.html();
  }

  /** A median with its interval from comparison.json, else the median of the run's summary. */
  private static String median(String metric, Map<String, Object> stats, Map<String, Summary> summary) {
    Map<String, Object> m = ReportFiles.map(stats.get(metric));
    if (!m.isEmpty()) {
      List<?> ci = ReportFiles.list(m.get("ci95"));
      return Format.withInterval(metric, ReportFiles.number(m.get("median")),
          ci.size() == 2 ? ReportFiles.number(ci.get(0)) : Double.NaN,
          ci.size() == 2 ? ReportFiles.number(ci.get(1)) : Double.NaN);
    }
    return Format.metric(metric, stat(summary, metric).median());
  }

  private static String meanSd(String metric, Map<String, Summary> summary) {
    Summary s = stat(summary, metric);
    return Format.meanSd(metric, s.mean(), s.sd());
  }

  /** A column's summary; every statistic NaN when the run has none. */
  private static Summary stat(Map<String, Summary> summary, String column) {
    return summary.getOrDefault(column, Summary.EMPTY);
  }

  /** The tests of comparison.json, one row per pair and metric; empty without tests. */
  static String tests(Map<String, Object> comparison) {
    List<?> tests = ReportFiles.list(comparison.get("tests"));
    if (tests.isEmpty()) {
      return "";
    }
    Table t = new Table(4, "A", "B", "metric", "paired", "n", "Mann–Whitney p", "Wilcoxon p", "effect size",
        "median difference", "95% CI", "direction").text(10);
    for (Object o : tests) {
      Map<String, Object> m = ReportFiles.map(o);
      String metric = ReportFiles.string(m.get("metric"));
      List<?> ci = ReportFiles.list(m.get("ci95"));
      Object paired = m.get("paired");
      t.row(ReportFiles.string(m.get("a")), ReportFiles.string(m.get("b")), metric,
          paired == null ? "" : Boolean.TRUE.equals(paired) || "true".equals(String.valueOf(paired)) ? "yes" : "no",
          m.containsKey("n") ? Format.metric("n", ReportFiles.number(m.get("n"))) : "",
          Format.pValue(ReportFiles.number(m.get("mannWhitneyP"))),
          Format.pValue(ReportFiles.number(m.get("wilcoxonP"))),
          Format.fixed(ReportFiles.number(m.get("effectSize")), 3),
          Format.metric(metric, ReportFiles.number(m.get("medianDifference"))),
          ci.size() == 2 ? "[" + Format.metric(metric, ReportFiles.number(ci.get(0))) + ", "
              + Format.metric(metric, ReportFiles.number(ci.get(1))) + "]" : "",
          ReportFiles.string(m.get("direction")));
    }
    return "<p>Between scenarios A and B, per metric: the Mann–Whitney U test (images as independent samples) and "
        + "the paired Wilcoxon signed-rank test (the images are shared), the effect size, and the median "
        + "difference with its 95% bootstrap confidence interval.</p>\n" + t.html();
  }

  /**
   * Median PSNR and sparseness per cutoff per scenario: from comparison.json, else the medians over each
   * scenario's images; empty when no scenario measured resilience.
   */
  static String resilience(RunDirectory dir, List<String> variants, Map<String, Object> comparison) {
    Map<String, Map<String, double[]>> table = new LinkedHashMap<>();
    Map<String, Object> stats = ReportFiles.map(comparison.get("scenarios"));
    boolean fromComparison = false;
    for (Map.Entry<String, Object> e : stats.entrySet()) {
      Map<String, Object> r = ReportFiles.map(ReportFiles.map(e.getValue()).get("resilience"));
      if (!r.isEmpty()) {
        fromComparison = true;
        Map<String, double[]> row = new LinkedHashMap<>();
        r.forEach((cutoff, q) -> row.put(cutoff, new double[] {ReportFiles.number(ReportFiles.map(q).get("psnr")),
            ReportFiles.number(ReportFiles.map(q).get("sparseness"))}));
        table.put(e.getKey(), row);
      }
    }
    if (!fromComparison) {
      for (String v : variants) {
        Map<String, double[]> row = ReportFiles.results(dir.child(v).file(RunDirectory.RESULTS))
            .map(PlanReport::medianCurve).orElse(Map.of());
        if (!row.isEmpty()) {
          table.put(v, row);
        }
      }
    }
    if (table.isEmpty()) {
      return "";
    }
    List<String> cutoffs = new ArrayList<>();
    table.values().forEach(row -> row.keySet().stream().filter(c -> !cutoffs.contains(c)).forEach(cutoffs::add));
    List<String> header = new ArrayList<>(List.of("scenario"));
    for (int i = 0; i < cutoffs.size(); i++) {
      header.add("PSNR (dB)");
      header.add("sparseness");
    }
    Table t = new Table(1, header).group("", 1);
    cutoffs.forEach(c -> t.group("c = " + c, 2));
    table.forEach((scenario, row) -> {
      List<String> cells = new ArrayList<>(List.of(scenario));
      for (String c : cutoffs) {
        double[] q = row.getOrDefault(c, new double[] {Double.NaN, Double.NaN});
        cells.add(Format.metric("psnr", q[0]));
        cells.add(Format.metric("sparseness", q[1]));
      }
      t.row(cells);
    });
    return "<p>Median PSNR and sparseness over the images after zeroing every coefficient |x| &lt; c, without "
        + "re-optimising the code" + (fromComparison ? " (from <code>comparison.json</code>)" : "") + ".</p>\n"
        + t.html();
  }

  /**
   * The pooled exponential fit of each scenario's coefficient histogram ({@code coefficients.json}); empty when
   * no scenario has one.
   */
  static String coefficients(RunDirectory dir, List<String> variants) {
    Table t = new Table(1, "scenario", "coefficients in [0.01, 1]", "a", "b", "R²");
    for (String v : variants) {
      Map<String, Object> histogram = ReportFiles.map(ReportFiles.json(dir.child(v).file(Coefficients.FILE))
          .get("histogram"));
      Map<String, Object> fit = ReportFiles.map(histogram.get("pooledFit"));
      if (!fit.isEmpty()) {
        t.row(v, Format.metric("n", ReportFiles.number(histogram.get("counted"))),
            Format.general(ReportFiles.number(fit.get("a"))), Format.general(ReportFiles.number(fit.get("b"))),
            Format.fixed(ReportFiles.number(fit.get("r2")), 4));
      }
    }
    if (t.isEmpty()) {
      return "";
    }
    return "<p>The exponential fit a·e^(−bx) to the histogram of the coefficient values pooled over the images "
        + "(65 bins on [0.01, 1]); a larger b, a steeper fall of the probability with the value.</p>\n" + t.html();
  }

  /** The median over the images of each point of their {@code resilience} curve. */
  private static Map<String, double[]> medianCurve(RunResult results) {
    Map<String, List<double[]>> values = new LinkedHashMap<>();
    for (ImageResult image : results.images()) {
      image.curves().getOrDefault("resilience", Map.of()).forEach((cutoff, q) -> values
          .computeIfAbsent(cutoff, k -> new ArrayList<>()).add(new double[] {
              q.getOrDefault("psnr", Double.NaN), q.getOrDefault("sparseness", Double.NaN)}));
    }
    Map<String, double[]> row = new LinkedHashMap<>();
    values.forEach((cutoff, list) -> row.put(cutoff, new double[] {
        Medians.of(list.stream().mapToDouble(q -> q[0]).filter(x -> !Double.isNaN(x)).toArray()),
        Medians.of(list.stream().mapToDouble(q -> q[1]).filter(x -> !Double.isNaN(x)).toArray())}));
    return row;
  }

  /**
   * Where and when the scenarios ran: the software and machine of the first scenario with results, the first
   * start and the last finish over all of them, and each scenario's status and configuration hash.
   */
  static String provenance(RunDirectory dir, List<String> variants) {
    Provenance first = null;
    String started = null;
    String finished = null;
    Table status = new Table(Integer.MAX_VALUE, "scenario", "status", "configSha256", "imagesSha256");
    for (String v : variants) {
      RunResult r = ReportFiles.results(dir.child(v).file(RunDirectory.RESULTS)).orElse(null);
      if (r == null) {
        continue;
      }
      Provenance p = r.provenance();
      if (first == null) {
        first = p;
      }
      String s = p.startedAt();
      String f = p.finishedAt();
      // ISO-8601 instants in UTC order as text
      started = s != null && (started == null || s.compareTo(started) < 0) ? s : started;
      finished = f != null && (finished == null || f.compareTo(finished) > 0) ? f : finished;
      status.row(v, r.status(), abbreviated(r.configSha256()), abbreviated(ReportFiles.string(p.imagesSha256())));
    }
    if (first == null) {
      return "";
    }
    Table t = Table.keyValue();
    RunReport.provenanceRows(t, first, false);
    t.row("first start", started == null ? "" : started);
    t.row("last finish", finished == null ? "" : finished);
    return t.html() + status.html();
  }

  /** The first 16 hex digits of a hash (the scenarios' own reports show it whole). */
  private static String abbreviated(String hash) {
    return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
  }

  /** A variant's key numbers, the link to its report, and every plot of its directory. */
  static String variant(RunDirectory dir, String href) {
    RunResult results = ReportFiles.results(dir.file(RunDirectory.RESULTS)).orElse(null);
    StringBuilder sb = new StringBuilder();
    sb.append("<p>").append(Files.isRegularFile(dir.file(RunReport.FILE))
        ? "Full report: " + Html.link(href + RunReport.FILE, href + RunReport.FILE)
        : "Directory: <code>" + Html.escape(href) + "</code>").append("</p>\n");
    if (results == null) {
      sb.append("<p class=\"note\">No readable results.json in this directory.</p>\n");
    } else {
      sb.append(keyNumbers(results));
    }
    String figures = Figures.all(dir.root(), name -> true, "");
    return sb.append(figures).toString();
  }

  private static String keyNumbers(RunResult results) {
    Map<String, Summary> summary = results.summary();
    Table t = Table.keyValue();
    t.row("dictionary", RunReport.dictionaryLabel(results.dictionary()));
    if (!results.solver().isEmpty()) {
      t.row("solver", RunReport.solverLabel(results.solver()));
    }
    t.row("images", Integer.toString(results.images().size()));
    if (!summary.isEmpty()) {
      t.row("PSNR median (dB)", Format.metric("psnr", stat(summary, "psnr").median()));
      t.row("PSNR mean ± sd (dB)", meanSd("psnr", summary));
      t.row("sparseness median", Format.metric("sparseness", stat(summary, "sparseness").median()));
      t.row("sparseness mean ± sd", meanSd("sparseness", summary));
      t.row("seconds/image (mean)", Format.metric("seconds", stat(summary, "seconds").mean()));
    }
    Map<String, Object> learning = results.learning() == null ? Map.of() : results.learning();
    if (!learning.isEmpty()) {
      List<?> objective = ReportFiles.list(learning.get("objective"));
      t.row("learning", ReportFiles.string(learning.get("type")) + ", " + objective.size() + " steps"
          + (objective.isEmpty() ? "" : ", objective " + Format.general(ReportFiles.number(objective.get(0)))
              + " → " + Format.general(ReportFiles.number(objective.get(objective.size() - 1)))));
      Map<String, Object> refit = ReportFiles.map(learning.get("refit"));
      if (!refit.isEmpty()) {
        t.row("log-Gabor re-fit, median R²", Format.fixed(ReportFiles.number(refit.get("medianR2")), 4));
      }
    }
    return t.html();
  }

  /** A part: link, its tables, its plots, its variants' coefficient and orientation plots. */
  static String part(RunDirectory dir, String href) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> summary = ReportFiles.json(dir.file(RunDirectory.SUMMARY));
    String experiment = ReportFiles.string(summary.get("experiment"));
    sb.append("<p>").append(experiment.isEmpty() ? "" : "Experiment <strong>" + Html.escape(experiment)
        + "</strong>. ").append(Files.isRegularFile(dir.file(RunReport.FILE))
        ? "Full report: " + Html.link(href + RunReport.FILE, href + RunReport.FILE)
        : "Directory: <code>" + Html.escape(href) + "</code>").append("</p>\n");
    List<String> variants = partVariants(dir);
    if (variants.isEmpty() && Files.isRegularFile(dir.file(RunDirectory.RESULTS))) {
      // a part without variants is a single run in DIR/<part>/ itself
      return sb.append(ReportFiles.results(dir.file(RunDirectory.RESULTS)).map(PlanReport::keyNumbers)
          .orElse("<p class=\"note\">No readable results.json in this directory.</p>\n"))
          .append(Figures.all(dir.root(), name -> true, "")).toString();
    }
    if (variants.isEmpty()) {
      return sb.append("<p class=\"note\">This part has no results yet.</p>\n").toString();
    }
    Map<String, Object> comparison = ReportFiles.json(dir.file(COMPARISON_JSON));
    sb.append("<h3>Scenarios</h3>\n").append(scenarios(dir, variants, comparison));
    String tests = tests(comparison);
    if (!tests.isEmpty()) {
      sb.append("<h3>Statistical tests</h3>\n").append(tests);
    }
    String resilience = resilience(dir, variants, comparison);
    if (!resilience.isEmpty()) {
      sb.append("<h3>Resilience</h3>\n").append(resilience);
    }
    String coefficients = coefficients(dir, variants);
    if (!coefficients.isEmpty()) {
      sb.append("<h3>Coefficients</h3>\n").append(coefficients);
    }
    String figures = Figures.all(dir.root(), name -> true, "");
    if (!figures.isEmpty()) {
      sb.append("<h3>Figures</h3>\n").append(figures);
    }
    for (String v : variants) {
      String plots = Figures.all(dir.child(v).root(), Figures::isCoefficientOrOrientation, v + ": ");
      if (!plots.isEmpty()) {
        sb.append("<h3>").append(Html.escape(v)).append("</h3>\n<p>")
            .append(Html.link(href + v + "/" + RunReport.FILE, "report of " + v)).append("</p>\n").append(plots);
      }
    }
    return sb.toString();
  }

  /**
   * The variants of a part: in the order of its {@code summary.json}, else its sub-directories holding a
   * {@code results.json}, by name.
   */
  static List<String> partVariants(RunDirectory dir) {
    List<String> names = new ArrayList<>();
    for (Object o : ReportFiles.list(ReportFiles.json(dir.file(RunDirectory.SUMMARY)).get("variants"))) {
      Object name = ReportFiles.map(o).get("variant");
      if (name != null) {
        names.add(String.valueOf(name));
      }
    }
    if (!names.isEmpty() || !Files.isDirectory(dir.root())) {
      return names;
    }
    try (var children = Files.list(dir.root())) {
      children.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.RESULTS)))
          .map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    } catch (IOException e) {
      return names;
    }
    return names;
  }
}
