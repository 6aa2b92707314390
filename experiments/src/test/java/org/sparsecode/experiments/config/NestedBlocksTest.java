package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.Checks;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * Plugin blocks inside blocks ({@link PluginBlock} components, such as a learner's {@code learning.solver}) are
 * bound when the file is read: a misspelt key, a bad value and an unknown type inside them read
 * {@code FILE:LINE:COLUMN: learning.solver.key: problem} (or {@code --set ...: problem}), for every learner that
 * takes a solver block, as a mistake in a top-level block does. Line and column were checked by hand against the
 * text of {@link #learner}.
 */
class NestedBlocksTest {
  /** The learners whose settings hold a solver block. */
  private static final List<String> LEARNERS = List.of("online-cdl", "hebbian", "parametric-log-gabor");
  private static final String FISTA_KEYS = "Valid keys: lambda, maxIterations, relStopTol, lipschitz, backtracking,"
      + " nonNegative, l1Weight";

  private final ConfigLoader loader = new ConfigLoader(PluginRegistry.load());

  @TempDir
  Path tmp;

  /** An experiment whose learner codes with the given solver block lines (indented under {@code solver:}). */
  private Path learner(String learner, String... solverLines) throws IOException {
    StringBuilder text = new StringBuilder("""
        name: nest
        images: {type: embedded, size: 32, names: [camera]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        learning:
          type: %s
          steps: 2
          solver:
        """.formatted(learner));
    for (String line : solverLines) {
      text.append("    ").append(line).append('\n');
    }
    return Files.writeString(tmp.resolve(learner + ".yaml"), text);
  }

  private Path valid(String learner) throws IOException {
    return learner(learner, "type: fista", "maxIterations: 5");
  }

  private Stream<DynamicTest> eachLearner(String what, Case test) {
    return LEARNERS.stream().map(l -> DynamicTest.dynamicTest(l + ": " + what, () -> test.run(l)));
  }

  @FunctionalInterface
  private interface Case {
    void run(String learner) throws IOException;
  }

  private void assertFails(Path file, List<String> sets, String message) {
    assertThatThrownBy(() -> loader.load(file, sets)).isInstanceOf(ConfigError.class).hasMessage(message);
  }

  // ---------------------------------------------------------------------------------------------------
  // in the file

  @TestFactory
  Stream<DynamicTest> aMisspeltKeyInTheSolverBlockIsLocatedAtTheKey() {
    return eachLearner("maxIteration", l -> {
      Path file = learner(l, "type: fista", "maxIteration: 5");
      assertFails(file, List.of(), file + ":9:5: learning.solver.maxIteration: unknown key 'maxIteration'; did you"
          + " mean 'maxIterations'? " + FISTA_KEYS);
    });
  }

  @TestFactory
  Stream<DynamicTest> aBadValueInTheSolverBlockIsLocatedAtTheValue() {
    return eachLearner("maxIterations: -3", l -> {
      Path file = learner(l, "type: fista", "maxIterations: -3");
      assertFails(file, List.of(), file + ":9:20: learning.solver.maxIterations: must be >= 1, got -3");
    });
  }

  @TestFactory
  Stream<DynamicTest> aValueOfTheWrongTypeInTheSolverBlockIsLocatedAtTheValue() {
    return eachLearner("lambda: abc", l -> {
      Path file = learner(l, "type: fista", "lambda: abc");
      assertFails(file, List.of(), file + ":9:13: learning.solver.lambda: expected a number, got 'abc'");
    });
  }

  @TestFactory
  Stream<DynamicTest> anUnknownSolverTypeIsLocatedAndListsTheSolvers() {
    return eachLearner("type: fsta", l -> {
      Path file = learner(l, "type: fsta", "maxIterations: 5");
      assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
          .hasMessageStartingWith(file + ":8:11: learning.solver.type: unknown solver type 'fsta'; did you mean"
              + " 'fista'? Available: cbpdn-admm (")
          .hasMessageContaining(", fista (").hasMessageContaining(", lca (").hasMessageContaining(", omp (");
    });
  }

  // ---------------------------------------------------------------------------------------------------
  // by --set, reported against the override as a top-level block's are

  @TestFactory
  Stream<DynamicTest> aMisspeltKeySetIntoTheSolverBlockNamesTheOverride() {
    return eachLearner("--set learning.solver.maxIteration=5", l -> assertFails(valid(l),
        List.of("learning.solver.maxIteration=5"), "--set learning.solver.maxIteration=5: unknown key"
            + " 'maxIteration'; did you mean 'maxIterations'? " + FISTA_KEYS));
  }

  @TestFactory
  Stream<DynamicTest> aBadValueSetIntoTheSolverBlockNamesTheOverride() {
    return eachLearner("--set learning.solver.maxIterations=-3", l -> assertFails(valid(l),
        List.of("learning.solver.maxIterations=-3"), "--set learning.solver.maxIterations=-3: must be >= 1, got -3"));
  }

  @TestFactory
  Stream<DynamicTest> anUnknownSolverTypeSetIntoTheBlockNamesTheOverride() {
    return eachLearner("--set learning.solver.type=fsta", l ->
        assertThatThrownBy(() -> loader.load(valid(l), List.of("learning.solver.type=fsta")))
            .isInstanceOf(ConfigError.class)
            .hasMessageStartingWith("--set learning.solver.type=fsta: unknown solver type 'fsta'; did you mean"
                + " 'fista'? Available: cbpdn-admm ("));
  }

  @TestFactory
  Stream<DynamicTest> aWholeSolverBlockSetWithAMistakeNamesTheKeyInsideIt() {
    return eachLearner("--set learning.solver={...}", l -> assertFails(valid(l),
        List.of("learning.solver={type: lca, lamda: 0.1}"), "--set learning.solver={type: lca, lamda: 0.1}:"
            + " learning.solver.lamda: unknown key 'lamda'; did you mean 'lambda'? Valid keys: lambda, tau,"
            + " maxIterations, relStopTol, threshold, nonNegative"));
  }

  // ---------------------------------------------------------------------------------------------------
  // what stays as it was

  @TestFactory
  Stream<DynamicTest> aValidSolverBlockLoadsAndIsKeptAsWritten() {
    return eachLearner("valid", l -> {
      ExperimentConfig c = loader.load(valid(l), List.of()).experiments().get(0);
      assertThat(c.learning().type()).isEqualTo(l);
      // as written, without the solver's defaults: the configuration's hash of an existing run stays the same
      assertThat(((Map<?, ?>) c.resolved().get("learning")).get("solver"))
          .isEqualTo(Map.of("type", "fista", "maxIterations", 5));
    });
  }

  @Test
  void theLearnersOwnCheckOfTheBlockComesFirst() throws IOException {
    Path file = learner("online-cdl", "lambda: 0.1");
    assertFails(file, List.of(), file + ":7:3: learning.solver.type: is required in the solver block (e.g."
        + " cbpdn-admm, fista, lca), got null");
  }

  @Test
  void aMistakeFromAVariantIsNamedByTheVariantsPath() throws IOException {
    Path file = Files.writeString(tmp.resolve("variants.yaml"), """
        name: nest
        images: {type: embedded, size: 32, names: [camera]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        learning: {type: hebbian, steps: 2, solver: {type: lca, maxIterations: 5}}
        variants:
          ok: {}
          bad: {learning: {solver: {maxIteration: 3}}}
        """);
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":7:29: variants.bad.learning.solver.maxIteration: unknown key"
            + " 'maxIteration'; did you mean 'maxIterations'?");
  }

  // ---------------------------------------------------------------------------------------------------
  // the image sources' preprocessing steps: names, lists, the source's size

  @Test
  void anUnknownPreprocessingStepIsLocatedAtItsName() throws IOException {
    Path file = Files.writeString(tmp.resolve("steps.yaml"), """
        images: {type: embedded, size: 32, names: [camera], preprocess: [grey, grye]}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        solver: {type: fista}
        """);
    assertThatThrownBy(() -> loader.load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":1:72: images.preprocess[1]: unknown preprocess type 'grye'. Available:"
            + " center-crop (");
  }

  @Test
  void aMisspeltKeyOfAPreprocessingStepIsLocatedAtTheKey() throws IOException {
    Path file = Files.writeString(tmp.resolve("steps.yaml"), """
        images:
          type: embedded
          size: 32
          preprocess: [grey, {type: resize, sise: 16}]
        dictionary: {type: log-gabor, preset: thin, size: 8}
        solver: {type: fista}
        """);
    assertFails(file, List.of(), file + ":4:37: images.preprocess[1].sise: unknown key 'sise'; did you mean"
        + " 'size'? Valid keys: size");
  }

  @Test
  void aSinglePreprocessingStepMapIsCheckedToo() throws IOException {
    Path file = Files.writeString(tmp.resolve("steps.yaml"), """
        images: {type: embedded, size: 32}
        dictionary: {type: log-gabor, preset: thin, size: 8}
        solver: {type: fista}
        """);
    assertFails(file, List.of("images.preprocess={type: resize, size: 4}"), "--set images.preprocess={type: resize,"
        + " size: 4}: images.preprocess.size: must be >= 8, got 4");
  }

  // ---------------------------------------------------------------------------------------------------
  // the mechanism, on toy plugins: blocks within blocks, inherited keys

  /** An inner block's settings: {@code level >= 1}. */
  record InnerSettings(Integer level) {
    InnerSettings {
      level = Checks.atLeast("level", level == null ? 1 : level, 1);
    }
  }

  /** A solver block's settings holding another block. */
  record OuterSettings(Double lambda, @PluginBlock(SparseSolver.class) Map<String, Object> inner) {}

  /** A learner block's settings holding a solver block. */
  record NestLearnerSettings(Integer steps, @PluginBlock(SparseSolver.class) Map<String, Object> solver) {}

  /** A step's settings: {@code size >= 16}. */
  record StepSettings(Integer size) {
    StepSettings {
      size = Checks.atLeast("size", size == null ? 64 : size, 16);
    }
  }

  /** An image source whose steps take its size. */
  record NestImagesSettings(Integer size,
      @PluginBlock(value = ImagePreprocessor.class, byName = true, list = true, inherit = "size") Object steps) {}

  /** A plugin that only carries settings. */
  static final class Toy<T, S extends Record> extends TypedPlugin<T, S> {
    Toy(String name, Class<T> role, Class<S> settings) {
      super(name, role, settings, "");
    }

    @Override
    protected T build(S settings, PluginContext context) {
      throw new UnsupportedOperationException();
    }
  }

  private ConfigLoader toys() {
    List<Plugin<?>> plugins = new ArrayList<>(LoaderTestBase.TOYS.all());
    plugins.add(new Toy<>("nest-learner", DictionaryLearner.class, NestLearnerSettings.class));
    plugins.add(new Toy<>("nest-outer", SparseSolver.class, OuterSettings.class));
    plugins.add(new Toy<>("nest-inner", SparseSolver.class, InnerSettings.class));
    plugins.add(new Toy<>("nest-images", ImageSource.class, NestImagesSettings.class));
    plugins.add(new Toy<>("nest-step", ImagePreprocessor.class, StepSettings.class));
    return new ConfigLoader(PluginRegistry.of(plugins));
  }

  @Test
  void aBlockInsideANestedBlockIsCheckedInTurn() throws IOException {
    Path file = Files.writeString(tmp.resolve("deep.yaml"), LoaderTestBase.BASE + """
        learning:
          type: nest-learner
          solver:
            type: nest-outer
            inner: {type: nest-inner, level: 0}
        """);
    assertThatThrownBy(() -> toys().load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":8:38: learning.solver.inner.level: must be >= 1, got 0");
  }

  @Test
  void aStepLeavingOutAnInheritedKeyTakesTheEnclosingBlocksValue() throws IOException {
    Path file = Files.writeString(tmp.resolve("inherit.yaml"), """
        images: {type: nest-images, size: 8, steps: [nest-step, {type: nest-step, size: 32}]}
        dictionary: {type: toy-kernels}
        solver: {type: toy-solver}
        metrics: [toy-metric]
        """);
    // the first step takes the source's 8, below its 16; the second gives its own size
    assertThatThrownBy(() -> toys().load(file, List.of())).isInstanceOf(ConfigError.class)
        .hasMessage(file + ":1:46: images.steps[0].size: must be >= 16, got 8");
    assertThat(toys().load(file, List.of("images.size=16")).experiments()).hasSize(1);
  }
}
