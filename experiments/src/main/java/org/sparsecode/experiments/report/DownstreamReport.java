package org.sparsecode.experiments.report;

import static org.sparsecode.experiments.results.MetricsCsv.quote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The page of a file that trains a classifier ({@code network:}), {@code DIR/report.html}: its "Downstream
 * classifier" section (the accuracy per variant; whether heterogeneous codes keep accuracy under the cutoff
 * better than homogeneous ones and than pixels, answered in a headline, then every difference of two inputs' drops
 * with its interval, p-value and sentence; the paired comparisons with their intervals, p-values and a sentence
 * each; the learning curves and the confusion matrix, embedded) and each variant's configuration. Built from the
 * files the downstream analysis writes ({@value #ACCURACY_CSV}, {@value #RESILIENCE_CSV}, {@value #PAIRED_CSV},
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
  /** A row per difference of drops under a cutoff. */
  public static final String RESILIENCE_CSV = "resilience.csv";
  /** The header of {@value #RESILIENCE_CSV}. */
  public static final String RESILIENCE_HEADER = "a,b,ceil,drop_a,drop_b,delta,ci_low,ci_high,p,images";
  /** The name of the input of raw pixels in {@value #RESILIENCE_CSV}. */
  public static final String PIXELS = "pixels";
  /** The name of the codes of the homogeneous log-Gabor dictionary in {@value #RESILIENCE_CSV}. */
  public static final String HOMOGENEOUS = "thin";
  /** The name of the codes of the heterogeneous log-Gabor dictionary in {@value #RESILIENCE_CSV}. */
  public static final String HETEROGENEOUS = "full";
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
   * Whether input A keeps accuracy under a cutoff better than input B, a row of {@value #RESILIENCE_CSV}: each
   * input's drop from ceil none to the cutoff and the difference of the drops, with its 95 % paired bootstrap
   * interval over the test images and its two-sided bootstrap p-value.
   *
   * @param a the first input ({@value #PIXELS}, {@value #HOMOGENEOUS}, {@value #HETEROGENEOUS}, {@code learned},
   *     ...)
   * @param b the second
   * @param ceil the cutoff ({@code 4}, {@code 2})
   * @param dropA accuracy of A at the cutoff minus at ceil none (a fraction; negative when accuracy falls)
   * @param dropB the same for B
   * @param delta {@code dropA − dropB}: positive when A keeps accuracy better
   * @param low the interval's lower end
   * @param high its upper end
   * @param p the two-sided bootstrap p-value
   * @param images the test images
   */
  public record Resilience(String a, String b, String ceil, double dropA, double dropB, double delta, double low,
      double high, double p, int images) {
    /**
     * Whether the difference of drops is significant: its interval excludes 0.
     *
     * @return {@code true} when both ends lie on the same side of 0, neither on it
     */
    public boolean significant() {
      return low > 0 && high > 0 || low < 0 && high < 0;
    }

    /**
     * The row of {@value #RESILIENCE_CSV}.
     *
     * @return the fields, quoted where needed, without the line's end
     */
    public String csv() {
      return String.join(",", quote(a), quote(b), quote(ceil), String.format(Locale.ROOT,
          "%.6f,%.6f,%.6f,%.6f,%.6f,%.6g", dropA, dropB, delta, low, high, p), Integer.toString(images));
    }
  }

  /**
   * A difference of drops in one sentence, with its numbers: {@code full keeps accuracy under ceil 2 better than
   * thin: drop −3.0 vs −7.5 points, Δ +4.5 [+1.0, +8.1], p = 0.0100.}, {@code full loses more accuracy under
   * ceil 2 than thin: ...} or {@code no significant difference between full and thin in the drop under ceil 2:
   * ...}. Significant when the interval excludes 0.
   *
   * @param r the row
   * @return the sentence (plain text: escape it for HTML)
   */
  public static String sentence(Resilience r) {
    StringBuilder sb = new StringBuilder();
    if (!r.significant()) {
      sb.append("no significant difference between ").append(r.a()).append(" and ").append(r.b())
          .append(" in the drop under ceil ").append(r.ceil());
    } else if (r.delta() > 0) {
      sb.append(r.a()).append(" keeps accuracy under ceil ").append(r.ceil()).append(" better than ").append(r.b());
    } else {
      sb.append(r.a()).append(" loses more accuracy under ceil ").append(r.ceil()).append(" than ").append(r.b());
    }
    sb.append(": drop ").append(signedPoints(r.dropA())).append(" vs ").append(signedPoints(r.dropB()))
        .append(" points, Δ ").append(signedPoints(r.delta())).append(" [").append(signedPoints(r.low()))
        .append(", ").append(signedPoints(r.high())).append("], p = ").append(Format.pValue(r.p()));
    if (r.significant() && !(r.p() < 0.05)) {
      sb.append(" (significant by the interval; p is not below 0.05)");
    } else if (!r.significant() && r.p() < 0.05) {
      sb.append(" (the interval holds 0, though p is below 0.05)");
    }
    return sb.append('.').toString();
  }

  /**
   * The rows that answer whether codes of heterogeneous kernels keep accuracy under the cutoff better than
   * homogeneous ones and than pixels: {@value #HETEROGENEOUS} against {@value #HOMOGENEOUS}, then against
   * {@value #PIXELS}, each at the harsher cutoff first (ceil 2, then 4); then the same for every other code
   * (a learned dictionary).
   *
   * @param rows the rows of {@value #RESILIENCE_CSV}
   * @return those rows, in that order
   */
  public static List<Resilience> headlineRows(List<Resilience> rows) {
    List<String> others = new ArrayList<>();
    for (Resilience r : rows) {
      if (!isBaseline(r.a()) && !r.a().equals(HETEROGENEOUS) && !others.contains(r.a())) {
        others.add(r.a());
      }
    }
    List<String> firsts = new ArrayList<>();
    firsts.add(HETEROGENEOUS);
    firsts.addAll(others);
    List<Resilience> out = new ArrayList<>();
    for (String a : firsts) {
      for (String b : List.of(HOMOGENEOUS, PIXELS)) {
        rows.stream().filter(r -> r.a().equals(a) && r.b().equals(b))
            .sorted(java.util.Comparator.comparingDouble(r -> ceilOrder(r.ceil()))).forEach(out::add);
      }
    }
    return out;
  }

  /** Whether an input is one the heterogeneous codes are compared against. */
  private static boolean isBaseline(String input) {
    return input.equals(PIXELS) || input.equals(HOMOGENEOUS);
  }

  /** The harsher cutoff (the smaller divisor) first; a ceil that is not a number last. */
  private static double ceilOrder(String ceil) {
    try {
      return Double.parseDouble(ceil);
    } catch (NumberFormatException e) {
      return Double.POSITIVE_INFINITY;
    }
  }

  /**
   * The headline: does the file say that codes of heterogeneous kernels keep accuracy under the cutoff better
   * than homogeneous ones and than pixels? A count of the {@link #headlineRows} each way, then their sentences.
   *
   * @param rows the rows of {@value #RESILIENCE_CSV}
   * @return one paragraph of plain text; empty when no row compares such codes with thin codes or pixels
   */
  public static String headline(List<Resilience> rows) {
    List<Resilience> h = headlineRows(rows);
    if (h.isEmpty()) {
      return "";
    }
    long better = h.stream().filter(r -> r.significant() && r.delta() > 0).count();
    long worse = h.stream().filter(r -> r.significant() && r.delta() < 0).count();
    int images = h.stream().mapToInt(Resilience::images).max().orElse(0);
    StringBuilder sb = new StringBuilder("Do codes of heterogeneous kernels keep accuracy under the cutoff better"
        + " than homogeneous ones and than pixels? Of " + h.size() + " comparison" + (h.size() == 1 ? "" : "s")
        + " (drop from ceil none, in points; Δ with its 95 % bootstrap interval over " + images + " test images): "
        + better + " significantly better, " + worse + " significantly worse, " + (h.size() - better - worse)
        + " without significant difference.");
    for (Resilience r : h) {
      String s = sentence(r);
      sb.append(' ').append(Character.toUpperCase(s.charAt(0))).append(s.substring(1));
    }
    return sb.toString();
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
    List<Resilience> resilience = resilience(dir.resolve(RESILIENCE_CSV));
    if (!resilience.isEmpty()) {
      sb.append("<h3>Accuracy under the cutoff</h3>\n");
      String headline = headline(resilience);
      if (!headline.isEmpty()) {
        sb.append("<p id=\"downstream-headline\">").append(Html.escape(headline)).append("</p>\n");
      }
      sb.append("<p>Each input's drop (accuracy at the ceil minus at ceil none, in percentage points) and the"
          + " difference of two inputs' drops, Δ = drop of A − drop of B (positive: A keeps accuracy better), with"
          + " its 95 % paired percentile bootstrap interval over the test images (the images resampled once per"
          + " replicate for all four accuracies; per-image correctness averaged over the seeds first) and the"
          + " two-sided bootstrap p-value, twice the smaller share of replicates on either side of 0 (from <code>"
          + RESILIENCE_CSV + "</code>). Significant when the interval excludes 0.</p>\n");
      Table rt = new Table(3, "A", "B", "ceil", "drop A (points)", "drop B (points)", "Δ (points)",
          "95 % CI (points)", "p", "images", "verdict").text(9);
      for (Resilience r : resilience) {
        rt.row(r.a(), r.b(), r.ceil(), Format.fixed(100 * r.dropA(), 2), Format.fixed(100 * r.dropB(), 2),
            Format.fixed(100 * r.delta(), 2), "[" + Format.fixed(100 * r.low(), 2) + ", "
                + Format.fixed(100 * r.high(), 2) + "]", Format.pValue(r.p()), Integer.toString(r.images()),
            r.significant() ? "significant" : "not significant");
      }
      sb.append("<div id=\"downstream-resilience\">").append(rt.html()).append("</div>\n<p>In words:</p>\n"
          + "<ul id=\"downstream-resilience-sentences\">\n");
      for (Resilience r : resilience) {
        sb.append("<li>").append(Html.escape(sentence(r))).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
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

  /**
   * The rows of {@value #RESILIENCE_CSV}.
   *
   * @param file the file
   * @return the rows; empty when absent or unreadable
   */
  public static List<Resilience> resilience(Path file) {
    List<Resilience> rows = new ArrayList<>();
    for (Map<String, String> r : records(file)) {
      rows.add(new Resilience(r.getOrDefault("a", ""), r.getOrDefault("b", ""), r.getOrDefault("ceil", ""),
          number(r.get("drop_a")), number(r.get("drop_b")), number(r.get("delta")), number(r.get("ci_low")),
          number(r.get("ci_high")), number(r.get("p")), (int) number(r.get("images"))));
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
    List<List<String>> lines = MetricsCsv.parse(ReportFiles.text(file).orElse(""));
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
}
