package org.sparsecode.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.ResultsJson;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The page of one run, {@code DIR/report.html}, next to its {@code results.json}: the summary and per-image
 * tables, the learning block, every PNG of the directory embedded, the configuration ({@code config.yaml}),
 * the provenance and the credits of the photographs. Built from the files on disk only (a run passes its
 * results, which it writes after the report), so it shows every file written before it.
 */
public final class RunReport {
  /** The report's file name, in the run directory. */
  public static final String FILE = "report.html";

  private RunReport() {}

  /**
   * Writes {@code DIR/report.html} atomically; never throws: a failure is a warning through the reporter.
   *
   * @param dir the run directory, holding {@code results.json} and {@code config.yaml}
   * @param config the experiment (its base directory resolves a relative {@code images.path} for the credits)
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory dir, ExperimentConfig config, ProgressReporter progress) {
    write(dir, config == null ? null : config.baseDirectory(), progress);
  }

  /**
   * Writes {@code DIR/report.html} atomically; never throws: a failure is a warning through the reporter.
   *
   * @param dir the run directory, holding {@code results.json} and {@code config.yaml}
   * @param baseDirectory the directory a relative {@code images.path} resolves against, or {@code null} for the
   *     working directory
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory dir, Path baseDirectory, ProgressReporter progress) {
    write(dir, () -> render(dir, baseDirectory), progress);
  }

  /**
   * Writes {@code DIR/report.html} atomically from the given results instead of {@code DIR/results.json}: a run
   * writes its report before the results.json that says it is complete, so that a directory whose results say
   * complete holds its report too, even when the run was killed right after. Never throws.
   *
   * @param dir the run directory, holding {@code config.yaml}
   * @param config the experiment (its base directory resolves a relative {@code images.path} for the credits)
   * @param results the results, as {@code results.json} will hold them
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory dir, ExperimentConfig config, RunResult results,
      ProgressReporter progress) {
    write(dir, () -> render(dir, results, config == null ? null : config.baseDirectory()), progress);
  }

  private static void write(RunDirectory dir, Supplier<String> page, ProgressReporter progress) {
    try {
      dir.writeString(FILE, page.get());
    } catch (RuntimeException | LinkageError e) {
      progress.info("warning: could not write " + dir.file(FILE) + " (the run goes on without it): " + e);
    }
  }

  /**
   * The page.
   *
   * @param dir the run directory
   * @param baseDirectory the directory a relative {@code images.path} resolves against, or {@code null}
   * @return the HTML document
   */
  public static String render(RunDirectory dir, Path baseDirectory) {
    return render(dir, ReportFiles.results(dir.file(RunDirectory.RESULTS)).orElse(null), baseDirectory);
  }

  /** The page; {@code results} null when the directory holds no readable results.json. */
  private static String render(RunDirectory dir, RunResult results, Path baseDirectory) {
    String configText = ReportFiles.text(dir.file(RunDirectory.CONFIG)).orElse(null);
    Map<String, Object> config = configText == null ? Map.of() : ReportFiles.yamlOf(configText);
    String title = title(results, config, dir);

    List<String[]> nav = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    if (results == null) {
      body.append("<p class=\"note\">This directory holds no readable results.json.</p>\n");
    } else {
      section(body, nav, "summary", "Summary", summary(results));
      section(body, nav, "images", "Per image", perImage(results.images()));
      String learning = learning(results.learning() == null ? Map.of() : results.learning());
      if (!learning.isEmpty()) {
        section(body, nav, "learning", "Learning", learning);
      }
    }
    String coefficients = Coefficients.html(ReportFiles.json(dir.file(Coefficients.FILE)));
    if (!coefficients.isEmpty()) {
      section(body, nav, "coefficients", "Coefficient statistics", coefficients);
    }
    String figures = Figures.all(dir.root(), name -> true, "");
    if (!figures.isEmpty()) {
      section(body, nav, "figures", "Figures", figures);
    }
    section(body, nav, "configuration", "Configuration", configText == null
        ? "<p class=\"note\">No config.yaml in this directory.</p>\n"
        : "<p>The resolved configuration (every default filled in), as written to <code>config.yaml</code>:</p>\n"
            + "<pre class=\"config\">" + Html.escape(configText) + "</pre>\n");
    if (results != null) {
      section(body, nav, "provenance", "Provenance", provenance(results));
    }
    String credits = Credits.html(ReportFiles.map(config.get("images")), baseDirectory);
    if (!credits.isEmpty()) {
      section(body, nav, "credits", "Image credits", credits);
    }
    return Html.page(title, subtitle(results), nav, body.toString(), footer());
  }

  /**
   * Appends a section and its entry in the navigation line.
   *
   * @param body the page's body
   * @param nav the navigation entries
   * @param id the section's anchor
   * @param heading its heading and label
   * @param content its HTML
   */
  public static void section(StringBuilder body, List<String[]> nav, String id, String heading, String content) {
    section(body, nav, id, heading, heading, content);
  }

  /**
   * Appends a section and its entry in the navigation line.
   *
   * @param body the page's body
   * @param nav the navigation entries
   * @param id the section's anchor
   * @param navLabel its label in the navigation line
   * @param heading its heading
   * @param content its HTML
   */
  static void section(StringBuilder body, List<String[]> nav, String id, String navLabel, String heading,
      String content) {
    nav.add(new String[] {id, navLabel});
    body.append("<section id=\"").append(Html.escape(id)).append("\">\n<h2>").append(Html.escape(heading))
        .append("</h2>\n").append(content).append("</section>\n");
  }

  private static String title(RunResult results, Map<String, Object> config, RunDirectory dir) {
    String experiment = results != null ? results.experiment() : ReportFiles.string(config.get("name"));
    if (experiment.isEmpty()) {
      experiment = String.valueOf(dir.root().getFileName());
    }
    String variant = results == null ? null : results.variant();
    return variant == null ? experiment : experiment + " / " + variant;
  }

  private static String subtitle(RunResult results) {
    if (results == null) {
      return "Run report";
    }
    List<String> parts = new ArrayList<>();
    parts.add("Run report");
    parts.add("status " + results.status());
    parts.add(results.images().size() + " images");
    String dictionary = dictionaryLabel(results.dictionary());
    if (!dictionary.isEmpty()) {
      parts.add("dictionary " + dictionary);
    }
    String solver = solverLabel(results.solver());
    if (!solver.isEmpty()) {
      parts.add("solver " + solver);
    }
    return String.join(" · ", parts);
  }

  /**
   * A solver's label: type and λ.
   *
   * @param solver the {@code solver} block of results.json
   * @return e.g. {@code fista, λ = 0.01}; empty when absent
   */
  static String solverLabel(Map<String, Object> solver) {
    return solver.isEmpty() ? "" : ReportFiles.string(solver.get("type")) + ", λ = "
        + Format.general(ReportFiles.number(solver.get("lambda")));
  }

  /**
   * A dictionary's label: type and shape.
   *
   * @param dictionary the {@code dictionary} block of results.json
   * @return e.g. {@code log-gabor 144×12×12} (kernels × side × side); empty when absent
   */
  static String dictionaryLabel(Map<String, Object> dictionary) {
    if (dictionary.isEmpty()) {
      return "";
    }
    String size = Format.metric("kernels", ReportFiles.number(dictionary.get("size")));
    return ReportFiles.string(dictionary.get("type")) + " "
        + Format.metric("kernels", ReportFiles.number(dictionary.get("kernels"))) + "×" + size + "×" + size;
  }

  /**
   * A metric's column title.
   *
   * @param name the metric's key
   * @return a readable title with its unit
   */
  static String label(String name) {
    return switch (name) {
      case "psnr" -> "PSNR (dB)";
      case "seconds" -> "seconds (solve)";
      case "l0" -> "l0 (non-zeros)";
      default -> name;
    };
  }

  /**
   * Curve metrics too wide to tabulate per image (a column group per orientation and bandwidth): the page
   * shows their pooled fits in the coefficient statistics, and metrics.csv holds every value.
   */
  private static final Set<String> UNTABULATED = Set.of("orientation-activity");

  /** The curve metrics of the images, in order of appearance. */
  static Set<String> curveNames(List<ImageResult> images) {
    Set<String> names = new LinkedHashSet<>();
    images.forEach(image -> names.addAll(image.curves().keySet()));
    return names;
  }

  /** Of one curve metric over the images: each point, in order of appearance, to its quantities. */
  private static Map<String, List<String>> curvePoints(String curve, List<ImageResult> images) {
    Map<String, List<String>> points = new LinkedHashMap<>();
    for (ImageResult image : images) {
      image.curves().getOrDefault(curve, Map.of()).forEach((point, values) -> {
        List<String> quantities = points.computeIfAbsent(point, k -> new ArrayList<>());
        values.keySet().stream().filter(q -> !quantities.contains(q)).forEach(quantities::add);
      });
    }
    return points;
  }

  /** The summary table, then one table per curve metric (its summary columns regrouped per point). */
  static String summary(RunResult results) {
    Map<String, Summary> summary = results.summary();
    if (summary.isEmpty()) {
      return "<p class=\"note\">No summary (no image was coded).</p>\n";
    }
    List<ImageResult> images = results.images();
    Set<String> curves = curveNames(images);
    // curve metric to point to quantity to its summary, for the columns the summary holds
    Map<String, Map<String, Map<String, Summary>>> curveStats = new LinkedHashMap<>();
    Set<String> curveColumns = new HashSet<>();
    for (String curve : curves) {
      curvePoints(curve, images).forEach((point, quantities) -> quantities.forEach(q -> {
        String column = ImageResult.curveColumn(curve, point, q);
        if (summary.containsKey(column)) {
          curveColumns.add(column);
          curveStats.computeIfAbsent(curve, k -> new LinkedHashMap<>())
              .computeIfAbsent(point, k -> new LinkedHashMap<>()).put(q, summary.get(column));
        }
      }));
    }
    Table t = new Table(1, "metric", "mean", "sd", "median", "min", "max");
    summary.forEach((name, s) -> {
      if (!curveColumns.contains(name)) {
        t.row(label(name), Format.metric(name, s.mean()), Format.metric(name, s.sd()),
            Format.metric(name, s.median()), Format.metric(name, s.min()), Format.metric(name, s.max()));
      }
    });
    StringBuilder sb = new StringBuilder("<p>Over the images: mean, sample standard deviation, median, minimum and "
        + "maximum.</p>\n").append(t.html());
    for (String curve : curves) {
      Map<String, Map<String, Summary>> byPoint = curveStats.getOrDefault(curve, Map.of());
      if (UNTABULATED.contains(curve) || byPoint.isEmpty()) {
        continue;
      }
      List<String> quantities = new ArrayList<>();
      byPoint.values().forEach(byQuantity -> byQuantity.keySet().stream().filter(q -> !quantities.contains(q))
          .forEach(quantities::add));
      List<String> header = new ArrayList<>(List.of(curve.startsWith("resilience") ? "cutoff c" : "point"));
      for (String q : quantities) {
        header.add(label(q) + " median");
        header.add(label(q) + " mean ± sd");
      }
      Table ct = new Table(1, header);
      byPoint.forEach((point, byQuantity) -> {
        List<String> row = new ArrayList<>(List.of(point));
        for (String q : quantities) {
          Summary s = byQuantity.getOrDefault(q, Summary.EMPTY);
          row.add(Format.metric(q, s.median()));
          row.add(Format.meanSd(q, s.mean(), s.sd()));
        }
        ct.row(row);
      });
      sb.append("<h3>").append(Html.escape(curveTitle(curve))).append(" over the images</h3>\n")
          .append(curveNote(curve)).append(ct.html());
    }
    return sb.toString();
  }

  /** A curve metric's heading. */
  private static String curveTitle(String curve) {
    return switch (curve) {
      case "resilience" -> "Resilience";
      case "resilience-ceil" -> "Resilience, relative cutoffs";
      case "coefficient-histogram" -> "Coefficient histogram: exponential fit a·e^(−bx)";
      case "orientation-activity" -> "Orientation activity";
      default -> curve.isEmpty() ? curve
          : Character.toUpperCase(curve.charAt(0)) + curve.substring(1).replace('-', ' ');
    };
  }

  /** A point of a curve as a column-group or row label: {@code c = 0.1} for the cutoffs of resilience. */
  private static String pointLabel(String curve, String point) {
    return curve.startsWith("resilience") ? "c = " + point : point;
  }

  private static String curveNote(String curve) {
    return switch (curve) {
      case "resilience" -> "<p>PSNR and sparseness after zeroing every coefficient |x| &lt; c, without "
          + "re-optimising the code.</p>\n";
      case "resilience-ceil" -> "<p>PSNR and sparseness after zeroing every coefficient |x| &lt; max|x| / c, "
          + "without re-optimising the code.</p>\n";
      case "coefficient-histogram" -> "<p>The fit of a·e^(−bx) to the histogram of the coefficient values "
          + "(65 bins on [0.01, 1]) of each image, with its R² and the count of coefficients in range.</p>\n";
      default -> "";
    };
  }

  /** The per-image table of scalar metrics, then one table per curve metric (a column group per point). */
  static String perImage(List<ImageResult> images) {
    if (images.isEmpty()) {
      return "<p class=\"note\">No image was coded (only learning ran).</p>\n";
    }
    // the columns in the order results.json holds them
    List<String> columns = new ArrayList<>(List.of("psnr", "sparseness", "objective", "iterations", "seconds"));
    images.forEach(image -> image.metrics().keySet().stream().filter(k -> !columns.contains(k))
        .forEach(columns::add));
    List<String> header = new ArrayList<>(List.of("id"));
    columns.forEach(c -> header.add(label(c)));
    Table t = new Table(1, header);
    for (ImageResult image : images) {
      List<String> row = new ArrayList<>(List.of(image.id()));
      for (String c : columns) {
        row.add(switch (c) {
          case "iterations" -> Format.metric(c, image.iterations());
          case "seconds" -> Format.metric(c, image.seconds());
          case "psnr", "sparseness", "objective" -> Format.metric(c, image.metric(c));
          default -> image.metrics().containsKey(c) ? Format.metric(c, image.metrics().get(c)) : "";
        });
      }
      t.row(row);
    }
    StringBuilder sb = new StringBuilder(t.html());
    for (String curve : curveNames(images)) {
      if (UNTABULATED.contains(curve)) {
        sb.append("<p class=\"note\">").append(Html.escape(curveTitle(curve))).append(" per image: every value "
            + "is in <code>metrics.csv</code>; the pooled fits are under Coefficient statistics.</p>\n");
        continue;
      }
      String table = curveTable(curve, images);
      if (!table.isEmpty()) {
        sb.append("<h3>").append(Html.escape(curveTitle(curve))).append(" per image</h3>\n")
            .append(curveNote(curve)).append(table);
      }
    }
    return sb.toString();
  }

  /** One row per image, a column group per point of the curve, a column per quantity; empty without values. */
  private static String curveTable(String curve, List<ImageResult> images) {
    Map<String, List<String>> byPoint = curvePoints(curve, images);
    List<String> points = new ArrayList<>(byPoint.keySet());
    List<String> quantities = new ArrayList<>();
    byPoint.values().forEach(qs -> qs.stream().filter(q -> !quantities.contains(q)).forEach(quantities::add));
    if (points.isEmpty() || quantities.isEmpty()) {
      return "";
    }
    List<String> header = new ArrayList<>(List.of("id"));
    for (int i = 0; i < points.size(); i++) {
      quantities.forEach(q -> header.add(label(q)));
    }
    Table t = new Table(1, header);
    if (points.size() > 1 || curve.startsWith("resilience")) {
      t.group("", 1);
      points.forEach(p -> t.group(pointLabel(curve, p), quantities.size()));
    }
    for (ImageResult image : images) {
      Map<String, Map<String, Double>> c = image.curves().getOrDefault(curve, Map.of());
      List<String> row = new ArrayList<>(List.of(image.id()));
      for (String p : points) {
        Map<String, Double> values = c.getOrDefault(p, Map.of());
        for (String q : quantities) {
          row.add(values.containsKey(q) ? Format.metric(q, values.get(q)) : "");
        }
      }
      t.row(row);
    }
    return t.html();
  }

  /**
   * The learning block: learner, steps, first and last objective, and the log-Gabor re-fit's summary.
   *
   * @param learning the block of results.json
   * @return HTML, empty when there is no block
   */
  static String learning(Map<String, Object> learning) {
    if (learning.isEmpty()) {
      return "";
    }
    List<?> objective = ReportFiles.list(learning.get("objective"));
    Table t = Table.keyValue();
    t.row("learner", ReportFiles.string(learning.get("type")));
    t.row("steps run", Integer.toString(objective.size()));
    if (learning.get("steps") != null) {
      t.row("steps configured", Format.metric("steps", ReportFiles.number(learning.get("steps"))));
    }
    if (!objective.isEmpty()) {
      double first = ReportFiles.number(objective.get(0));
      double last = ReportFiles.number(objective.get(objective.size() - 1));
      double min = objective.stream().mapToDouble(ReportFiles::number).filter(Double::isFinite).min()
          .orElse(Double.NaN);
      t.row("objective, first step", Format.general(first));
      t.row("objective, last step", Format.general(last));
      t.row("objective, lowest", Format.general(min));
      if (Double.isFinite(first) && first != 0) {
        t.row("last / first", Format.fixed(last / first, 4));
      }
    }
    StringBuilder sb = new StringBuilder(t.html());
    Map<String, Object> refit = ReportFiles.map(learning.get("refit"));
    if (!refit.isEmpty()) {
      sb.append("<h3>Log-Gabor re-fit of the learned atoms</h3>\n");
      Table r = Table.keyValue();
      r.row("median R²", Format.fixed(ReportFiles.number(refit.get("medianR2")), 4));
      r.row("R² threshold", Format.general(ReportFiles.number(refit.get("minR2"))));
      r.row("atoms with R² at least the threshold",
          Format.metric("n", ReportFiles.number(refit.get("atomsWithR2AtLeastMinR2"))));
      Map<String, Object> histogram = ReportFiles.map(refit.get("bThetaHistogram"));
      if (histogram.get("excluded") != null) {
        r.row("atoms excluded from the histogram", Format.metric("n", ReportFiles.number(histogram.get("excluded"))));
      }
      sb.append(r.html());
      List<?> edges = ReportFiles.list(histogram.get("bThetaEdges"));
      List<?> counts = ReportFiles.list(histogram.get("counts"));
      // as many B_θ bins as edges: bin i is [e_i, e_i+1), the last one open-ended
      if (!counts.isEmpty() && edges.size() == counts.size()) {
        Table h = new Table(0, "B_θ from (rad)", "to (rad)", "atoms");
        for (int i = 0; i < counts.size(); i++) {
          h.row(Format.fixed(ReportFiles.number(edges.get(i)), 3),
              i + 1 < edges.size() ? Format.fixed(ReportFiles.number(edges.get(i + 1)), 3) : "∞",
              Format.metric("n", ReportFiles.number(counts.get(i))));
        }
        sb.append("<p>Atoms per bandwidth B_θ (the histogram of the re-fit):</p>\n").append(h.html());
      }
    }
    sb.append(parametric(learning));
    return sb.toString();
  }

  /**
   * The parametric learner's section: the learned B_θ range, and the B_θ histogram of the learned kernels next
   * to the re-fit's, in the same bins (bin i is [e_i, e_i+1), the last [e_last, ∞)).
   */
  static String parametric(Map<String, Object> learning) {
    Map<String, Object> par = ReportFiles.map(learning.get("parametric"));
    if (par.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("<h3>Learned log-Gabor parameters</h3>\n");
    Table t = Table.keyValue();
    t.row("B_θ, smallest (rad)", Format.fixed(ReportFiles.number(par.get("bThetaMin")), 4));
    t.row("B_θ, median (rad)", Format.fixed(ReportFiles.number(par.get("bThetaMedian")), 4));
    t.row("B_θ, largest (rad)", Format.fixed(ReportFiles.number(par.get("bThetaMax")), 4));
    sb.append(t.html());
    Map<String, Object> learned = ReportFiles.map(par.get("bThetaHistogram"));
    List<?> edges = ReportFiles.list(learned.get("bThetaEdges"));
    List<?> counts = ReportFiles.list(learned.get("counts"));
    List<?> refit = ReportFiles.list(ReportFiles.map(ReportFiles.map(learning.get("refit")).get("bThetaHistogram"))
        .get("counts"));
    if (!counts.isEmpty() && edges.size() == counts.size()) {
      Table h = new Table(0, "B_θ from (rad)", "to (rad)", "learned kernels", "re-fit atoms (R² ≥ threshold)");
      for (int i = 0; i < counts.size(); i++) {
        h.row(Format.fixed(ReportFiles.number(edges.get(i)), 3),
            i + 1 < edges.size() ? Format.fixed(ReportFiles.number(edges.get(i + 1)), 3) : "∞",
            Format.metric("n", ReportFiles.number(counts.get(i))),
            refit.size() == counts.size() ? Format.metric("n", ReportFiles.number(refit.get(i))) : "");
      }
      sb.append("<p>Kernels per bandwidth B_θ: the learned parameters and the re-fit of the same kernels, in the"
          + " re-fit's bins (trajectories.csv holds every kernel's path; parameter-paths.png draws them):</p>\n")
          .append(h.html());
    }
    return sb.toString();
  }

  /** Identity, seed, software and machine of the run, and the data's hash. */
  static String provenance(RunResult results) {
    Table t = Table.keyValue();
    t.row("experiment", results.experiment());
    if (results.variant() != null) {
      t.row("variant", results.variant());
    }
    t.row("status", results.status());
    t.row("seed", Long.toString(results.seed()));
    t.row("configSha256", results.configSha256());
    provenanceRows(t, results.provenance(), true);
    if (results.stages().isEmpty()) {
      return t.html();
    }
    Table s = new Table(1, "stage", "seconds");
    results.stages().forEach((stage, seconds) -> s.row(stage, Format.metric("seconds", seconds)));
    return t.html() + "<h3>Seconds per stage</h3>\n" + s.html();
  }

  /**
   * The rows of a provenance, each field that results.json holds for it ({@code finishedAt} even while the run
   * is in progress, {@code imagesSha256} once known), in the page's order; the instants and the data's hash only
   * when {@code withInstants}.
   *
   * @param t the key-value table
   * @param p the provenance
   * @param withInstants whether to add {@code startedAt}, {@code finishedAt} and {@code imagesSha256}
   */
  static void provenanceRows(Table t, Provenance p, boolean withInstants) {
    Map<String, Object> fields = ResultsJson.provenance(p);
    List<String> keys = new ArrayList<>(List.of("version", "gitCommit", "java", "os", "arch", "threads",
        "precision"));
    if (withInstants) {
      keys.addAll(List.of("startedAt", "finishedAt", "imagesSha256"));
    }
    for (String key : keys) {
      if (fields.containsKey(key)) {
        t.row(key.equals("version") ? "sparsecode version" : key, ReportFiles.string(fields.get(key)));
      }
    }
    if (p.device() != null) {
      // what a solver on a device (the ND4J solvers) ran on: library, backend, device, type
      t.row("device", String.join(", ", p.device().values()));
    }
  }

  /**
   * The page's footer: the version that wrote it, and when.
   *
   * @return HTML
   */
  public static String footer() {
    return "Written by sparsecode " + Html.escape(org.sparsecode.experiments.results.BuildInfo.version()) + " on "
        + Html.escape(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        + ". Self-contained: the plots are embedded, nothing is fetched.";
  }
}
