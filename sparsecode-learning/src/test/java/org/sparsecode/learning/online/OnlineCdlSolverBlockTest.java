package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.CodingResult;
import org.sparsecode.api.solver.SolveListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.learning.checkpoint.LearningCheckpoint;
import org.sparsecode.learning.hebbian.HebbianPlugin;

/**
 * The {@code solver} block of {@code online-cdl}: it replaces the default {@code cbpdn-admm} of the flat keys
 * (giving both is an error), any solver plugin codes the steps, an ℓ1 warm-startable one from each image's last
 * code (forgotten at checkpoints, so a resumed run is bit-identical), and the dictionary step's gradient backend
 * can be replaced. Small problems: 8 atoms of 8×8 on the 64×64 fixture images or 32×32 crops.
 */
class OnlineCdlSolverBlockTest {
  private static final PluginContext CONTEXT = new PluginContext(5L, Precision.FLOAT64, 1, Path.of(""));

  private static Dictionary initial() {
    return PlantedDictionaryTest.windowedAtoms(new SplittableRandom(9), 8, 8);
  }

  /** The settings of a YAML {@code learning:} block (without its type). */
  private static OnlineCdlSettings settings(Map<String, Object> values) {
    return SettingsBinder.bind(OnlineCdlSettings.class, values);
  }

  private static Map<String, Object> fista(double lambda, int iterations) {
    return new LinkedHashMap<>(Map.of("type", "fista", "lambda", lambda, "maxIterations", iterations,
        "relStopTol", 0.0));
  }

  private static Map<String, Object> keys(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The learner the plugin creates, its solver from the registry. */
  private static OnlineCdl learner(OnlineCdlSettings s) {
    return (OnlineCdl) new OnlineCdlPlugin().create(s, CONTEXT);
  }

  /** One fixture image, the only one of its source. */
  private static ImageSource oneImage(String name) {
    return ImageSource.of(List.of(LearningFixtures.image(name)));
  }

  /** A solver that records the initial code of each solve, around a real one. */
  private static final class Recording implements WarmStartableSolver {
    final WarmStartableSolver inner;
    final List<SparseCode> initials = new ArrayList<>();
    final List<SparseCode> returned = new ArrayList<>();

    Recording(SparseSolver inner) {
      this.inner = (WarmStartableSolver) inner;
    }

    @Override
    public synchronized CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
      initials.add(initial);
      CodingResult r = inner.solve(d, s, initial, listener);
      returned.add(r.code());
      return r;
    }

    @Override
    public double lambda() {
      return inner.lambda();
    }
  }

  private static Recording recordingFista(Map<String, Object> block) {
    return new Recording(HebbianPlugin.solver(block, PluginRegistry.load(), CONTEXT));
  }

  @Test
  void withASolverBlockTheFlatSolverKeysStayUnsetAndOutOfTheResolvedSettings() {
    OnlineCdlSettings s = settings(keys("steps", 3, "solver", fista(0.05, 20)));
    assertThat(new Object[] {s.lambda(), s.rho(), s.maxIterations(), s.relStopTol(), s.relaxation(),
        s.nonNegative()}).containsOnlyNulls();
    assertThat(SettingsBinder.toMap(s)).doesNotContainKeys("lambda", "rho", "maxIterations", "relStopTol",
        "relaxation", "nonNegative").containsEntry("solver", fista(0.05, 20));
  }

  @Test
  void aFlatSolverKeyGivenWithASolverBlockIsAnErrorNamingBothKeys() {
    Map<String, Object> values = Map.of("lambda", 0.1, "rho", 5.0, "maxIterations", 10, "relStopTol", 1e-3,
        "relaxation", 1.5, "nonNegative", true);
    for (String key : OnlineCdlSettings.SOLVER_KEYS) {
      assertThatThrownBy(() -> settings(keys(key, values.get(key), "solver", fista(0.05, 20))))
          .as("flat key %s", key).isInstanceOfSatisfying(ConfigException.class,
              e -> assertThat(e.key()).isEqualTo(key))
          .hasMessageContaining("cannot be given together with learning.solver (type fista)")
          .hasMessageContaining("learning.solver." + key);
    }
  }

  @Test
  void aSolverBlockWithoutATypeIsAnErrorOnSolverType() {
    assertThatThrownBy(() -> settings(keys("solver", keys("lambda", 0.1))))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("solver.type"));
  }

  @Test
  void aMisspeltKeyInTheSolverBlockIsAnErrorNamingItWhenTheLearnerIsCreated() {
    OnlineCdlSettings s = settings(keys("solver", keys("type", "fista", "lambdaa", 0.1)));
    assertThatThrownBy(() -> learner(s)).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.key()).isEqualTo("solver.lambdaa"));
  }

  @Test
  void aCbpdnAdmmBlockWithTheDefaultsSettingsLearnsTheDefaultsDictionaryBitForBit() {
    // crops: never warm-started, so the block's solver codes every step as the default one does
    Map<String, Object> common = keys("steps", 4, "imageOrder", "random", "crop", 32, "checkpointEvery", 0);
    Map<String, Object> flat = new LinkedHashMap<>(common);
    flat.putAll(keys("lambda", 0.02, "rho", 4.0, "maxIterations", 15, "relStopTol", 1e-3, "relaxation", 1.6));
    Map<String, Object> block = new LinkedHashMap<>(common);
    block.put("solver", keys("type", "cbpdn-admm", "lambda", 0.02, "rho", 4.0, "maxIterations", 15,
        "relStopTol", 1e-3, "relaxation", 1.6, "absStopTol", 0.0, "l1Weight", 1.0, "autoRho",
        keys("enabled", false)));
    assertLearnTheSame(flat, block);
  }

  @Test
  void aCbpdnAdmmBlockWithoutWarmStartLearnsTheDefaultsDictionaryBitForBitOnWholeImages() {
    // whole images, where a block's solver would be warm-started: warmStart false codes every step from zero
    Map<String, Object> common = keys("steps", 3, "imageOrder", "random", "crop", "none", "checkpointEvery", 0);
    Map<String, Object> flat = new LinkedHashMap<>(common);
    flat.putAll(keys("lambda", 0.02, "rho", 4.0, "maxIterations", 12, "relStopTol", 1e-3, "relaxation", 1.6));
    Map<String, Object> block = new LinkedHashMap<>(common);
    block.put("warmStart", false);
    block.put("solver", keys("type", "cbpdn-admm", "lambda", 0.02, "rho", 4.0, "maxIterations", 12,
        "relStopTol", 1e-3, "relaxation", 1.6, "autoRho", keys("enabled", false)));
    assertLearnTheSame(flat, block);
  }

  @Test
  void warmStartIsOnByDefaultWithABlockAndStaysOutOfTheSettingsWithout() {
    assertThat(settings(keys("solver", fista(0.05, 20))).warmStart()).isTrue();
    assertThat(settings(keys("steps", 3)).warmStart()).isNull();
    assertThat(settings(keys("warmStart", false)).warmStart()).isNull();
    // the resolved settings (and so the run's configSha256) of a file without a block are what they were
    assertThat(SettingsBinder.toMap(settings(keys("steps", 3)))).doesNotContainKey("warmStart");
  }

  @Test
  void warmStartTrueWithoutASolverBlockIsAnErrorOnWarmStart() {
    assertThatThrownBy(() -> settings(keys("warmStart", true)))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("warmStart"))
        .hasMessageContaining("needs a learning.solver block");
  }

  @Test
  void aBlockSolverNoProviderTakesKeepsTheCpuDictionaryStep() {
    OnlineCdl l = learner(settings(keys("steps", 2, "solver", fista(0.05, 5))));
    assertThat(l.dictionaryGradient().describe()).containsEntry("backend", "cpu");
  }

  @Test
  void aFistaBlockLearnsTheCodingObjectiveOfAnImageFallsStepAfterStep() {
    OnlineCdl l = learner(settings(keys("steps", 10, "imageOrder", "sequential", "stepSize", "lipschitz",
        "stepScale", 1.9, "checkpointEvery", 0, "solver", fista(0.05, 40))));
    List<Double> objective = new ArrayList<>();
    l.learn(initial(), oneImage("camera"), (j, n, o) -> objective.add(o));
    for (int j = 1; j < objective.size(); j++) {
      assertThat(objective.get(j)).as("objective of step %d (step %d: %s)", j, j - 1, objective.get(j - 1))
          .isLessThan(objective.get(j - 1));
    }
    // 83.9 at step 0, 73.1 at step 9
    assertThat(objective.get(objective.size() - 1)).isLessThan(0.9 * objective.get(0));
  }

  @Test
  void anL1WarmStartableSolverCodesEachImageFromItsLastCode() {
    Recording r = recordingFista(fista(0.05, 10));
    OnlineCdl l = new OnlineCdl(settings(keys("steps", 3, "checkpointEvery", 0, "solver", fista(0.05, 10))),
        CONTEXT, r);
    assertThat(l.warmStarts()).isTrue();
    l.learn(initial(), oneImage("coffee"), LearnListener.NONE);
    assertThat(r.initials).hasSize(3);
    assertThat(r.initials.get(0)).isNull();
    assertThat(r.initials.get(1)).isSameAs(r.returned.get(0));
    assertThat(r.initials.get(2)).isSameAs(r.returned.get(1));
  }

  @Test
  void theLastCodesAreForgottenAtEveryCheckpointStep() {
    Recording r = recordingFista(fista(0.05, 5));
    new OnlineCdl(settings(keys("steps", 5, "checkpointEvery", 2, "solver", fista(0.05, 5))), CONTEXT, r)
        .learn(initial(), oneImage("coffee"), LearnListener.NONE);
    List<Boolean> cold = r.initials.stream().map(c -> c == null).toList();
    assertThat(cold).containsExactly(true, false, true, false, true);
  }

  @Test
  void aWarmStartedRunResumedFromItsCheckpointEndsWithTheSameDictionaryBitForBit(@TempDir Path dir) {
    OnlineCdlSettings s = settings(keys("steps", 6, "imageOrder", "random", "checkpointEvery", 2, "solver",
        fista(0.05, 8)));
    List<Double> straight = new ArrayList<>();
    Dictionary expected = learner(s).learn(initial(), LearningFixtures.fixtureImages(),
        (j, n, o) -> straight.add(o));
    assertThatThrownBy(() -> learner(s).checkpointingTo(dir).learn(initial(), LearningFixtures.fixtureImages(),
        (j, n, o) -> {
          if (j == 4) {
            throw new IllegalStateException("interrupted");
          }
        })).hasMessage("interrupted");
    assertThat(LearningCheckpoint.read(dir)).get().extracting(LearningCheckpoint::step).isEqualTo(4);
    List<Double> resumed = new ArrayList<>();
    Dictionary got = learner(s).checkpointingTo(dir).learn(initial(), LearningFixtures.fixtureImages(),
        (j, n, o) -> resumed.add(o));
    assertThat(got.kernels()).containsExactly(expected.kernels());
    assertThat(resumed).containsExactlyElementsOf(straight);
  }

  @Test
  void aCheckpointOfTheDefaultSolverIsNotResumedWithASolverBlock(@TempDir Path dir) {
    Map<String, Object> common = keys("steps", 2, "crop", 32, "checkpointEvery", 1);
    Map<String, Object> withBlock = new LinkedHashMap<>(common);
    withBlock.put("solver", fista(0.05, 5));
    learner(settings(common)).checkpointingTo(dir).learn(initial(), LearningFixtures.fixtureImages(),
        LearnListener.NONE);
    Dictionary expected = learner(settings(withBlock)).learn(initial(), LearningFixtures.fixtureImages(),
        LearnListener.NONE);
    Dictionary got = learner(settings(withBlock)).checkpointingTo(dir).learn(initial(),
        LearningFixtures.fixtureImages(), LearnListener.NONE);
    assertThat(got.kernels()).containsExactly(expected.kernels());
  }

  @Test
  void greedySolversAndCroppedImagesAreCodedFromZero() {
    assertThat(learner(settings(keys("solver", keys("type", "matching-pursuit", "maxAtoms", 20)))).warmStarts())
        .isFalse();
    assertThat(learner(settings(keys("crop", 32, "solver", fista(0.05, 5)))).warmStarts()).isFalse();
    assertThat(learner(settings(keys())).warmStarts()).as("the default cbpdn-admm, as SPORCO").isFalse();
  }

  @Test
  void aSolverThatReportsNoStatisticsGetsTheObjectiveOfItsCodeComputed() {
    SparseSolver fista = HebbianPlugin.solver(fista(0.05, 10), PluginRegistry.load(), CONTEXT);
    SparseSolver silent = new WarmStartableSolver() {
      @Override
      public CodingResult solve(Dictionary d, Image s, SparseCode initial, SolveListener listener) {
        CodingResult r = ((WarmStartableSolver) fista).solve(d, s, initial, listener);
        return new CodingResult(r.code(), List.of(), 0, r.converged());
      }

      @Override
      public double lambda() {
        return fista.lambda();
      }
    };
    OnlineCdlSettings s = settings(keys("steps", 2, "checkpointEvery", 0, "solver", fista(0.05, 10)));
    List<Double> reported = new ArrayList<>();
    new OnlineCdl(s, CONTEXT, fista).learn(initial(), oneImage("rocket"), (j, n, o) -> reported.add(o));
    List<Double> computed = new ArrayList<>();
    new OnlineCdl(s, CONTEXT, silent).learn(initial(), oneImage("rocket"), (j, n, o) -> computed.add(o));
    assertThat(computed).hasSize(2);
    for (int j = 0; j < 2; j++) {
      assertThat(computed.get(j)).as("step %d", j).isCloseTo(reported.get(j), within(1e-9 * reported.get(j)));
    }
    assertThat(new OnlineCdl(s, CONTEXT, silent).warmStarts()).isTrue();
  }

  @Test
  void anotherDictionaryGradientBackendTakesTheCpusPlace() {
    OnlineCdlSettings s = settings(keys("steps", 3, "minibatch", 2, "crop", 32, "checkpointEvery", 0, "solver",
        fista(0.05, 10)));
    List<Integer> batches = new ArrayList<>();
    DictionaryGradient counting = (d, images, codes, gradient) -> {
      batches.add(images.size());
      assertThat(codes).hasSameSizeAs(images);
      return DictionaryGradient.cpu().accumulate(d, images, codes, gradient);
    };
    Dictionary expected = learner(s).learn(initial(), LearningFixtures.fixtureImages(), LearnListener.NONE);
    Dictionary got = learner(s).withDictionaryGradient(counting).learn(initial(), LearningFixtures.fixtureImages(),
        LearnListener.NONE);
    assertThat(got.kernels()).containsExactly(expected.kernels());
    assertThat(batches).containsExactly(2, 2, 2);
    // a zero gradient: each step only re-projects, so the dictionary stays the projected start
    Dictionary still = learner(s).withDictionaryGradient((d, images, codes, gradient) ->
        new DataTermGradient.Sums(Double.NaN, 1, 0)).learn(initial(), LearningFixtures.fixtureImages(),
        LearnListener.NONE);
    assertThat(still.kernels()).containsExactly(OnlineCdl.project(initial(), false).kernels(), within(1e-15));
  }

  @Test
  void aSolverWithoutABlockInTheSettingsIsRefused() {
    SparseSolver fista = HebbianPlugin.solver(fista(0.05, 10), PluginRegistry.load(), CONTEXT);
    assertThatThrownBy(() -> new OnlineCdl(settings(keys()), CONTEXT, fista))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OnlineCdl(settings(keys("solver", fista(0.05, 5))), CONTEXT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The flat keys and the block (which must not warm-start) learn the same dictionary and trace, bit for bit. */
  private static void assertLearnTheSame(Map<String, Object> flat, Map<String, Object> block) {
    List<Double> defaultTrace = new ArrayList<>();
    List<Double> blockTrace = new ArrayList<>();
    Dictionary expected = learner(settings(flat)).learn(initial(), LearningFixtures.fixtureImages(),
        (j, n, o) -> defaultTrace.add(o));
    OnlineCdl withBlock = learner(settings(block));
    assertThat(withBlock.warmStarts()).isFalse();
    Dictionary got = withBlock.learn(initial(), LearningFixtures.fixtureImages(), (j, n, o) -> blockTrace.add(o));
    assertThat(got.kernels()).containsExactly(expected.kernels());
    assertThat(blockTrace).containsExactlyElementsOf(defaultTrace);
  }
}
