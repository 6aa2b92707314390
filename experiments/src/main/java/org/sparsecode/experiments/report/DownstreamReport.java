package org.sparsecode.experiments.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The page of a file that trains a classifier ({@code network:}), {@code DIR/report.html}: its "Downstream
 * classifier" section (the accuracy per variant, the paired comparisons with their intervals, p-values and a
 * sentence each, the learning curves and the confusion matrix, embedded) and each variant's configuration.
 * Built from the files the downstream analysis writes ({@value #ACCURACY_CSV}, {@value #PAIRED_CSV},
 * {@value #CURVES_PNG}, {@value #CONFUSION_PNG}, each variant's {@code config.yaml}), so the page needs no
 * DeepLearning4J: the downstream module, which depends on this one, calls {@link #write} after its analysis,
 * and the sentences of its markdown summary come from {@link #sentence} too, so the two always agree.
 *
 * <p>A comparison is called significant when its 95 % bootstrap interval over the test images excludes 0; the
 * McNemar p-value is shown beside it, and a disagreement between the two is said in the sentence.
 */
public final class DownstreamReport {
  /** A row per variant. */
  public static final String ACCURACY_CSV = "accuracy.csv";
  /** A row per compared pair. */
  public static final String PAIRED_CSV = "paired.csv";
  /** Test accuracy per epoch. */
  public static final String CURVES_PNG = "learning-curves.png";
  /** The most accurate variant's confusion matrix. */
  public static final String CONFUSION_PNG = "confusion.png";
  /** The header of {@value #ACCURACY_CSV}. */
  public static final String ACCURACY_HEADER = "variant,input,ceil,runs,test_accuracy_mean,test_accuracy_sd,"
      + "seconds_per_epoch,dictionary,train_images,test_images";
  /** The header of {@value #PAIRED_CSV}. */
  public static final String PAIRED_HEADER = "a,b,images,only_a,only_b,difference,ci_low,ci_high,mcnemar_p";
  /** The section's anchor. */
  public static final String SECTION_ID = "downstream";

  private DownstreamReport() {}

  /**
   * One variant's accuracy, a row of {@value #ACCURACY_CSV}.
   *
   * @param variant the variant's name (the experiment's for a file without variants)
   * @param input {@code codes} or {@code pixels}
   * @param dictionary the dictionary of the codes ({@code log-gabor thin}, a file), empty for pixels
   * @param ceil the cutoff: {@code none}, {@code 4} or {@code 2}
   * @param runs the seeds trained
   * @param mean the test accuracy of the last epoch, mean over the seeds (a fraction)
   * @param sd its sample standard deviation over the seeds (0 with one seed)
   * @param secondsPerEpoch seconds per epoch, mean over the seeds
   * @param train the training images
   * @param test the test images
   */
  public record Accuracy(String variant, String input, String dictionary, String ceil, int runs, double mean,
      double sd, double secondsPerEpoch, int train, int test) {
    /**
     * What the variant feeds the network.
     *
     * @return {@code pixels}, or {@code codes} and the dictionary
     */
    public String inputLabel() {
      return dictionary.isEmpty() ? input : input + " " + dictionary;
    }

    /**
     * The row of {@value #ACCURACY_CSV}.
     *
     * @return the fields, quoted where needed, without the line's end
     */
    public String csv() {
      return String.join(",", quote(variant), quote(input), quote(ceil), Integer.toString(runs),
          String.format(Locale.ROOT, "%.6f,%.6f,%.3f", mean, sd, secondsPerEpoch), quote(dictionary),
          Integer.toString(train), Integer.toString(test));
    }
  }

  /**
   * A paired comparison on the same test images, a row of {@value #PAIRED_CSV}.
   *
   * @param a the first variant
   * @param b the second variant
   * @param images the test images paired
   * @param onlyA images only the first classified right (summed over seeds)
   * @param onlyB images only the second classified right
   * @param difference accuracy of the first minus the second (a fraction)
   * @param low the 95 % bootstrap interval's lower end
   * @param high its upper end
   * @param p McNemar's exact two-sided p-value
   */
  public record Pair(String a, String b, int images, int onlyA, int onlyB, double difference, double low,
      double high, double p) {
    /**
     * Whether the difference is significant: its interval excludes 0.
     *
     * @return {@code true} when both ends lie on the same side of 0, neither on it
     */
    public boolean significant() {
      return low > 0 && high > 0 || low < 0 && high < 0;
    }

    /**
     * The row of {@value #PAIRED_CSV}.
     *
     * @return the fields, quoted where needed, without the line's end
     */
    public String csv() {
      return String.join(",", quote(a), quote(b), Integer.toString(images), Integer.toString(onlyA),
          Integer.toString(onlyB), String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6g", difference, low, high, p));
    }
  }

  /**
   * What a pair compares, in words.
   *
   * @param a the first variant's accuracy, or {@code null} when unknown
   * @param b the second's
   * @return {@code at ceil 2} (two inputs at one cutoff), {@code pixels, ceil none → 2} (one input at two
   *     cutoffs), or empty
   */
  public static String comparison(Accuracy a, Accuracy b) {
    if (a == null || b == null) {
      return "";
    }
    if (a.ceil().equals(b.ceil())) {
      return "at ceil " + a.ceil();
    }
    return a.inputLabel() + ", ceil " + a.ceil() + " → " + b.ceil();
  }

  /**
   * The result of a comparison in one sentence, with its numbers: e.g. {@code thin-2 − full-2 at ceil 2: −1.5
   * points [−3.2, 0.3], McNemar p = 0.120: no significant difference.} Significant when the interval excludes 0.
   *
   * @param pair the comparison
   * @param a the first variant's accuracy, or {@code null} when unknown
   * @param b the second's
   * @return the sentence (plain text: escape it for HTML)
   */
  public static String sentence(Pair pair, Accuracy a, Accuracy b) {
    String what = comparison(a, b);
    boolean ceils = a != null && b != null && !a.ceil().equals(b.ceil());
    StringBuilder sb = new StringBuilder(pair.a() + " − " + pair.b());
    if (!what.isEmpty()) {
      sb.append(ceils ? " (" + what + ")" : " " + what);
    }
    sb.append(": ").append(signedPoints(pair.difference())).append(" points [").append(points(pair.low()))
        .append(", ").append(points(pair.high())).append("], McNemar p = ").append(Format.pValue(pair.p()))
        .append(": ");
    if (!pair.significant()) {
      sb.append("no significant difference");
      if (pair.p() < 0.05) {
        sb.append(" (the interval holds 0, though McNemar's p is below 0.05)");
      }
    } else {
      if (ceils) {
        sb.append("significant, accuracy ").append(pair.difference() > 0 ? "falls" : "rises").append(" from ceil ")
            .append(a.ceil()).append(" to ").append(b.ceil());
      } else {
        sb.append("significant, ").append(pair.difference() > 0 ? pair.a() : pair.b()).append(" is more accurate");
      }
      if (!(pair.p() < 0.05)) {
        sb.append(" (by the interval; McNemar's p is not below 0.05)");
      }
    }
    return sb.append('.').toString();
  }

  /** A difference of accuracies in percentage points, with its sign; {@code −} as the minus. */
  static String signedPoints(double fraction) {
    String s = points(fraction);
    return fraction > 0 ? "+" + s : s;
  }

  /**
   * A fraction in percentage points: one decimal, more for a value that one decimal would show as 0 (so that an
   * interval's end never reads 0 when it is not).
   */
  static String points(double fraction) {
    if (!Double.isFinite(fraction)) {
      return Format.general(fraction);
    }
    double v = fraction * 100;
    String s = v != 0 && Math.abs(v) < 0.05 ? String.format(Locale.ROOT, "%.2g", v)
        : String.format(Locale.ROOT, "%.1f", v);
    return s.replace('-', '−');
  }

  /**
   * Writes {@code DIR/report.html} atomically; never throws: a failure is a warning through the reporter.
   *
   * @param root the output directory, holding the analysis's files
   * @param title the experiment's name
   * @param variants the variants in the file's order (each in {@code DIR/<variant>/}), empty for a file without
   *     variants
   * @param progress where a failure is reported
   */
  public static void write(RunDirectory root, String title, List<String> variants, ProgressReporter progress) {
    try {
      root.writeString(RunReport.FILE, render(root, title, variants));
    } catch (RuntimeException | LinkageError e) {
      progress.info("warning: could not write " + root.file(RunReport.FILE) + " (the run goes on without it): " + e);
    }
  }

  /**
   * The page.
   *
   * @param root the output directory
   * @param title the experiment's name
   * @param variants the variants in order, empty for a file without variants
   * @return the HTML document
   */
  public static String render(RunDirectory root, String title, List<String> variants) {
    List<String[]> nav = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    List<Accuracy> accuracy = accuracy(root.file(ACCURACY_CSV));
    RunReport.section(body, nav, SECTION_ID, "Downstream classifier", section(root.root()));
    StringBuilder config = new StringBuilder();
    List<String> vs = variants == null || variants.isEmpty() ? List.of("") : variants;
    for (String v : vs) {
      RunDirectory dir = v.isEmpty() ? root : root.child(v);
      String text = ReportFiles.text(dir.file(RunDirectory.CONFIG)).orElse(null);
      if (text != null) {
        config.append(v.isEmpty() ? "" : "<h3>" + Html.escape(v) + "</h3>\n").append("<pre class=\"config\">")
            .append(Html.escape(text)).append("</pre>\n");
      }
    }
    if (config.length() > 0) {
      RunReport.section(body, nav, "configuration", "Configuration", "<p>The resolved configuration of each "
          + (vs.size() > 1 ? "variant" : "run") + " (every default filled in), as written to its "
          + "<code>config.yaml</code>:</p>\n" + config);
    }
    int test = accuracy.stream().mapToInt(Accuracy::test).max().orElse(0);
    String subtitle = "Downstream classifier · " + accuracy.size() + " variant" + (accuracy.size() == 1 ? "" : "s")
        + (test > 0 ? " · " + test + " test images" : "");
    return Html.page(title, subtitle, nav, body.toString(), RunReport.footer());
  }

  /**
   * The "Downstream classifier" section's content, from the analysis's files in a directory.
   *
   * @param dir the output directory
   * @return HTML; a note when the directory holds no {@value #ACCURACY_CSV}
   */
  public static String section(Path dir) {
    List<Accuracy> accuracy = accuracy(dir.resolve(ACCURACY_CSV));
    if (accuracy.isEmpty()) {
      return "<p class=\"note\">No trained variant yet (no readable " + ACCURACY_CSV + ").</p>\n";
    }
    Map<String, Accuracy> byName = new LinkedHashMap<>();
    accuracy.forEach(a -> byName.put(a.variant(), a));
    boolean seeds = accuracy.stream().anyMatch(a -> a.runs() > 1);
    StringBuilder sb = new StringBuilder("<h3>Accuracy</h3>\n<p>Test accuracy of the last epoch, in %"
        + (seeds ? ", mean ± sample standard deviation over the seeds where there are several" : "")
        + " (from <code>" + ACCURACY_CSV + "</code>).</p>\n");
    Table t = new Table(4, "variant", "input", "dictionary", "ceil", "seeds", "train images", "test images",
        "test accuracy (%)", "s/epoch");
    for (Accuracy a : accuracy) {
      String acc = Format.fixed(100 * a.mean(), 2) + (a.runs() > 1 ? " ± " + Format.fixed(100 * a.sd(), 2) : "");
      t.row(a.variant(), a.input(), a.dictionary().isEmpty() ? "—" : a.dictionary(), a.ceil(),
          Integer.toString(a.runs()), a.train() > 0 ? Integer.toString(a.train()) : "",
          a.test() > 0 ? Integer.toString(a.test()) : "", acc, Format.fixed(a.secondsPerEpoch(), 1));
    }
    sb.append("<div id=\"downstream-accuracy\">").append(t.html()).append("</div>\n");
    List<Pair> pairs = pairs(dir.resolve(PAIRED_CSV));
    if (!pairs.isEmpty()) {
      sb.append("<h3>Paired comparisons</h3>\n<p>On the same test images (seeds paired): accuracy of the first"
          + " minus the second in percentage points, its 95 % percentile bootstrap interval over the images, the"
          + " discordant images (only the first right / only the second right, summed over seeds) and McNemar's"
          + " exact p (from <code>" + PAIRED_CSV + "</code>). Inputs are compared at each ceil, and each input's"
          + " accuracy between ceils. A difference is called significant when its interval excludes 0.</p>\n");
      Table pt = new Table(2, "pair", "compares", "images", "difference (points)", "95 % CI (points)",
          "discordant", "McNemar p", "verdict").text(7);
      for (Pair p : pairs) {
        pt.row(p.a() + " − " + p.b(), comparison(byName.get(p.a()), byName.get(p.b())), Integer.toString(p.images()),
            Format.fixed(100 * p.difference(), 2), "[" + Format.fixed(100 * p.low(), 2) + ", "
                + Format.fixed(100 * p.high(), 2) + "]", p.onlyA() + " / " + p.onlyB(), Format.pValue(p.p()),
            p.significant() ? "significant" : "not significant");
      }
      sb.append("<div id=\"downstream-paired\">").append(pt.html()).append("</div>\n<p>In words:</p>\n"
          + "<ul id=\"downstream-sentences\">\n");
      for (Pair p : pairs) {
        sb.append("<li>").append(Html.escape(sentence(p, byName.get(p.a()), byName.get(p.b())))).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    Path curves = dir.resolve(CURVES_PNG);
    if (Files.isRegularFile(curves)) {
      sb.append("<h3>Learning curves</h3>\n").append(Figures.embed(curves, "Test accuracy per epoch of each"
          + " variant, mean over its seeds"));
    }
    Path confusion = dir.resolve(CONFUSION_PNG);
    if (Files.isRegularFile(confusion)) {
      Accuracy best = accuracy.stream().reduce((p, q) -> q.mean() > p.mean() ? q : p).orElseThrow();
      sb.append("<h3>Confusion matrix</h3>\n").append(Figures.embed(confusion, "Confusion matrix of the most"
          + " accurate variant, " + best.variant() + " (rows: true class, columns: predicted; counts summed over"
          + " seeds)"));
    }
    return sb.toString();
  }

  /**
   * The rows of {@value #ACCURACY_CSV}, by the header's column names; a file of the earlier layout (no
   * {@code dictionary} column, the dictionary after {@code codes} in {@code input}) is read too.
   *
   * @param file the file
   * @return the rows; empty when absent or unreadable
   */
  public static List<Accuracy> accuracy(Path file) {
    List<Accuracy> rows = new ArrayList<>();
    for (Map<String, String> r : records(file)) {
      String input = r.getOrDefault("input", "");
      String dictionary = r.get("dictionary");
      if (dictionary == null) {
        dictionary = input.startsWith("codes ") ? input.substring("codes ".length()) : "";
        input = input.startsWith("codes ") ? "codes" : input;
      }
      rows.add(new Accuracy(r.getOrDefault("variant", ""), input, dictionary, r.getOrDefault("ceil", ""),
          (int) number(r.get("runs")), number(r.get("test_accuracy_mean")), number(r.get("test_accuracy_sd")),
          number(r.get("seconds_per_epoch")), (int) number(r.get("train_images")),
          (int) number(r.get("test_images"))));
    }
    return rows;
  }

  /**
   * The rows of {@value #PAIRED_CSV}.
   *
   * @param file the file
   * @return the rows; empty when absent or unreadable
   */
  public static List<Pair> pairs(Path file) {
    List<Pair> rows = new ArrayList<>();
    for (Map<String, String> r : records(file)) {
      rows.add(new Pair(r.getOrDefault("a", ""), r.getOrDefault("b", ""), (int) number(r.get("images")),
          (int) number(r.get("only_a")), (int) number(r.get("only_b")), number(r.get("difference")),
          number(r.get("ci_low")), number(r.get("ci_high")), number(r.get("mcnemar_p"))));
    }
    return rows;
  }

  /** A number of a CSV cell; 0 when absent, NaN when not a number. */
  private static double number(String cell) {
    if (cell == null || cell.isBlank()) {
      return 0;
    }
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** A CSV file's rows as maps from the header's names; empty when absent or unreadable. */
  private static List<Map<String, String>> records(Path file) {
    List<List<String>> lines = parse(ReportFiles.text(file).orElse(""));
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> header = lines.get(0);
    for (List<String> line : lines.subList(1, lines.size())) {
      if (line.size() == 1 && line.get(0).isBlank()) {
        continue;
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size() && c < line.size(); c++) {
        row.put(header.get(c), line.get(c));
      }
      rows.add(row);
    }
    return rows;
  }

  /** RFC 4180 CSV: fields quoted with {@code "} may hold commas, doubled quotes and line ends. */
  static List<List<String>> parse(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line.add(field.toString());
        field.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !line.isEmpty()) {
      line.add(field.toString());
      lines.add(line);
    }
    return lines;
  }

  /**
   * A CSV field, quoted when it holds a comma, a quote or a line end.
   *
   * @param field the text
   * @return the field
   */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
