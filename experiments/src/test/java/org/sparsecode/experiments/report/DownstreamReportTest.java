package org.sparsecode.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.experiments.report.DownstreamReport.Accuracy;
import org.sparsecode.experiments.report.DownstreamReport.Pair;
import org.sparsecode.experiments.report.DownstreamReport.Resilience;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.run.ProgressReporter;

class DownstreamReportTest {
  private static final long BASE_SEED = 0x5EED_D0E5L;
  private static final Accuracy THIN_2 = new Accuracy("thin-2", "codes", "log-gabor thin", "2", 1, 0.80, 0, 3, 400,
      200);
  private static final Accuracy FULL_2 = new Accuracy("full-2", "codes", "log-gabor full", "2", 1, 0.815, 0, 3, 400,
      200);
  private static final Accuracy FULL_NONE = new Accuracy("full-none", "codes", "log-gabor full", "none", 1, 0.85, 0,
      3, 400, 200);

  @TempDir
  Path tmp;

  @Test
  void aComparisonWhoseIntervalHoldsZeroReadsAsNoSignificantDifference() {
    Pair p = new Pair("full-2", "thin-2", 200, 12, 9, 0.015, -0.003, 0.032, 0.12);
    assertThat(DownstreamReport.sentence(p, FULL_2, THIN_2))
        .isEqualTo("full-2 − thin-2 at ceil 2: +1.5 points [−0.3, 3.2], McNemar p = 0.120: no significant difference.");
  }

  @Test
  void aSignificantDropUnderTheCutoffIsSaidWithItsDirection() {
    Pair p = new Pair("full-none", "full-2", 200, 14, 2, 0.06, 0.025, 0.095, 0.0042);
    assertThat(DownstreamReport.sentence(p, FULL_NONE, FULL_2)).isEqualTo("full-none − full-2 (codes log-gabor full,"
        + " ceil none → 2): +6.0 points [2.5, 9.5], McNemar p = 0.00420: significant, accuracy falls from ceil none"
        + " to 2.");
  }

  @Test
  void aSignificantDifferenceBetweenInputsNamesTheMoreAccurateVariant() {
    Pair p = new Pair("thin-2", "full-2", 200, 2, 14, -0.06, -0.095, -0.025, 0.0042);
    assertThat(DownstreamReport.sentence(p, THIN_2, FULL_2)).endsWith(": significant, full-2 is more accurate.");
  }

  @Test
  void aDisagreementOfMcNemarWithTheIntervalIsSaid() {
    Pair notByInterval = new Pair("full-2", "thin-2", 200, 12, 4, 0.04, 0, 0.08, 0.03);
    Pair notByMcNemar = new Pair("full-2", "thin-2", 200, 12, 4, 0.04, 0.005, 0.08, 0.07);
    assertThat(DownstreamReport.sentence(notByInterval, FULL_2, THIN_2))
        .endsWith("no significant difference (the interval holds 0, though McNemar's p is below 0.05).");
    assertThat(DownstreamReport.sentence(notByMcNemar, FULL_2, THIN_2))
        .endsWith("significant, full-2 is more accurate (by the interval; McNemar's p is not below 0.05).");
  }

  @Test
  void anIntervalEndCloseToZeroDoesNotReadAsZero() {
    assertThat(DownstreamReport.points(0.0002)).isEqualTo("0.020");
    assertThat(DownstreamReport.points(-0.0002)).isEqualTo("−0.020");
    assertThat(DownstreamReport.points(0)).isEqualTo("0.0");
  }

  /** Whether a sentence's verdict calls its comparison significant. */
  private static boolean saysSignificant(String sentence) {
    return sentence.contains(": significant,");
  }

  private static void checkSignificanceFollowsTheInterval(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int images = 1 + r.nextInt(2000);
    double step = 1.0 / images;
    // ends on the test set's grid, often exactly 0, sometimes a single image away from it
    double low = step * (r.nextInt(5) == 0 ? 0 : r.nextInt(-images / 4 - 1, images / 4 + 1));
    double high = low + step * (r.nextInt(4) == 0 ? 0 : r.nextInt(images / 4 + 1));
    double difference = (low + high) / 2;
    double p = r.nextInt(6) == 0 ? r.nextDouble(0.04, 0.06) : r.nextDouble();
    Pair pair = new Pair("a", "b", images, 0, 0, difference, low, high, p);
    boolean ceils = r.nextBoolean();
    Accuracy a = new Accuracy("a", "codes", "x", "none", 1, 0.5, 0, 1, 1, images);
    Accuracy b = new Accuracy("b", ceils ? "codes" : "pixels", ceils ? "x" : "", ceils ? "2" : "none", 1, 0.5, 0,
        1, 1, images);
    String sentence = DownstreamReport.sentence(pair, a, b);
    boolean excludesZero = low > 0 || high < 0;
    assertThat(saysSignificant(sentence)).as("seed %d: [%s, %s]: %s", seed, low, high, sentence)
        .isEqualTo(excludesZero);
    assertThat(sentence.contains("no significant difference")).as("seed %d: %s", seed, sentence)
        .isEqualTo(!excludesZero);
  }

  /** One test per seed, the seeds drawn from {@code base}, each named by its seed (to replay it). */
  private static Stream<DynamicTest> seeded(long base, int runs, ThrowingConsumer<Long> check) {
    return DynamicTest.stream(new SplittableRandom(base).longs(runs).iterator(), seed -> "seed " + seed, check);
  }

  @TestFactory
  Stream<DynamicTest> aSentenceSaysSignificantExactlyWhenTheIntervalExcludesZero() {
    return seeded(BASE_SEED, Integer.getInteger("fuzz.runs", 300),
        DownstreamReportTest::checkSignificanceFollowsTheInterval);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> aSentenceSaysSignificantExactlyWhenTheIntervalExcludesZeroManyRuns() {
    return seeded(BASE_SEED, 100_000, DownstreamReportTest::checkSignificanceFollowsTheInterval);
  }

  @Test
  void variantNamesAndDictionariesAreEscapedAndSurviveTheCsvFiles() throws IOException {
    String name = "<script>alert('x')</script>&\"v\"";
    String dictionary = "file dicts/a,b \"<i>\".npz";
    Path dir = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(dir.resolve(DownstreamReport.ACCURACY_CSV), DownstreamReport.ACCURACY_HEADER + "\n"
        + new Accuracy(name, "codes", dictionary, "2", 1, 0.8, 0, 2, 60, 30).csv() + "\n"
        + new Accuracy("pixels-2", "pixels", "", "2", 1, 0.7, 0, 1, 60, 30).csv() + "\n");
    Files.writeString(dir.resolve(DownstreamReport.PAIRED_CSV), DownstreamReport.PAIRED_HEADER + "\n"
        + new Pair(name, "pixels-2", 30, 4, 1, 0.1, 0.0333, 0.2, 0.375).csv() + "\n");
    DownstreamReport.write(new RunDirectory(dir), "tiny <run>", List.of(), ProgressReporter.NONE);
    String html = Files.readString(dir.resolve(RunReport.FILE));
    assertThat(html).doesNotContain("<script>").doesNotContain("<i>")
        .contains("<title>tiny &lt;run&gt;</title>")
        .contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;v&quot;</td>")
        .contains("<td>file dicts/a,b &quot;&lt;i&gt;&quot;.npz</td>")
        .contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;v&quot; − pixels-2 at ceil 2:");
  }

  @Test
  void anAccuracyFileOfTheEarlierLayoutIsReadWithItsDictionaryInTheInput() throws IOException {
    Path f = tmp.resolve("accuracy.csv");
    Files.writeString(f, "variant,input,ceil,runs,test_accuracy_mean,test_accuracy_sd,seconds_per_epoch\n"
        + "thin-4,codes log-gabor thin,4,2,0.812500,0.012500,4.200\npixels-4,pixels,4,2,0.700000,0.000000,0.700\n");
    assertThat(DownstreamReport.accuracy(f)).containsExactly(
        new Accuracy("thin-4", "codes", "log-gabor thin", "4", 2, 0.8125, 0.0125, 4.2, 0, 0),
        new Accuracy("pixels-4", "pixels", "", "4", 2, 0.7, 0, 0.7, 0, 0));
  }

  @Test
  void severalSeedsShowTheMeanWithItsStandardDeviation() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("seeds"));
    Files.writeString(dir.resolve(DownstreamReport.ACCURACY_CSV), DownstreamReport.ACCURACY_HEADER + "\n"
        + new Accuracy("thin-4", "codes", "log-gabor thin", "4", 3, 0.8125, 0.0125, 4.2, 400, 200).csv() + "\n");
    assertThat(DownstreamReport.section(dir)).contains("<td class=\"n\">81.25 ± 1.25</td>")
        .contains("<td class=\"n\">200</td>");
  }

  @Test
  void aDirectoryWithoutTheAnalysisGetsANote() {
    assertThat(DownstreamReport.section(tmp)).contains("No trained variant yet");
  }

  @Test
  void aSmallerDropUnderTheCutoffReadsAsKeepingAccuracyBetter() {
    Resilience r = new Resilience("full", "thin", "2", -0.03, -0.075, 0.045, 0.01, 0.081, 0.01, 200);
    assertThat(DownstreamReport.sentence(r)).isEqualTo("full keeps accuracy under ceil 2 better than thin: drop −3.0"
        + " vs −7.5 points, Δ +4.5 [+1.0, +8.1], p = 0.0100.");
  }

  @Test
  void aLargerDropReadsAsLosingMoreAndAnIntervalHoldingZeroAsNoSignificantDifference() {
    Resilience worse = new Resilience("full", "pixels", "4", -0.08, -0.02, -0.06, -0.1, -0.02, 0.003, 200);
    Resilience none = new Resilience("learned", "thin", "4", -0.02, -0.025, 0.005, -0.02, 0.03, 0.7, 200);
    assertThat(DownstreamReport.sentence(worse)).isEqualTo("full loses more accuracy under ceil 4 than pixels: drop"
        + " −8.0 vs −2.0 points, Δ −6.0 [−10.0, −2.0], p = 0.00300.");
    assertThat(DownstreamReport.sentence(none)).isEqualTo("no significant difference between learned and thin in the"
        + " drop under ceil 4: drop −2.0 vs −2.5 points, Δ +0.5 [−2.0, +3.0], p = 0.700.");
  }

  @Test
  void theHeadlineTakesFullAgainstThinAndPixelsAtTheHarsherCutoffFirstThenLearned() {
    List<Resilience> rows = List.of(
        new Resilience("learned", "full", "2", -0.01, -0.02, 0.01, -0.01, 0.03, 0.4, 100),
        new Resilience("learned", "thin", "4", -0.01, -0.02, 0.01, -0.01, 0.03, 0.4, 100),
        new Resilience("full", "thin", "4", -0.01, -0.02, 0.01, -0.01, 0.03, 0.4, 100),
        new Resilience("full", "thin", "2", -0.03, -0.075, 0.045, 0.01, 0.081, 0.01, 100),
        new Resilience("full", "pixels", "2", -0.03, -0.01, -0.02, -0.04, -0.001, 0.04, 100),
        new Resilience("thin", "pixels", "2", -0.075, -0.01, -0.065, -0.1, -0.03, 0.001, 100));
    assertThat(DownstreamReport.headlineRows(rows)).extracting(r -> r.a() + " " + r.b() + " " + r.ceil())
        .containsExactly("full thin 2", "full thin 4", "full pixels 2", "learned thin 4");
    assertThat(DownstreamReport.headline(rows)).contains("Of 4 comparisons").contains(": 1 significantly better, 1"
        + " significantly worse, 2 without significant difference. Full keeps accuracy under ceil 2 better than thin:");
    assertThat(DownstreamReport.headline(rows.subList(5, 6))).isEmpty();
  }

  /** A random row: names with commas and quotes, drops and interval on a 1/images grid, the interval around Δ. */
  private static Resilience randomResilience(SplittableRandom r) {
    int images = 1 + r.nextInt(5000);
    // counts of images, divided once: a 0 is exactly 0, as DropDifference makes it
    int lostA = r.nextInt(images + 1);
    int lostB = r.nextInt(images + 1);
    double dropA = -lostA / (double) images;
    double dropB = -lostB / (double) images;
    double delta = (lostB - lostA) / (double) images;
    double low = (lostB - lostA - r.nextInt(images / 4 + 1)) / (double) images;
    double high = (lostB - lostA + r.nextInt(images / 4 + 1)) / (double) images;
    String[] names = {"full", "thin", "pixels", "learned", "a,b", "say \"x\""};
    return new Resilience(names[r.nextInt(names.length)], names[r.nextInt(names.length)], r.nextBoolean() ? "2"
        : "4", dropA, dropB, delta, low, high, r.nextDouble(), images);
  }

  private void checkResilienceRow(long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    Resilience row = randomResilience(r);
    Path f = tmp.resolve("resilience-" + seed + ".csv");
    Files.writeString(f, DownstreamReport.RESILIENCE_HEADER + "\n" + row.csv() + "\n");
    Resilience back = DownstreamReport.resilience(f).get(0);
    String at = "seed " + seed + ": " + row;
    assertThat(List.of(back.a(), back.b(), back.ceil())).as(at).containsExactly(row.a(), row.b(), row.ceil());
    assertThat(back.images()).as(at).isEqualTo(row.images());
    double[] want = {row.dropA(), row.dropB(), row.delta(), row.low(), row.high()};
    double[] got = {back.dropA(), back.dropB(), back.delta(), back.low(), back.high()};
    for (int i = 0; i < want.length; i++) {
      assertThat(got[i]).as(at).isCloseTo(want[i], org.assertj.core.api.Assertions.within(5e-7));
    }
    assertThat(back.p()).as(at).isCloseTo(row.p(), org.assertj.core.api.Assertions.within(1e-5 * row.p() + 1e-300));
    String sentence = DownstreamReport.sentence(row);
    boolean excludes = row.low() > 0 || row.high() < 0;
    assertThat(sentence.startsWith("no significant difference")).as(at + ": " + sentence).isEqualTo(!excludes);
    assertThat(back.significant()).as(at).isEqualTo(excludes);
  }

  @TestFactory
  Stream<DynamicTest> aResilienceRowSurvivesItsCsvFileAndItsSentenceFollowsTheInterval() {
    return seeded(BASE_SEED + 17, Integer.getInteger("fuzz.runs", 200), this::checkResilienceRow);
  }

  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> aResilienceRowSurvivesItsCsvFileAndItsSentenceFollowsTheIntervalManyRuns() {
    return seeded(BASE_SEED + 17, 20_000, this::checkResilienceRow);
  }

  @Test
  void quotedCsvFieldsHoldCommasQuotesAndLineEnds() {
    List<List<String>> rows = MetricsCsv.parse("a,\"b,\"\"c\"\"\nd\",e\r\nf,,\n");
    assertThat(rows).containsExactly(List.of("a", "b,\"c\"\nd", "e"), new ArrayList<>(List.of("f", "", "")));
  }
}
