package org.sparsecode.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.report.DownstreamReport;
import org.sparsecode.experiments.report.DownstreamReport.Accuracy;
import org.sparsecode.experiments.report.DownstreamReport.Pair;
import org.sparsecode.experiments.report.DownstreamReport.Resilience;
import org.sparsecode.experiments.results.Json;

/**
 * The analysis and the report of a tiny finished run, written as the downstream stage writes it (each variant's
 * training.json, each seed's training.csv and predictions.csv) with planted predictions: 40 test images, two
 * seeds, pixels and thin codes at ceil none and 2.
 */
class AnalysisTest {
  private static final int TEST = 40;
  private static final List<String> VARIANTS = List.of("pixels-none", "pixels-2", "thin-none", "thin-2");
  /** Per variant, per seed (42, 43): the first this many test images are classified right, the rest wrong. */
  private static final Map<String, int[]> RIGHT = Map.of("pixels-none", new int[] {36, 34}, "pixels-2",
      new int[] {20, 20}, "thin-none", new int[] {34, 35}, "thin-2", new int[] {33, 33});

  @TempDir
  Path tmp;

  private Path dir;
  private String html;
  private String markdown;

  @BeforeEach
  void analyseATinyRun() throws IOException {
    dir = tmp.resolve("run");
    for (String v : VARIANTS) {
      writeVariant(dir.resolve(v), v, v.startsWith("thin") ? Map.of("type", "log-gabor", "preset", "thin") : null,
          v.substring(v.indexOf('-') + 1), RIGHT.get(v));
    }
    List<String> log = new ArrayList<>();
    Analysis.write(dir, "downstream-tiny", VARIANTS, log::add);
    html = Files.readString(dir.resolve("report.html"));
    markdown = Files.readString(dir.resolve(Analysis.MARKDOWN));
  }

  /** Writes a finished variant: config.yaml, training.json and its seeds' files. */
  static void writeVariant(Path vdir, String name, Map<String, Object> dictionary, String ceil, int[] right)
      throws IOException {
    List<Map<String, Object>> runs = new ArrayList<>();
    double mean = 0;
    for (int s = 0; s < right.length; s++) {
      Path sd = Files.createDirectories(vdir.resolve("seed-" + (42 + s)));
      StringBuilder pred = new StringBuilder("index,label,predicted\n");
      for (int i = 0; i < TEST; i++) {
        int label = i % 2;
        pred.append(1000 + i).append(',').append(label).append(',').append(i < right[s] ? label : 1 - label)
            .append('\n');
      }
      Files.writeString(sd.resolve(Trainer.PREDICTIONS_CSV), pred.toString());
      double acc = right[s] / (double) TEST;
      Files.writeString(sd.resolve(Trainer.TRAINING_CSV), "epoch,train_loss,train_accuracy,test_loss,test_accuracy,"
          + "seconds\n1,2.0,0.3,2.1,0.2,1.5\n2,1.0,0.6,1.1," + acc + ",1.5\n");
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("seed", 42 + s);
      run.put("directory", "seed-" + (42 + s));
      run.put("testAccuracy", acc);
      run.put("secondsPerEpoch", 1.5);
      runs.add(run);
      mean += acc / right.length;
    }
    double var = 0;
    for (int r : right) {
      var += Math.pow(r / (double) TEST - mean, 2) / (right.length - 1);
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("name", "downstream-tiny");
    t.put("variant", name);
    t.put("status", "complete");
    t.put("input", dictionary == null ? "pixels" : "codes");
    t.put("dictionary", dictionary);
    t.put("ceil", ceil);
    t.put("train", 80);
    t.put("test", TEST);
    t.put("classes", List.of("zero", "one"));
    t.put("testAccuracy", Map.of("mean", mean, "sd", Math.sqrt(var), "runs", right.length));
    t.put("runs", runs);
    Files.writeString(vdir.resolve(DownstreamStage.RESULTS), Json.pretty(t));
    Files.writeString(vdir.resolve("config.yaml"), "name: downstream-tiny\nnetwork: {ceil: '" + ceil + "'}\n");
  }

  /** The body rows of the table inside the element of this id, each a list of its cells' text, unescaped. */
  static List<List<String>> table(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element " + id).isNotNegative();
    String body = html.substring(html.indexOf("<tbody>", at), html.indexOf("</tbody>", at));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(body);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>", Pattern.DOTALL).matcher(row.group(1));
      while (cell.find()) {
        cells.add(unescape(cell.group(1)));
      }
      rows.add(cells);
    }
    return rows;
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** The sentences of the page's list of paired comparisons, unescaped. */
  static List<String> sentences(String html) {
    return sentences(html, "downstream-sentences");
  }

  /** The sentences of the page's list of this id, unescaped. */
  static List<String> sentences(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).isNotNegative();
    String list = html.substring(at, html.indexOf("</ul>", at));
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<li>(.*?)</li>").matcher(list);
    while (m.find()) {
      out.add(unescape(m.group(1)));
    }
    return out;
  }

  private static double number(String cell) {
    return Double.parseDouble(cell.replace('−', '-'));
  }

  @Test
  void theAccuracyTableHoldsTheNumbersOfAccuracyCsv() {
    List<Accuracy> csv = DownstreamReport.accuracy(dir.resolve(Analysis.ACCURACY_CSV));
    assertThat(csv).extracting(Accuracy::variant).containsExactlyElementsOf(VARIANTS);
    // the planted accuracies: pixels-none 36 and 34 of 40 right
    assertThat(csv.get(0).mean()).isCloseTo(0.875, within(1e-6));
    assertThat(csv.get(0).sd()).isCloseTo(Math.sqrt(2) * 0.025, within(1e-6));
    List<List<String>> rows = table(html, "downstream-accuracy");
    assertThat(rows).hasSize(csv.size());
    for (int i = 0; i < csv.size(); i++) {
      Accuracy a = csv.get(i);
      List<String> row = rows.get(i);
      assertThat(row.subList(0, 7)).containsExactly(a.variant(), a.input(), a.variant().startsWith("thin")
          ? "log-gabor thin" : "—", a.ceil(), "2", "80", "40");
      String[] acc = row.get(7).split(" ± ");
      assertThat(number(acc[0])).isCloseTo(100 * a.mean(), within(0.005 + 1e-9));
      assertThat(number(acc[1])).isCloseTo(100 * a.sd(), within(0.005 + 1e-9));
      assertThat(number(row.get(8))).isCloseTo(1.5, within(1e-9));
    }
  }

  @Test
  void thePairedTableHoldsTheNumbersOfPairedCsv() {
    List<Pair> csv = DownstreamReport.pairs(dir.resolve(Analysis.PAIRED_CSV));
    assertThat(csv).extracting(p -> p.a() + " " + p.b()).containsExactly("pixels-none pixels-2",
        "pixels-none thin-none", "pixels-2 thin-2", "thin-none thin-2");
    // pixels-none − pixels-2: (36 − 20 + 34 − 20) / 2 images of 40
    assertThat(csv.get(0).difference()).isCloseTo(15 / 40.0, within(1e-6));
    assertThat(csv.get(0).onlyA()).isEqualTo(30);
    List<List<String>> rows = table(html, "downstream-paired");
    assertThat(rows).hasSize(csv.size());
    for (int i = 0; i < csv.size(); i++) {
      Pair p = csv.get(i);
      List<String> row = rows.get(i);
      assertThat(row.get(0)).isEqualTo(p.a() + " − " + p.b());
      assertThat(Integer.parseInt(row.get(2))).isEqualTo(p.images());
      assertThat(number(row.get(3))).isCloseTo(100 * p.difference(), within(0.005 + 1e-9));
      String[] ci = row.get(4).replaceAll("[\\[\\]]", "").split(", ");
      assertThat(number(ci[0])).isCloseTo(100 * p.low(), within(0.005 + 1e-9));
      assertThat(number(ci[1])).isCloseTo(100 * p.high(), within(0.005 + 1e-9));
      assertThat(row.get(5)).isEqualTo(p.onlyA() + " / " + p.onlyB());
      assertThat(number(row.get(6))).isCloseTo(p.p(), within(Math.max(1e-12, p.p() * 5e-3)));
      assertThat(row.get(7)).isEqualTo(p.low() > 0 || p.high() < 0 ? "significant" : "not significant");
    }
  }

  @Test
  void theSentencesSaySignificantOnlyWhenTheIntervalExcludesZero() {
    List<Pair> csv = DownstreamReport.pairs(dir.resolve(Analysis.PAIRED_CSV));
    List<String> sentences = sentences(html);
    assertThat(sentences).hasSize(csv.size());
    int significant = 0;
    for (int i = 0; i < csv.size(); i++) {
      boolean excludes = csv.get(i).low() > 0 || csv.get(i).high() < 0;
      significant += excludes ? 1 : 0;
      assertThat(sentences.get(i)).startsWith(csv.get(i).a() + " − " + csv.get(i).b());
      assertThat(sentences.get(i).contains(": significant,")).as(sentences.get(i)).isEqualTo(excludes);
      assertThat(sentences.get(i).contains("no significant difference")).as(sentences.get(i)).isEqualTo(!excludes);
    }
    // the planted run has both kinds: pixels lose 37.5 points under ceil 2, thin codes 3.75 (on two images)
    assertThat(significant).isEqualTo(2);
    assertThat(sentences.get(0)).startsWith("pixels-none − pixels-2 (pixels, ceil none → 2): +37.5 points [")
        .endsWith(": significant, accuracy falls from ceil none to 2.");
    assertThat(sentences.get(3)).startsWith("thin-none − thin-2 (codes log-gabor thin, ceil none → 2): +3.8 points"
        + " [0.0, ").endsWith(": no significant difference.");
  }

  @Test
  void theSummaryHoldsTheSameSentencesAsThePage() {
    List<String> lines = markdown.lines().filter(l -> l.startsWith("- ")).map(l -> l.substring(2)).toList();
    List<String> page = new ArrayList<>(sentences(html, "downstream-resilience-sentences"));
    page.addAll(sentences(html));
    assertThat(lines).isEqualTo(page);
  }

  @Test
  void thinCodesAgainstPixelsGiveTheDifferenceOfTheirDropsUnderCeilTwo() {
    List<Resilience> rows = DownstreamReport.resilience(dir.resolve(DownstreamReport.RESILIENCE_CSV));
    assertThat(rows).hasSize(1);
    Resilience r = rows.get(0);
    assertThat(List.of(r.a(), r.b(), r.ceil())).containsExactly("thin", "pixels", "2");
    // thin: 34.5 → 33 of 40 right (mean over seeds); pixels: 35 → 20
    assertThat(r.dropA()).isCloseTo(-1.5 / TEST, within(1e-6));
    assertThat(r.dropB()).isCloseTo(-15.0 / TEST, within(1e-6));
    assertThat(r.delta()).isCloseTo(13.5 / TEST, within(1e-6));
    assertThat(r.low()).isPositive();
    assertThat(r.images()).isEqualTo(TEST);
    // no heterogeneous codes in this run: no headline
    assertThat(html).doesNotContain("downstream-headline");
  }

  /** Writes a run of pixels, thin, full and learned codes at ceil none and 2, under names that say nothing. */
  private Path writeFourInputs() throws IOException {
    Path run = tmp.resolve("four");
    Map<String, Object> thin = Map.of("type", "log-gabor", "preset", "thin");
    Map<String, Object> full = Map.of("type", "log-gabor", "preset", "full");
    Map<String, Object> learned = Map.of("type", "npy-file", "path", "dictionaries/learned-full.npy");
    // right on the first k of 40 images: full 36 → 34, thin 36 → 26, learned 36 → 26, pixels 36 → 16
    writeVariant(run.resolve("v1"), "v1", null, "2", new int[] {16});
    writeVariant(run.resolve("v2"), "v2", thin, "none", new int[] {36});
    writeVariant(run.resolve("v3"), "v3", full, "2", new int[] {34});
    writeVariant(run.resolve("v4"), "v4", learned, "none", new int[] {36});
    writeVariant(run.resolve("v5"), "v5", thin, "2", new int[] {26});
    writeVariant(run.resolve("v6"), "v6", full, "none", new int[] {36});
    writeVariant(run.resolve("v7"), "v7", null, "none", new int[] {36});
    writeVariant(run.resolve("v8"), "v8", learned, "2", new int[] {26});
    Analysis.write(run, "four", List.of("v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8"), line -> { });
    return run;
  }

  @Test
  void theInputsAreFoundByTheirSettingsAndComparedLearnedFullThinPixels() throws IOException {
    Path run = writeFourInputs();
    List<Resilience> rows = DownstreamReport.resilience(run.resolve(DownstreamReport.RESILIENCE_CSV));
    assertThat(rows).extracting(r -> r.a() + " " + r.b() + " " + r.ceil()).containsExactly("learned full 2",
        "learned thin 2", "learned pixels 2", "full thin 2", "full pixels 2", "thin pixels 2");
    Resilience fullThin = rows.get(3);
    assertThat(fullThin.dropA()).isCloseTo(-0.05, within(1e-6));
    assertThat(fullThin.dropB()).isCloseTo(-0.25, within(1e-6));
    assertThat(fullThin.delta()).isCloseTo(0.2, within(1e-6));
    assertThat(fullThin.low()).isPositive();
    assertThat(fullThin.p()).isLessThan(0.01);
    // learned and thin lose the same images: every replicate's Δ is 0
    Resilience learnedThin = rows.get(1);
    assertThat(learnedThin.delta()).isZero();
    assertThat(learnedThin.low()).isZero();
    assertThat(learnedThin.high()).isZero();
    assertThat(learnedThin.p()).isEqualTo(1.0);
  }

  @Test
  void thePairsCompareOneInputAcrossCeilsOrInputsAtOneCeilNeverTwoInputsAtTwoCeils() throws IOException {
    Path run = writeFourInputs();
    // inputs: v1/v7 pixels, v2/v5 thin, v3/v6 full, v4/v8 learned; ceil none: v2, v4, v6, v7
    assertThat(DownstreamReport.pairs(run.resolve(Analysis.PAIRED_CSV))).extracting(p -> p.a() + "-" + p.b())
        .containsExactlyInAnyOrder("v1-v3", "v1-v5", "v1-v7", "v1-v8", "v2-v4", "v2-v5", "v2-v6", "v2-v7", "v3-v5",
            "v3-v6", "v3-v8", "v4-v6", "v4-v7", "v4-v8", "v5-v8", "v6-v7");
  }

  @Test
  void theResilienceTableOfThePageHoldsTheNumbersOfResilienceCsv() throws IOException {
    Path run = writeFourInputs();
    List<Resilience> csv = DownstreamReport.resilience(run.resolve(DownstreamReport.RESILIENCE_CSV));
    List<List<String>> rows = table(Files.readString(run.resolve("report.html")), "downstream-resilience");
    assertThat(rows).hasSize(csv.size());
    for (int i = 0; i < csv.size(); i++) {
      Resilience r = csv.get(i);
      List<String> row = rows.get(i);
      assertThat(row.subList(0, 3)).containsExactly(r.a(), r.b(), r.ceil());
      assertThat(number(row.get(3))).isCloseTo(100 * r.dropA(), within(0.005 + 1e-9));
      assertThat(number(row.get(4))).isCloseTo(100 * r.dropB(), within(0.005 + 1e-9));
      assertThat(number(row.get(5))).isCloseTo(100 * r.delta(), within(0.005 + 1e-9));
      String[] ci = row.get(6).replaceAll("[\\[\\]]", "").split(", ");
      assertThat(number(ci[0])).isCloseTo(100 * r.low(), within(0.005 + 1e-9));
      assertThat(number(ci[1])).isCloseTo(100 * r.high(), within(0.005 + 1e-9));
      assertThat(number(row.get(7))).isCloseTo(r.p(), within(Math.max(1e-12, r.p() * 5e-3)));
      assertThat(Integer.parseInt(row.get(8))).isEqualTo(r.images());
      assertThat(row.get(9)).isEqualTo(r.significant() ? "significant" : "not significant");
    }
  }

  @Test
  void theHeadlineAnswersWithTheFullThenLearnedRowsTheSameInTheSummaryAndThePage() throws IOException {
    Path run = writeFourInputs();
    String page = Files.readString(run.resolve("report.html"));
    String md = Files.readString(run.resolve(Analysis.MARKDOWN));
    int at = page.indexOf("<p id=\"downstream-headline\">");
    assertThat(at).isNotNegative();
    String headline = unescape(page.substring(at + "<p id=\"downstream-headline\">".length(),
        page.indexOf("</p>", at)));
    assertThat(md).contains("\n" + headline + "\n");
    assertThat(headline).startsWith("Do codes of heterogeneous kernels keep accuracy under the cutoff better than"
        + " homogeneous ones and than pixels? Of 4 comparisons (drop from ceil none, in points; Δ with its 95 %"
        + " bootstrap interval over 40 test images): 3 significantly better, 0 significantly worse, 1 without"
        + " significant difference. Full keeps accuracy under ceil 2 better than thin: drop −5.0 vs −25.0 points,"
        + " Δ +20.0 [+");
    assertThat(headline.indexOf("Full keeps accuracy under ceil 2 better than thin"))
        .isLessThan(headline.indexOf("Full keeps accuracy under ceil 2 better than pixels"));
    assertThat(headline.indexOf("better than pixels: drop −5.0"))
        .isLessThan(headline.indexOf("No significant difference between learned and thin in the drop under ceil 2:"
            + " drop −25.0 vs −25.0 points, Δ 0.0 [0.0, 0.0], p = 1.00."));
    assertThat(headline.lastIndexOf(". Learned keeps accuracy under ceil 2 better than pixels: drop −25.0 vs −50.0"
        + " points, Δ +25.0 [")).isGreaterThan(headline.indexOf("No significant difference between learned"));
  }

  @Test
  void theSummaryTableGivesTheTestImagesAndTheSdOnlyOverSeveralSeeds() throws IOException {
    assertThat(markdown).contains("| pixels-none | pixels | none | 2 | 40 | 0.8750 ± 0.0354 | 1.5 |")
        .contains("| thin-2 | codes log-gabor thin | 2 | 2 | 40 | 0.8250 ± 0.0000 | 1.5 |");
    Path single = tmp.resolve("single");
    writeVariant(single, null, null, "none", new int[] {30});
    Analysis.write(single, "single", List.of(), line -> { });
    assertThat(Files.readString(single.resolve(Analysis.MARKDOWN)))
        .contains("| single | pixels | none | 1 | 40 | 0.7500 | 1.5 |");
  }

  @Test
  void theCurvesAndTheConfusionMatrixAreEmbedded() throws IOException {
    for (String png : List.of(Analysis.CURVES_PNG, Analysis.CONFUSION_PNG)) {
      Matcher m = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"[^>]*><figcaption>[^<]*<code>\\("
          + Pattern.quote(png) + "\\)</code>").matcher(html);
      assertThat(m.find()).as(png).isTrue();
      assertThat(Base64.getDecoder().decode(m.group(1))).isEqualTo(Files.readAllBytes(dir.resolve(png)));
    }
    assertThat(html).contains("most accurate variant, pixels-none").doesNotContain("src=\"http");
  }

  @Test
  void aFileWithoutVariantsIsReportedUnderItsEscapedName() throws IOException {
    Path single = tmp.resolve("single");
    writeVariant(single, null, null, "none", new int[] {30});
    Analysis.write(single, "a<b>&c", List.of(), line -> { });
    String page = Files.readString(single.resolve("report.html"));
    assertThat(page).contains("<title>a&lt;b&gt;&amp;c</title>").doesNotContain("a<b>");
    assertThat(table(page, "downstream-accuracy")).hasSize(1).first().satisfies(row -> assertThat(row.subList(0, 4))
        .containsExactly("a<b>&c", "pixels", "—", "none"));
    assertThat(page).contains("id=\"configuration\"").contains("network: {ceil: &#39;none&#39;}");
  }
}
