package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.experiments.results.Json;

/** The {@code sweep:} block: its axes, their expansion into cells, the cells' names and hashes, its errors. */
class SweepTest extends LoaderTestBase {
  private static final String SOLVER = "solver: { type: toy-solver }\n";

  private Sweep sweep(String rest, String... overrides) throws IOException {
    ExperimentPlan plan = loader.load(write("sweep.yaml", rest), List.of(overrides));
    assertThat(plan.experiments()).hasSize(plan.sweep().orElseThrow().cells().size());
    return plan.sweep().orElseThrow();
  }

  private static List<String> names(Sweep sweep) {
    return sweep.cells().stream().map(SweepCell::name).toList();
  }

  private static List<Object> resolved(Sweep sweep, String block, String key) {
    return sweep.cells().stream().map(c -> (Object) ((Map<?, ?>) c.config().resolved().get(block)).get(key)).toList();
  }

  @Test
  void cellsAreTheProductOfTheAxesWithTheFirstAxisSlowest() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n  solver.maxIter: [5, 6, 7]\n");
    assertThat(names(s)).containsExactly("solver.lambda=0.1,solver.maxIter=5", "solver.lambda=0.1,solver.maxIter=6",
        "solver.lambda=0.1,solver.maxIter=7", "solver.lambda=0.2,solver.maxIter=5",
        "solver.lambda=0.2,solver.maxIter=6", "solver.lambda=0.2,solver.maxIter=7");
    assertThat(resolved(s, "solver", "lambda")).containsExactly(0.1, 0.1, 0.1, 0.2, 0.2, 0.2);
    assertThat(resolved(s, "solver", "maxIter")).containsExactly(5, 6, 7, 5, 6, 7);
    assertThat(s.columns()).containsExactly("solver.lambda", "solver.maxIter");
  }

  @Test
  void aZipGroupPairsItsAxesAndCountsAsOneAxisAtItsPlace() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  zip: { solver.lambda: [0.1, 0.2], solver.maxIter: [5, 6] }\n"
        + "  dictionary.size: [8, 9]\n");
    assertThat(s.axes()).hasSize(2);
    assertThat(s.axes().get(0).isZip()).isTrue();
    assertThat(names(s)).containsExactly("solver.lambda=0.1,solver.maxIter=5,dictionary.size=8",
        "solver.lambda=0.1,solver.maxIter=5,dictionary.size=9", "solver.lambda=0.2,solver.maxIter=6,dictionary.size=8",
        "solver.lambda=0.2,solver.maxIter=6,dictionary.size=9");
  }

  @Test
  void seedsReplicateEveryCellWithConsecutiveSeedsFromTheFilesSeed() throws IOException {
    Sweep s = sweep("seed: 7\n" + SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n  seeds: 3\n");
    assertThat(s.seeds()).isEqualTo(3);
    assertThat(s.cells()).extracting(SweepCell::seed).containsExactly(7L, 8L, 9L, 7L, 8L, 9L);
    assertThat(s.cells()).extracting(c -> c.config().seed()).containsExactly(7L, 8L, 9L, 7L, 8L, 9L);
    assertThat(names(s)).containsExactly("solver.lambda=0.1", "solver.lambda=0.1", "solver.lambda=0.1",
        "solver.lambda=0.2", "solver.lambda=0.2", "solver.lambda=0.2");
    assertThat(s.cells().stream().map(SweepCell::hash).distinct()).hasSize(6);
  }

  @Test
  void seedsAloneMakeOneCellNamedBasePerSeed() throws IOException {
    Sweep s = sweep(SOLVER + "sweep: { seeds: 2 }\n");
    assertThat(names(s)).containsExactly(Sweep.NO_AXES, Sweep.NO_AXES);
    assertThat(s.cells()).extracting(SweepCell::seed).containsExactly(0L, 1L);
  }

  @Test
  void withVariantsTheCellsAreVariantsTimesCellsFirstVariantFirst() throws IOException {
    Sweep s = sweep(SOLVER + "variants:\n  a: {}\n  b: { dictionary: { size: 9 } }\n"
        + "sweep:\n  solver.lambda: [0.1, 0.2]\n");
    assertThat(s.cells()).extracting(SweepCell::variant).containsExactly("a", "a", "b", "b");
    assertThat(names(s)).containsExactly("solver.lambda=0.1", "solver.lambda=0.2", "solver.lambda=0.1",
        "solver.lambda=0.2");
    assertThat(resolved(s, "dictionary", "size")).containsExactly(12, 12, 9, 9);
  }

  @Test
  void theSetOverridesApplyToEveryCell() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n", "solver.maxIter=4");
    assertThat(resolved(s, "solver", "maxIter")).containsExactly(4, 4);
  }

  @Test
  void logspaceGivesTheValuesOfNumpyLogspace() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: { logspace: [-3, -2, 3] }\n");
    // numpy.logspace(-3, -2, 3) == [0.001, 0.0031622776601683794, 0.01]
    assertThat(resolved(s, "solver", "lambda")).containsExactly(0.001, 0.0031622776601683794, 0.01);
    assertThat(names(s)).containsExactly("solver.lambda=0.001", "solver.lambda=0.0031622776601683794",
        "solver.lambda=0.01");
  }

  @Test
  void linspaceGivesTheValuesOfNumpyLinspaceWithTheExactEnd() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: { linspace: [0.1, 0.5, 5] }\n");
    // numpy.linspace(0.1, 0.5, 5): start + i * step, the last value exactly stop
    double step = (0.5 - 0.1) / 4;
    assertThat(resolved(s, "solver", "lambda")).containsExactly(0.1, 0.1 + step, 2 * step + 0.1, 3 * step + 0.1,
        0.5);
    assertThat(resolved(s, "solver", "lambda").get(2)).isEqualTo(0.30000000000000004);
  }

  @Test
  void aRangeOfOneValueIsItsStart() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: { linspace: [0.25, 0.5, 1] }\n");
    assertThat(resolved(s, "solver", "lambda")).containsExactly(0.25);
  }

  @Test
  void aListValuedKeyIsSweptByAListOfLists() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  dictionary.bThetas: [[0.087], [0.087, 0.175]]\n");
    assertThat(names(s)).containsExactly("dictionary.bThetas=[0.087]", "dictionary.bThetas=[0.087, 0.175]");
    assertThat(resolved(s, "dictionary", "bThetas")).containsExactly(List.of(0.087), List.of(0.087, 0.175));
    assertThat(s.cells().get(1).values()).containsEntry("dictionary.bThetas", List.of(0.087, 0.175));
  }

  @Test
  void aWholeBlockIsAnAxisAndSwitchesThePlugin() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  dictionary: [{type: toy-kernels, size: 5}, {type: toy-gabor}]\n");
    assertThat(names(s)).containsExactly("dictionary={type: toy-kernels, size: 5}", "dictionary={type: toy-gabor}");
    assertThat(s.cells()).extracting(c -> c.config().dictionary().type()).containsExactly("toy-kernels",
        "toy-gabor");
  }

  @Test
  void aBadValueInOneCellFailsTheSweepNamingTheCellThePathAndTheAxisLine() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1, -1, 0.2]\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:24: sweep.solver.lambda[1]: must be > 0 and finite, got -1.0 (in sweep cell"
            + " 'solver.lambda=-1')");
  }

  @Test
  void theErrorSaysHowManyCellsFail() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1, -1]\n  seeds: 3\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:24: sweep.solver.lambda[1]: must be > 0 and finite, got -1.0 (in sweep cell"
            + " 'solver.lambda=-1' with seed 0); 3 of 6 cells fail");
  }

  @Test
  void aMisspelledKeyOfABlockIsNamedAtTheAxis() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lamda: [0.1, 0.2]\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":6:")
        .hasMessageContaining("unknown key 'lamda'")
        .hasMessageContaining("did you mean 'lambda'")
        .hasMessageContaining("(in sweep cell 'solver.lamda=0.1'); 2 of 2 cells fail");
  }

  @Test
  void anUnknownTopLevelKeyOfAnAxisIsRefusedWithDidYouMean() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solvr.lambda: [0.1, 0.2]\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":6:3: sweep.solvr.lambda: unknown key 'solvr'; did you mean 'solver'?");
  }

  @Test
  void aValueMayRepeatAlongOnePathOfAZipWhenThePairsDiffer() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  zip: { solver.maxIter: [5, 5, 6, 6], solver.lambda: [0.1, 0.2, 0.3, 0.4] }"
        + "\n");
    assertThat(s.cells()).extracting(SweepCell::name).containsExactly("solver.maxIter=5,solver.lambda=0.1",
        "solver.maxIter=5,solver.lambda=0.2", "solver.maxIter=6,solver.lambda=0.3",
        "solver.maxIter=6,solver.lambda=0.4");
  }

  @Test
  void aRepeatedPairInAZipIsAnError() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  zip: { solver.maxIter: [5, 6, 5], solver.lambda: [0.1, 0.2,"
        + " 0.1] }"
        + "\n");
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:33: sweep.zip: item 2 pairs the same values as item 0 ([5, 0.1]); give each pair"
            + " once");
  }

  @Test
  void zipAxesOfDifferentLengthsAreAnError() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  zip: { solver.lambda: [0.1, 0.2], solver.maxIter: [5] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:37: sweep.zip.solver.maxIter: has 1 value but solver.lambda has 2; the axes of a"
            + " zip: are paired item by item, so give each the same number of values");
  }

  @Test
  void aSetOnASweptKeyIsAnErrorThatSaysToChangeTheAxis() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n");
    assertThatThrownBy(() -> loader.load(file, List.of("solver.lambda=0.3"))).isInstanceOf(ConfigError.class)
        .hasMessage("--set solver.lambda=0.3: solver.lambda is an axis of the sweep (" + file + ":6:3); change the"
            + " axis instead of setting it (a --set applies to every cell)");
  }

  @Test
  void aSetOnTheBlockOfASweptKeyIsAnErrorToo() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n");
    assertThatThrownBy(() -> loader.load(file, List.of("solver={type: toy-solver}")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("solver.lambda is an axis of the sweep");
  }

  @Test
  void aRangeOnAListValuedKeyWrittenInTheFileIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("bad.yaml"), "images: { type: toy-images }\n"
        + "dictionary: { type: toy-kernels }\nmetrics: [{ type: toy-metric, cutoffs: [0.5] }]\n" + SOLVER
        + "sweep:\n  metrics[0].cutoffs: { linspace: [0.1, 0.5, 3] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:3: sweep.metrics[0].cutoffs: metrics[0].cutoffs takes a list, so a linspace/logspace"
            + " range (one number per cell) cannot sweep it; write the axis as a list of lists, e.g."
            + " metrics[0].cutoffs: [[0.1], [0.1, 0.2]]");
  }

  @Test
  void aRangeOnAListValuedKeyLeftToItsDefaultIsRefused() throws IOException {
    Path file = Files.writeString(tmp.resolve("bad.yaml"), "images: { type: toy-images }\n"
        + "dictionary: { type: toy-kernels }\nmetrics: [{ type: toy-metric }]\n" + SOLVER
        + "sweep:\n  metrics[0].cutoffs: { linspace: [0.1, 0.5, 3] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":6:")
        .hasMessageContaining("metrics[0].cutoffs takes a list, so a linspace/logspace range");
  }

  @Test
  void aRangeCountThatIsNotAWholeNumberIsAnError() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: { logspace: [-3, -2, 2.5] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:39: sweep.solver.lambda.logspace[2]: the count must be a whole number, got 2.5; e.g."
            + " solver.lambda: {logspace: [-3, -1, 3]} (0.001, 0.01, 0.1)");
  }

  @Test
  void aValueGivenTwiceOnOneAxisIsAnError() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2, 0.1]\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":6:29: sweep.solver.lambda[2]: 0.1 is already item 0 of the axis; give each value once");
  }

  @Test
  void anAxisThatIsAMapOfKeysSaysToWriteKeyPaths() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver: { lambda: [0.1, 0.2] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageContaining("sweep.solver: expected a list of values")
        .hasMessageContaining("solver.KEY: [...]");
  }

  @Test
  void aKeySweptTwiceIsAnError() throws IOException {
    Path file = write("bad.yaml", SOLVER + "sweep:\n  solver.lambda: [0.1]\n  zip: { solver.lambda: [0.1, 0.2],"
        + " solver.maxIter: [1, 2] }\n");
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageContaining("sweep.solver.lambda: is already an axis");
  }

  @Test
  void theHashIsTheResolvedConfigurationsAndAddingAValueKeepsTheOthers() throws IOException {
    Sweep before = sweep(SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n  solver.maxIter: [5, 6]\n");
    Sweep after = sweep(SOLVER + "sweep:\n  solver.lambda: [0.1, 0.15, 0.2]\n  solver.maxIter: [5, 6]\n");
    Map<String, String> hashes = new LinkedHashMap<>();
    for (SweepCell c : after.cells()) {
      hashes.put(c.name(), c.hash());
      assertThat(c.hash()).isEqualTo(Json.sha256(c.config().resolved()));
    }
    for (SweepCell c : before.cells()) {
      assertThat(hashes).containsEntry(c.name(), c.hash());
    }
    assertThat(after.cells().stream().map(SweepCell::hash).distinct()).hasSize(6);
  }

  @Test
  void aCellHasTheHashOfTheSameExperimentWrittenWithoutASweep() throws IOException {
    Sweep s = sweep(SOLVER + "sweep:\n  solver.lambda: [0.1, 0.2]\n");
    ExperimentPlan plain = loader.load(write("plain.yaml", "name: sweep\nsolver: { type: toy-solver, lambda: 0.2 }\n"),
        List.of());
    assertThat(s.cells().get(1).hash()).isEqualTo(Json.sha256(plain.experiments().get(0).resolved()));
  }

  @Test
  void flowWritesCompactYaml() {
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("type", "fista");
    block.put("lambda", 1.0e-4);
    assertThat(Sweep.flow(block)).isEqualTo("{type: fista, lambda: 1.0e-4}");
    assertThat(Sweep.flow(List.of(0.087, 0.175))).isEqualTo("[0.087, 0.175]");
    assertThat(Sweep.flow(List.of("a b", "true", "it's", 3L, true))).isEqualTo("['a b', 'true', 'it''s', 3, true]");
  }

  @Test
  void aSweepOfTwoHundredCellsValidatesInSeconds() throws IOException {
    Path file = write("big.yaml", SOLVER + "sweep:\n  solver.lambda: { logspace: [-3, -1, 5] }\n"
        + "  dictionary.size: [5, 6, 7, 8, 9]\n  seeds: 8\n");
    long start = System.nanoTime();
    ExperimentPlan plan = loader.load(file, List.of());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("a 200-cell sweep loaded and bound in %.3f s%n", seconds);
    assertThat(plan.sweep().orElseThrow().cells()).hasSize(200);
    // generous: it takes a fraction of a second; the bound only catches an accidental quadratic blow-up
    assertThat(seconds).isLessThan(30);
  }
}
