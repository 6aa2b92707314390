package org.sparsecode.downstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.eval.plot.AxisChart;
import org.sparsecode.eval.plot.HeatmapChart;
import org.sparsecode.experiments.config.NetworkSettings;
import org.sparsecode.experiments.report.DownstreamReport;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The analysis of a file's finished trainings, from their files alone ({@code results.json}, each seed's
 * {@code training.csv} and {@code predictions.csv}), so that it is the same after a resumed run:
 * {@value #MARKDOWN} (the accuracy table, mean ± sd over seeds, and the paired comparisons with their intervals
 * over test images, and whether each input keeps accuracy under a cutoff better than another, headed by the
 * answer for heterogeneous codes), {@value #ACCURACY_CSV}, {@value #PAIRED_CSV}, {@value #RESILIENCE_CSV} (the
 * differences of drops, {@link DropDifference}), {@value #CURVES_PNG} (test accuracy per epoch,
 * mean over seeds) and the confusion matrix of the most accurate variant ({@value #CONFUSION_CSV},
 * {@value #CONFUSION_PNG}); then {@code report.html}, whose "Downstream classifier" section {@link DownstreamReport}
 * builds from those files (the report package is in the experiments module, which this one depends on). Each
 * comparison is said in a sentence ({@link DownstreamReport#sentence}), the same in the summary and the page.
 *
 * <p>Pairs compared: variants of the same ceil with different inputs (pixels, or codes of another dictionary),
 * and variants of the same input with different ceils. Differences of drops: every two inputs (found by their
 * resolved settings, {@link InputKey}, not by the variants' names) that each have a variant at ceil none and one
 * at the cutoff, on the same test images (the index column of the predictions).
 */
public final class Analysis {
  /** The summary. */
  public static final String MARKDOWN = org.sparsecode.experiments.encode.TrainingStage.SUMMARY;
  /** A row per variant. */
  public static final String ACCURACY_CSV = DownstreamReport.ACCURACY_CSV;
  /** A row per pair. */
  public static final String PAIRED_CSV = DownstreamReport.PAIRED_CSV;
  /** A row per difference of drops under a cutoff. */
  public static final String RESILIENCE_CSV = DownstreamReport.RESILIENCE_CSV;
  /** Test accuracy per epoch. */
  public static final String CURVES_PNG = DownstreamReport.CURVES_PNG;
  /** The best variant's confusion matrix, counts summed over seeds. */
  public static final String CONFUSION_CSV = "confusion.csv";
  /** The same, drawn. */
  public static final String CONFUSION_PNG = DownstreamReport.CONFUSION_PNG;

  private Analysis() {}

  /** One finished variant, read back. */
  record Variant(String label, String input, String dictionary, String ceil, double mean, double sd,
      List<String> classes, List<boolean[]> correct, List<int[][]> predictions, List<double[][]> curves,
      double secondsPerEpoch, int train, int test, InputKey key, List<String> images) {
    /** The row of accuracy.csv. */
    DownstreamReport.Accuracy accuracy() {
      return new DownstreamReport.Accuracy(label, input, dictionary, ceil, correct.size(), mean, sd, secondsPerEpoch,
          train, test);
    }
  }

  /**
   * What a variant feeds its network apart from the cutoff, from its resolved settings: variants of equal keys
   * differ only in their ceil.
   *
   * @param name the input's short name: {@code pixels}, the log-Gabor preset ({@code thin}, {@code full}),
   *     {@code learned} for a dictionary read from a file (the files the downstream experiments read are what
   *     the dictionary learning writes), the dictionary's type otherwise
   * @param settings the input, the resolved dictionary, network (without its ceil) and training blocks
   * @param rank the order of the inputs in a comparison: learned, other codes, thin, pixels (the first is the
   *     one whose resilience is in question)
   */
  record InputKey(String name, String settings, int rank) {}

  /**
   * Writes the analysis of the finished variants found.
   *
   * @param directory the output directory
   * @param name the experiment's name
   * @param variants the variants' names, or empty for a file without variants (its run is the directory)
   * @param log where a line about what was written goes
   */
  public static void write(Path directory, String name, List<String> variants, Consumer<String> log) {
    List<Variant> done = new ArrayList<>();
    for (String v : variants.isEmpty() ? List.of(name) : variants) {
      Path dir = variants.isEmpty() ? directory : directory.resolve(v);
      Map<String, Object> r = DownstreamStage.results(dir);
      if (r != null) {
        done.add(read(v, dir, r));
      }
    }
    if (done.isEmpty()) {
      return;
    }
    StringBuilder md = new StringBuilder("# " + name + ": downstream classifier\n\n");
    StringBuilder csv = new StringBuilder(DownstreamReport.ACCURACY_HEADER + "\n");
    md.append("Test accuracy of the last epoch, mean ± sd over seeds where there are several.\n\n");
    md.append("| variant | input | ceil | runs | test images | test accuracy | s/epoch |\n"
        + "|---|---|---|---|---|---|---|\n");
    for (Variant v : done) {
      DownstreamReport.Accuracy a = v.accuracy();
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %.4f%s | %.1f |%n", v.label(),
          a.inputLabel(), v.ceil(), v.correct().size(), v.test(), v.mean(), v.correct().size() > 1
              ? String.format(Locale.ROOT, " ± %.4f", v.sd()) : "", v.secondsPerEpoch()));
      csv.append(a.csv()).append('\n');
    }
    AtomicFiles.writeString(directory.resolve(ACCURACY_CSV), csv.toString());
    resilience(directory, done, md);
    StringBuilder pcsv = new StringBuilder(DownstreamReport.PAIRED_HEADER + "\n");
    List<String> rows = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    for (int i = 0; i < done.size(); i++) {
      for (int j = i + 1; j < done.size(); j++) {
        Variant a = done.get(i);
        Variant b = done.get(j);
        boolean sameCeil = a.ceil().equals(b.ceil());
        boolean sameInput = a.key().equals(b.key());
        if (sameCeil == sameInput || a.correct().size() != b.correct().size()
            || a.correct().get(0).length != b.correct().get(0).length) {
          continue;
        }
        Paired p = Paired.compare(a.correct().toArray(new boolean[0][]), b.correct().toArray(new boolean[0][]),
            42);
        DownstreamReport.Pair pair = new DownstreamReport.Pair(a.label(), b.label(), p.n(), p.onlyA(), p.onlyB(),
            p.difference(), p.low(), p.high(), p.p());
        pcsv.append(pair.csv()).append('\n');
        sentences.add(DownstreamReport.sentence(pair, a.accuracy(), b.accuracy()));
        rows.add(String.format(Locale.ROOT, "| %s − %s | %+.4f | [%+.4f, %+.4f] | %d / %d | %.3g |", a.label(),
            b.label(), p.difference(), p.low(), p.high(), p.onlyA(), p.onlyB(), p.p()));
      }
    }
    AtomicFiles.writeString(directory.resolve(PAIRED_CSV), pcsv.toString());
    if (!rows.isEmpty()) {
      md.append("\nPaired differences on the same test images (same seeds paired): accuracy of the first minus the"
          + " second, a 95 % percentile bootstrap interval over images (" + Paired.RESAMPLES + " resamples), the"
          + " discordant images (only the first right / only the second right, summed over seeds) and McNemar's"
          + " exact p.\n\n| pair | difference | 95 % CI | discordant | McNemar p |\n|---|---|---|---|---|\n");
      rows.forEach(r -> md.append(r).append('\n'));
      md.append("\nIn words (significant: the interval excludes 0):\n\n");
      sentences.forEach(t -> md.append("- ").append(t).append('\n'));
    }
    List<AxisChart.Series> series = new ArrayList<>();
    for (Variant v : done) {
      int epochs = v.curves().stream().mapToInt(c -> c.length).min().orElse(0);
      double[] x = new double[epochs];
      double[] y = new double[epochs];
      for (int e = 0; e < epochs; e++) {
        x[e] = e + 1;
        for (double[][] c : v.curves()) {
          y[e] += c[e][1] / v.curves().size();
        }
      }
      series.add(new AxisChart.Series(v.label(), x, y, null));
    }
    AxisChart.write(directory.resolve(CURVES_PNG), name + ": test accuracy", "epoch", "test accuracy (mean over"
        + " seeds)", series, false);
    Variant best = done.stream().max((p, q) -> Double.compare(p.mean(), q.mean())).orElseThrow();
    int k = best.classes().size();
    double[][] confusion = new double[k][k];
    for (int[][] pr : best.predictions()) {
      for (int[] row : pr) {
        confusion[row[0]][row[1]]++;
      }
    }
    StringBuilder cc = new StringBuilder("label\\predicted," + String.join(",", best.classes()) + "\n");
    md.append("\nConfusion matrix of the most accurate variant, ").append(best.label())
        .append(" (rows: true class, columns: predicted; counts summed over seeds):\n\n| | ")
        .append(String.join(" | ", best.classes())).append(" |\n|---|").append("---|".repeat(k)).append('\n');
    for (int t = 0; t < k; t++) {
      cc.append(best.classes().get(t));
      md.append("| ").append(best.classes().get(t)).append(" |");
      for (int p = 0; p < k; p++) {
        cc.append(',').append((long) confusion[t][p]);
        md.append(' ').append((long) confusion[t][p]).append(" |");
      }
      cc.append('\n');
      md.append('\n');
    }
    AtomicFiles.writeString(directory.resolve(CONFUSION_CSV), cc.toString());
    double[][] flipped = new double[k][];
    for (int t = 0; t < k; t++) {
      flipped[t] = confusion[k - 1 - t];
    }
    List<String> reversed = new ArrayList<>(best.classes());
    java.util.Collections.reverse(reversed);
    HeatmapChart.write(directory.resolve(CONFUSION_PNG), best.label() + ": confusion matrix (counts)",
        new HeatmapChart.Grid("predicted", best.classes(), "true class", reversed, flipped), 0);
    AtomicFiles.writeString(directory.resolve(MARKDOWN), md.toString());
    DownstreamReport.write(new RunDirectory(directory), name, variants, new ProgressReporter() {
      @Override
      public void info(String line) {
        log.accept(line);
      }
    });
    log.accept("analysis: " + directory.resolve(MARKDOWN) + " (best: " + best.label() + String.format(Locale.ROOT,
        " %.4f)", best.mean()));
  }

  /**
   * The differences of drops under each cutoff between every two inputs that have a variant at ceil none and one
   * at the cutoff, all four on the same test images: {@value DownstreamReport#RESILIENCE_CSV} and, when there is
   * a row, the headline, the table and the sentences in the summary.
   */
  private static void resilience(Path directory, List<Variant> done, StringBuilder md) {
    // the inputs (first variant of each key and ceil), in their comparison order
    Map<InputKey, Map<String, Variant>> inputs = new TreeMap<>(Comparator
        .comparingInt(InputKey::rank).thenComparingInt(k -> indexOfKey(done, k)));
    List<String> cutoffs = new ArrayList<>();
    for (Variant v : done) {
      inputs.computeIfAbsent(v.key(), k -> new LinkedHashMap<>()).putIfAbsent(v.ceil(), v);
      if (!v.ceil().equals(NetworkSettings.NO_CEIL) && !cutoffs.contains(v.ceil())) {
        cutoffs.add(v.ceil());
      }
    }
    List<InputKey> keys = new ArrayList<>(inputs.keySet());
    List<Variant> used = new ArrayList<>();
    List<DropDifference.Contrast> contrasts = new ArrayList<>();
    List<String[]> labels = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      for (int j = i + 1; j < keys.size(); j++) {
        for (String c : cutoffs) {
          Map<String, Variant> a = inputs.get(keys.get(i));
          Map<String, Variant> b = inputs.get(keys.get(j));
          String none = NetworkSettings.NO_CEIL;
          List<Variant> four = Arrays.asList(a.get(none), a.get(c), b.get(none), b.get(c));
          if (four.contains(null) || four.stream().anyMatch(v -> !v.images().equals(four.get(0).images()))) {
            continue;
          }
          int[] at = new int[4];
          for (int k = 0; k < 4; k++) {
            if (!used.contains(four.get(k))) {
              used.add(four.get(k));
            }
            at[k] = used.indexOf(four.get(k));
          }
          contrasts.add(new DropDifference.Contrast(at[0], at[1], at[2], at[3]));
          labels.add(new String[] {keys.get(i).name(), keys.get(j).name(), c});
        }
      }
    }
    double[][] correct = used.stream().map(v -> DropDifference.meanOverRuns(v.correct())).toArray(double[][]::new);
    List<DropDifference.Result> results = DropDifference.compare(correct, contrasts, 42);
    StringBuilder out = new StringBuilder(DownstreamReport.RESILIENCE_HEADER + "\n");
    for (int r = 0; r < results.size(); r++) {
      DropDifference.Result x = results.get(r);
      String[] l = labels.get(r);
      DownstreamReport.Resilience row = new DownstreamReport.Resilience(l[0], l[1], l[2], x.dropA(), x.dropB(),
          x.delta(), x.low(), x.high(), x.p(), x.images());
      out.append(row.csv()).append('\n');
    }
    Path file = directory.resolve(DownstreamReport.RESILIENCE_CSV);
    AtomicFiles.writeString(file, out.toString());
    // the summary says what the page says: both from the file's rounded numbers
    List<DownstreamReport.Resilience> rows = DownstreamReport.resilience(file);
    if (rows.isEmpty()) {
      return;
    }
    md.append("\n## Accuracy under the cutoff\n\n");
    String headline = DownstreamReport.headline(rows);
    if (!headline.isEmpty()) {
      md.append(headline).append("\n\n");
    }
    md.append("Each input's drop (accuracy at the ceil minus at ceil none, in points) and Δ = drop of A − drop of B"
        + " (positive: A keeps accuracy better), with a 95 % paired percentile bootstrap interval over the test"
        + " images (" + DropDifference.RESAMPLES + " replicates, each resampling the images once for all four"
        + " accuracies; per-image correctness averaged over the seeds first) and the two-sided bootstrap p-value"
        + " (twice the smaller share of replicates on either side of 0, counting the observed Δ: never below"
        + String.format(Locale.ROOT, " %.1e", 2.0 / (DropDifference.RESAMPLES + 1)) + ").\n\n"
        + "| A | B | ceil | drop A (points) | drop B (points) | Δ (points) | 95 % CI (points) | p | images |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (DownstreamReport.Resilience r : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %+.2f | %+.2f | %+.2f | [%+.2f, %+.2f] | %.3g | %d |%n",
          r.a(), r.b(), r.ceil(), 100 * r.dropA(), 100 * r.dropB(), 100 * r.delta(), 100 * r.low(), 100 * r.high(),
          r.p(), r.images()));
    }
    md.append("\nIn words (significant: the interval excludes 0):\n\n");
    rows.forEach(r -> md.append("- ").append(DownstreamReport.sentence(r)).append('\n'));
  }

  /** Where the first variant of an input stands in the file. */
  private static int indexOfKey(List<Variant> done, InputKey key) {
    for (int i = 0; i < done.size(); i++) {
      if (done.get(i).key().equals(key)) {
        return i;
      }
    }
    return done.size();
  }

  /** The input of a variant's results, apart from its ceil. */
  @SuppressWarnings("unchecked")
  static InputKey inputKey(Map<String, Object> r) {
    String input = String.valueOf(r.get("input"));
    Object dictionary = r.get("dictionary");
    Map<String, Object> network = r.get("network") instanceof Map<?, ?> n
        ? new TreeMap<>((Map<String, Object>) n) : new TreeMap<>();
    network.remove("ceil");
    String settings = input + " | " + sorted(dictionary) + " | " + sorted(network) + " | " + sorted(r.get("training"));
    if (!(dictionary instanceof Map<?, ?> d) || DownstreamReport.PIXELS.equals(input)) {
      return new InputKey(input, settings, 3);
    }
    if (d.get("preset") != null) {
      String preset = String.valueOf(d.get("preset"));
      return new InputKey(preset, settings, preset.equals(DownstreamReport.HOMOGENEOUS) ? 2 : 1);
    }
    if (d.get("path") != null) {
      return new InputKey("learned", settings, 0);
    }
    return new InputKey(String.valueOf(d.get("type")), settings, 1);
  }

  /** A settings value as text whatever the order of its maps' keys. */
  private static String sorted(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, String> t = new TreeMap<>();
      m.forEach((k, v) -> t.put(String.valueOf(k), sorted(v)));
      return t.toString();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(Analysis::sorted).toList().toString();
    }
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  private static Variant read(String label, Path dir, Map<String, Object> r) {
    String input = String.valueOf(r.get("input"));
    String dictionary = "";
    if (r.get("dictionary") instanceof Map<?, ?> d) {
      dictionary = d.get("type") + (d.get("preset") != null ? " " + d.get("preset") : "")
          + (d.get("path") != null ? " " + d.get("path") : "");
    }
    Map<String, Object> acc = (Map<String, Object>) r.get("testAccuracy");
    List<boolean[]> correct = new ArrayList<>();
    List<int[][]> predictions = new ArrayList<>();
    List<double[][]> curves = new ArrayList<>();
    double seconds = 0;
    List<String> images = null;
    List<Map<String, Object>> runs = (List<Map<String, Object>>) r.get("runs");
    for (Map<String, Object> run : runs) {
      Path sd = dir.resolve(String.valueOf(run.get("directory")));
      List<String[]> pred = csv(sd.resolve(Trainer.PREDICTIONS_CSV));
      if (images == null) {
        images = pred.stream().map(row -> row[0]).toList();
      }
      boolean[] c = new boolean[pred.size()];
      int[][] p = new int[pred.size()][];
      for (int i = 0; i < c.length; i++) {
        int label0 = Integer.parseInt(pred.get(i)[1]);
        int guess = Integer.parseInt(pred.get(i)[2]);
        c[i] = label0 == guess;
        p[i] = new int[] {label0, guess};
      }
      correct.add(c);
      predictions.add(p);
      List<String[]> tr = csv(sd.resolve(Trainer.TRAINING_CSV));
      double[][] curve = new double[tr.size()][];
      for (int e = 0; e < curve.length; e++) {
        curve[e] = new double[] {Double.parseDouble(tr.get(e)[3]), Double.parseDouble(tr.get(e)[4])};
      }
      curves.add(curve);
      seconds += Json.number(run.get("secondsPerEpoch")) / runs.size();
    }
    return new Variant(label, input, dictionary, String.valueOf(r.get("ceil")), Json.number(acc.get("mean")),
        Json.number(acc.get("sd")), ((List<Object>) r.get("classes")).stream().map(Objects::toString).toList(),
        correct, predictions, curves, seconds, count(r.get("train")), count(r.get("test")), inputKey(r),
        images == null ? List.of() : images);
  }

  /** An image count of training.json; 0 when absent. */
  private static int count(Object value) {
    return value == null ? 0 : (int) Json.number(value);
  }

  /** The rows of a CSV file without its header. */
  private static List<String[]> csv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      List<String[]> rows = new ArrayList<>();
      for (String l : lines.subList(1, lines.size())) {
        if (!l.isBlank()) {
          rows.add(l.split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

}
