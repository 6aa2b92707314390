package org.sparsecode.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.Provenance;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.sweep.MatchedPsnrComparison.Row;

/**
 * {@link MatchedPsnrComparison} on sweeps loaded from YAML with fabricated results: every cell's images get a
 * planted PSNR and sparseness, so that the fronts are straight lines and the differences known exactly.
 */
class MatchedPsnrComparisonTest {
  private static final ConfigLoader LOADER = new ConfigLoader(PluginRegistry.load());
  private static final List<String> IMAGES = List.of("camera", "coffee", "chelsea");
  private static final String BASE = """
      name: ablation
      images: {type: embedded, size: 32, names: [camera, coffee, chelsea]}
      dictionary: {type: log-gabor, preset: full, size: 8}
      solver: {type: cbpdn-admm, maxIterations: 5}
      metrics: [psnr, sparseness]
      """;
  /**
   * Two dictionaries, each normalisation with its own four λ: unit-l2's are the axis's times its l1Weight 0.1
   * (the ℓ1 term is λ Σ w |x|), as the bandwidth ablation writes it.
   */
  private static final String ABLATION = BASE + """
      variants:
        full: {}
        thin: {dictionary: {preset: thin}}
      sweep:
        solver.lambda: [0.01, 0.02, 0.05, 0.1]
        zip: {dictionary.normalise: [peak, unit-l2], solver.l1Weight: [1.0, 0.1]}
      """;
  private static final String PEAK = "dictionary.normalise=peak,solver.l1Weight=1.0";
  private static final String UNIT = "dictionary.normalise=unit-l2,solver.l1Weight=0.1";

  @TempDir
  Path tmp;

  private Sweep load(String yaml) throws IOException {
    Path file = Files.writeString(tmp.resolve("sweep.yaml"), yaml);
    return LOADER.load(file, List.of()).sweep().orElseThrow();
  }

  /**
   * The planted results: at the k-th λ of its normalisation, image i has PSNR 40 + i − 4k and sparseness
   * 0.99 + 0.001 k, plus 0.002 under 'full'. So along the front the sparseness is 0.99 + 0.001 (40 + i − p) / 4
   * (+ 0.002): 'thin' − 'full' = −0.002 at every PSNR of every image.
   */
  private static CellOutcome complete(SweepCell cell) {
    double lambda = ((Number) cell.values().get(MatchedPsnrComparison.LAMBDA)).doubleValue();
    int k = List.of(0.01, 0.02, 0.05, 0.1).indexOf(lambda);
    double full = "full".equals(cell.variant()) ? 0.002 : 0;
    List<ImageResult> images = new ArrayList<>();
    for (int i = 0; i < IMAGES.size(); i++) {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("psnr", 40.0 + i - 4 * k);
      m.put("sparseness", 0.99 + 0.001 * k + full);
      images.add(new ImageResult(IMAGES.get(i), m, 5, 0.1));
    }
    RunResult r = new RunResult("ablation", cell.variant(), 42, cell.hash(), new Provenance("1", "c", "17", "Linux",
        "amd64", 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "float64", "x"), Map.of(), Map.of(), null, images,
        Map.of(), RunResult.COMPLETE, Map.of(), Map.of("name", cell.name()));
    return new CellOutcome(cell, CellOutcome.COMPLETE, 1, r, null, Path.of("cells", cell.hash()), false);
  }

  private static List<CellOutcome> outcomes(Sweep sweep, Predicate<SweepCell> failed) {
    return sweep.cells().stream().map(c -> failed.test(c) ? new CellOutcome(c, CellOutcome.FAILED, 1, null,
        "diverged", Path.of("cells", c.hash()), false) : complete(c)).toList();
  }

  private MatchedPsnrComparison ablation() throws IOException {
    Sweep sweep = load(ABLATION);
    return MatchedPsnrComparison.of(sweep, outcomes(sweep, c -> false)).orElseThrow();
  }

  @Test
  void theFabricatedLambdaStepsAreTheOnesPlanted() throws IOException {
    Sweep sweep = load(ABLATION);
    assertThat(sweep.cells()).hasSize(16);
    assertThat(sweep.cells().stream().map(c -> complete(c).result().images().get(0).metric("psnr")).toList())
        .containsExactly(40.0, 40.0, 36.0, 36.0, 32.0, 32.0, 28.0, 28.0, 40.0, 40.0, 36.0, 36.0, 32.0, 32.0, 28.0,
            28.0);
  }

  @Test
  void cellsThatDifferOnlyByLambdaMakeOneGroupAndEachNormalisationIsAFamily() throws IOException {
    MatchedPsnrComparison c = ablation();
    assertThat(c.groups()).extracting(MatchedPsnrComparison.Group::label)
        .containsExactly("full," + PEAK, "full," + UNIT, "thin," + PEAK, "thin," + UNIT);
    assertThat(c.groups()).extracting(MatchedPsnrComparison.Group::family).containsExactly(PEAK, UNIT, PEAK, UNIT);
    assertThat(c.groups().get(1).lambdas()).containsExactly(0.01, 0.02, 0.05, 0.1);
    assertThat(c.families()).containsExactly(PEAK, UNIT);
    assertThat(c.images()).containsExactlyElementsOf(IMAGES);
  }

  @Test
  void levelsAreFiveEvenlySpacedOverThePsnrsThatAMajorityOfImagesReach() throws IOException {
    // image i reaches [28 + i, 40 + i] in both groups: two images of three share [29, 41]
    assertThat(ablation().rows().stream().filter(r -> r.family().equals(PEAK) && r.group().startsWith("full"))
        .map(Row::levelPsnr)).containsExactly(29.0, 32.0, 35.0, 38.0, 41.0);
  }

  @Test
  void eachDictionaryIsComparedWithTheFirstVariantUnderItsOwnNormalisation() throws IOException {
    List<Row> thin = ablation().rows().stream().filter(r -> r.group().equals("thin," + UNIT)).toList();
    assertThat(thin).hasSize(5).allSatisfy(r -> {
      assertThat(r.compareTo()).isEqualTo("full," + UNIT);
      assertThat(r.meanDiff()).isCloseTo(-0.002, within(1e-12));
      assertThat(r.ciLow()).isCloseTo(-0.002, within(1e-12));
      assertThat(r.ciHigh()).isCloseTo(-0.002, within(1e-12));
    });
    // at 29 dB only images 0 and 1 (coffee's range starts at 29); at 35 dB all three
    assertThat(thin).extracting(Row::nImages).containsExactly(2, 3, 3, 3, 2);
    // at 35 dB: 0.99 + 0.001 (40 + i − 35) / 4 averaged over i = 0, 1, 2
    assertThat(thin.get(2).meanSparseness()).isCloseTo(0.99 + 0.001 * 6 / 4, within(1e-12));
  }

  @Test
  void theBaselinesRowsHaveNoComparisonAndItsOwnImageCount() throws IOException {
    List<Row> full = ablation().rows().stream().filter(r -> r.group().equals("full," + PEAK)).toList();
    assertThat(full).allSatisfy(r -> {
      assertThat(r.compared()).isFalse();
      assertThat(r.meanDiff()).isNaN();
      assertThat(r.ciLow()).isNaN();
    });
    assertThat(full.get(2).meanSparseness()).isCloseTo(0.992 + 0.001 * 6 / 4, within(1e-12));
    assertThat(ablation().rows().get(0).group()).isEqualTo("full," + PEAK);
  }

  @Test
  void aNamedBaselineReplacesTheFirstVariant() throws IOException {
    Sweep sweep = load(ABLATION);
    MatchedPsnrComparison.Settings d = MatchedPsnrComparison.Settings.defaults();
    MatchedPsnrComparison c = MatchedPsnrComparison.of(sweep, outcomes(sweep, x -> false),
        new MatchedPsnrComparison.Settings(null, "thin", d.levels(), d.coverage(), d.resamples(), d.confidence(),
            d.seed())).orElseThrow();
    Row first = c.rows().stream().filter(r -> r.group().equals("full," + PEAK)).findFirst().orElseThrow();
    assertThat(first.compareTo()).isEqualTo("thin," + PEAK);
    assertThat(first.meanDiff()).isCloseTo(0.002, within(1e-12));
  }

  @Test
  void failedCellsAreLeftOutOfTheirGroupsCurve() throws IOException {
    Sweep sweep = load(ABLATION);
    MatchedPsnrComparison c = MatchedPsnrComparison.of(sweep, outcomes(sweep, x -> "thin".equals(x.variant())
        && x.values().get(MatchedPsnrComparison.LAMBDA).equals(0.1))).orElseThrow();
    MatchedPsnrComparison.Group thin = c.groups().get(2);
    assertThat(thin.lambdas()).containsExactly(0.01, 0.02, 0.05);
    // thin's fronts now end at 32 + i dB: the peak family's levels start there
    assertThat(c.rows().stream().filter(r -> r.group().equals("thin," + PEAK)).map(Row::levelPsnr).findFirst())
        .contains(33.0);
  }

  @Test
  void aFamilyWhoseBaselineFailedEntirelyIsListedWithoutComparison() throws IOException {
    Sweep sweep = load(ABLATION);
    MatchedPsnrComparison c = MatchedPsnrComparison.of(sweep, outcomes(sweep, x -> "full".equals(x.variant())
        && "unit-l2".equals(x.values().get("dictionary.normalise")))).orElseThrow();
    assertThat(c.rows().stream().filter(r -> r.family().equals(UNIT))).isNotEmpty().noneMatch(Row::compared);
  }

  /** A sweep without variants: λ × preset × normalisation. */
  private static final String PRODUCT = BASE + """
      sweep:
        solver.lambda: [0.01, 0.1]
        dictionary.preset: [full, thin]
        dictionary.normalise: [peak, unit-l2]
      """;

  @Test
  void withoutVariantsTheFirstAxisBesideLambdaIsCompared() throws IOException {
    Sweep sweep = load(PRODUCT);
    MatchedPsnrComparison c = MatchedPsnrComparison.of(sweep, outcomes(sweep, x -> false)).orElseThrow();
    assertThat(c.groups()).extracting(MatchedPsnrComparison.Group::label).containsExactly(
        "dictionary.preset=full,dictionary.normalise=peak", "dictionary.preset=full,dictionary.normalise=unit-l2",
        "dictionary.preset=thin,dictionary.normalise=peak", "dictionary.preset=thin,dictionary.normalise=unit-l2");
    assertThat(c.families()).containsExactly("dictionary.normalise=peak", "dictionary.normalise=unit-l2");
    assertThat(c.rows().stream().filter(Row::compared).map(Row::compareTo).distinct()).containsExactly(
        "dictionary.preset=full,dictionary.normalise=peak", "dictionary.preset=full,dictionary.normalise=unit-l2");
  }

  @Test
  void compareAlongAnotherAxisOnRequest() throws IOException {
    Sweep sweep = load(PRODUCT);
    MatchedPsnrComparison c = MatchedPsnrComparison.of(sweep, outcomes(sweep, x -> false),
        new MatchedPsnrComparison.Settings("dictionary.normalise", "unit-l2", 3, 0.5, 100, 0.9, 1)).orElseThrow();
    assertThat(c.families()).containsExactly("dictionary.preset=full", "dictionary.preset=thin");
    assertThat(c.rows().stream().filter(Row::compared).map(Row::compareTo).distinct()).containsExactly(
        "dictionary.preset=full,dictionary.normalise=unit-l2", "dictionary.preset=thin,dictionary.normalise=unit-l2");
    assertThat(c.rows().stream().filter(Row::compared).map(Row::levelPsnr).distinct()).hasSize(3);
  }

  @Test
  void anUnknownDimensionOrBaselineIsNamedWithTheChoices() throws IOException {
    Sweep sweep = load(ABLATION);
    List<CellOutcome> o = outcomes(sweep, x -> false);
    assertThatThrownBy(() -> MatchedPsnrComparison.of(sweep, o, new MatchedPsnrComparison.Settings("solver.lambda",
        null, 5, 0.5, 10, 0.95, 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("matched PSNR: cannot compare along 'solver.lambda'; choose variant, dictionary.normalise,"
            + " solver.l1Weight");
    assertThatThrownBy(() -> MatchedPsnrComparison.of(sweep, o, new MatchedPsnrComparison.Settings(null, "wide",
        5, 0.5, 10, 0.95, 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("matched PSNR: baseline 'wide' is not a value of variant; its values: full; thin");
  }

  @Test
  void thereIsNoComparisonWithoutALambdaAxisOfTwoValues() throws IOException {
    Sweep noLambda = load(BASE + "sweep:\n  dictionary.preset: [full, thin]\n");
    assertThat(MatchedPsnrComparison.of(noLambda, List.of())).isEmpty();
    Sweep oneLambda = load(BASE + "sweep:\n  solver.lambda: [0.01]\n  dictionary.preset: [full, thin]\n");
    assertThat(MatchedPsnrComparison.of(oneLambda, List.of())).isEmpty();
  }

  @Test
  void theCsvHasTheDocumentedColumnsAndQuotesLabels() throws IOException {
    MatchedPsnrComparison c = ablation();
    Path file = c.write(tmp);
    assertThat(file.getFileName().toString()).isEqualTo("matched-psnr.csv");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("group,level_psnr,mean_sparseness,compare_to,mean_diff,ci_low,ci_high,n_images");
    assertThat(lines).hasSize(1 + 4 * 5);
    assertThat(lines.get(1)).startsWith("\"full," + PEAK + "\",29.0,").endsWith(",,NaN,NaN,NaN,2");
    assertThat(lines.get(6)).startsWith("\"thin," + PEAK + "\",29.0,").contains(",\"full," + PEAK + "\",")
        .endsWith(",2");
  }

  @Test
  void theHtmlHasATablePerFamilyNamingItsBaseline() throws IOException {
    String html = ablation().html();
    assertThat(html).contains("<h4>" + PEAK + ": compared with full," + PEAK + "</h4>")
        .contains("<h4>" + UNIT + ": compared with full," + UNIT + "</h4>")
        .contains("29.00 dB").contains("-0.00200 [-0.00200, -0.00200]").contains(">baseline<");
    assertThat(html.split("<table", -1)).hasSize(3);
  }
}
