package org.sparsecode.experiments.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.eval.coefficients.CodeFixtures;
import org.sparsecode.eval.coefficients.CoefficientHistogram;
import org.sparsecode.eval.coefficients.OrientationActivity.Measure;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.RunDirectory;

class CodeStatisticsTest {
  @TempDir
  Path tmp;

  /** The paper's 'full' dictionary: 12 θ × 6 B_θ × 2 phases. */
  private static Dictionary full;

  @BeforeAll
  static void generateFullDictionary() {
    full = CodeFixtures.fullDictionary();
  }

  private static SparseCode code(long seed) {
    return CodeFixtures.code(full, seed);
  }

  private CodeStatistics stats(Path dir, List<String> log) {
    RunDirectory out = new RunDirectory(dir);
    out.create();
    return new CodeStatistics(true, Measure.COUNT, out, new ProgressReporter() {
      @Override
      public void info(String line) {
        log.add(line);
      }
    }, "test");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  private static Map<String, Object> json(Path dir) throws IOException {
    return Json.parseObject(Files.readString(dir.resolve(CodeStatistics.JSON)), CodeStatistics.JSON);
  }

  @Test
  void partialSumsStayAfterTheFilesAreWrittenUntilDiscarded() {
    CodeStatistics s = stats(tmp, new ArrayList<>());
    s.add(0, full, code(1));
    assertThat(tmp.resolve(CodeStatistics.PARTIAL)).isRegularFile();
    s.write(1, full);
    // a run killed before results.json says complete resumes with every image coded and restores them
    assertThat(tmp.resolve(CodeStatistics.PARTIAL)).isRegularFile();
    s.discardPartial();
    assertThat(tmp.resolve(CodeStatistics.PARTIAL)).doesNotExist();
  }

  @Test
  void writesTheCsvsJsonAndThreePngs() throws IOException {
    CodeStatistics s = stats(tmp, new ArrayList<>());
    s.add(0, full, code(1));
    s.add(1, full, code(2));
    s.write(2, full);
    for (String png : List.of(CodeStatistics.HISTOGRAM_PNG, CodeStatistics.ORIENTATION_PNG,
        CodeStatistics.ENERGY_PNG)) {
      assertThat(ImageIO.read(tmp.resolve(png).toFile()).getWidth()).as(png).isGreaterThan(100);
    }
    List<String> csv = Files.readAllLines(tmp.resolve(CodeStatistics.HISTOGRAM_CSV));
    assertThat(csv).hasSize(1 + CoefficientHistogram.BINS);
    assertThat(csv.get(0)).isEqualTo("bin_low,bin_high,centre,count,pooled_probability,mean_image_probability,fit");
    // 6 B_θ × 12 θ rows
    assertThat(Files.readAllLines(tmp.resolve(CodeStatistics.ORIENTATION_CSV))).hasSize(1 + 72);
    Map<String, Object> j = json(tmp);
    assertThat(j).containsEntry("images", 2).containsEntry("pooledImages", 2).doesNotContainKey("note");
    Map<String, Object> perImage = map(map(j.get("histogram")).get("perImage"));
    assertThat(map(perImage.get("b"))).containsKeys("mean", "median", "sd", "min", "max");
    assertThat(map(j.get("orientation")).get("groups")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(6);
  }

  @Test
  void meanPerImageFitIsTheMeanOfTheTwoImagesFits() throws IOException {
    CodeStatistics s = stats(tmp, new ArrayList<>());
    s.add(0, full, code(1));
    s.add(1, full, code(2));
    s.write(2, full);
    double b1 = CoefficientHistogram.of(code(1)).fit().b();
    double b2 = CoefficientHistogram.of(code(2)).fit().b();
    Map<String, Object> b = map(map(map(json(tmp).get("histogram")).get("perImage")).get("b"));
    assertThat(Json.number(b.get("mean"))).isCloseTo(0.5 * (b1 + b2), within(1e-12));
  }

  @Test
  void resumedRunRestoresTheSumsOfItsEarlierImages() {
    CodeStatistics first = stats(tmp, new ArrayList<>());
    first.add(0, full, code(1));
    first.add(1, full, code(2));
    // killed here; the resumed run codes image 3 only
    List<String> log = new ArrayList<>();
    CodeStatistics resumed = stats(tmp, log);
    resumed.add(2, full, code(3));
    CoefficientHistogram all = CoefficientHistogram.pooled(List.of(code(1), code(2), code(3)));
    assertThat(resumed.pool().histogram().counts()).containsExactly(all.counts());
    assertThat(resumed.pool().images()).containsExactly(0, 1, 2);
    assertThat(resumed.pool().imageFits()).hasSize(3);
    assertThat(log).anyMatch(l -> l.contains("restored"));
  }

  @Test
  void resumedRunPoolsTheSameBitsAsAnUninterruptedRun(@TempDir Path other) {
    CodeStatistics uninterrupted = stats(other, new ArrayList<>());
    CodeStatistics first = stats(tmp, new ArrayList<>());
    for (int i = 0; i < 3; i++) {
      uninterrupted.add(i, full, code(i + 1));
      if (i < 2) {
        first.add(i, full, code(i + 1));
      }
    }
    CodeStatistics resumed = stats(tmp, new ArrayList<>());
    resumed.add(2, full, code(3));
    assertThat(resumed.pool()).isEqualTo(uninterrupted.pool());
    assertThat(resumed.pool().meanImageProbabilities()).containsExactly(uninterrupted.pool().meanImageProbabilities());
  }

  @Test
  void partialSumsOfAnotherDictionaryAreNotRestored() {
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    CodeStatistics first = stats(tmp, new ArrayList<>());
    first.add(0, learned, code(1));
    List<String> log = new ArrayList<>();
    CodeStatistics resumed = stats(tmp, log);
    resumed.add(1, full, code(2));
    assertThat(resumed.pool().images()).containsExactly(1);
    assertThat(log).contains("warning: coefficient statistics: " + CodeStatistics.PARTIAL + " does not hold the sums "
        + "of images 1..1; the pooled statistics cover images 2 on only");
  }

  @Test
  void runKilledBetweenThePartialSumsAndResultsJsonRestoresTheSumsBeforeTheLastImage() {
    // the partial file already holds image 3, results.json does not: the run codes image 3 again
    CodeStatistics first = stats(tmp, new ArrayList<>());
    first.add(0, full, code(1));
    first.add(1, full, code(2));
    first.add(2, full, code(3));
    CodeStatistics resumed = stats(tmp, new ArrayList<>());
    resumed.add(2, full, code(3));
    CoefficientHistogram all = CoefficientHistogram.pooled(List.of(code(1), code(2), code(3)));
    assertThat(resumed.pool().histogram().counts()).containsExactly(all.counts());
    assertThat(resumed.pool().imageFits()).hasSize(3);
  }

  @Test
  void resumedRunWhoseImagesWereAllCodedRestoresEverythingAtTheEnd() throws IOException {
    CodeStatistics first = stats(tmp, new ArrayList<>());
    first.add(0, full, code(1));
    first.add(1, full, code(2));
    CodeStatistics resumed = stats(tmp, new ArrayList<>());
    resumed.write(2, full);
    assertThat(json(tmp)).containsEntry("pooledImages", 2);
  }

  @Test
  void withoutThePartialSumsTheJsonSaysHowManyImagesArePooled() throws IOException {
    List<String> log = new ArrayList<>();
    CodeStatistics resumed = stats(tmp, log);
    resumed.add(2, full, code(3));
    resumed.write(3, full);
    Map<String, Object> j = json(tmp);
    assertThat(j).containsEntry("images", 3).containsEntry("pooledImages", 1).containsEntry("firstPooledImage", 3)
        .containsKey("note");
    assertThat(log).anyMatch(l -> l.startsWith("warning: coefficient statistics"));
  }

  @Test
  void dictionaryWithoutOrientationsSkipsTheOrientationFilesWithALogLine() throws IOException {
    List<String> log = new ArrayList<>();
    CodeStatistics s = stats(tmp, log);
    Dictionary learned = Dictionary.of(full.size(), full.count(), full.kernels());
    s.add(0, learned, code(1));
    s.write(1, learned);
    assertThat(log).anyMatch(l -> l.startsWith("orientation activity skipped"));
    assertThat(tmp.resolve(CodeStatistics.ORIENTATION_PNG)).doesNotExist();
    assertThat(tmp.resolve(CodeStatistics.HISTOGRAM_PNG)).isRegularFile();
    assertThat(map(json(tmp).get("orientation"))).containsKey("skipped");
  }

  @Test
  void disabledStatisticsWriteNothing() {
    CodeStatistics s = new CodeStatistics(false, Measure.COUNT, new RunDirectory(tmp), new ProgressReporter() {
    }, "off");
    s.add(0, full, code(1));
    s.write(1, full);
    assertThat(tmp.resolve(CodeStatistics.PARTIAL)).doesNotExist();
    assertThat(tmp.resolve(CodeStatistics.JSON)).doesNotExist();
  }
}
