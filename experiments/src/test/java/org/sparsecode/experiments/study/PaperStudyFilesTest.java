package org.sparsecode.experiments.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.experiments.config.ConfigLoader;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.config.ExperimentPlan;

/**
 * The paper's study files of {@code experiments/paper/} say the same thing in every place: each
 * scenario file is the variant of paper.yaml of the same name, paper-full.yaml is paper.yaml with the paper's
 * learning settings, and the study's {@code --set}s reach every experiment they concern.
 */
@SuppressWarnings("unchecked")
class PaperStudyFilesTest {
  private static final List<String> SCENARIOS = List.of("thin", "full", "learned-thin", "learned-full", "scratch");
  private final ConfigLoader loader = new ConfigLoader(PluginRegistry.load());

  private ExperimentPlan load(String name, String... sets) {
    return loader.load(Path.of("paper", name + ".yaml"), List.of(sets));
  }

  /** A resolved configuration without its name (a variant is named after its file, a scenario file after itself). */
  private static Map<String, Object> unnamed(ExperimentConfig c) {
    Map<String, Object> m = new LinkedHashMap<>(c.resolved());
    m.remove("name");
    return m;
  }

  private static ExperimentConfig variant(ExperimentPlan plan, String name) {
    return plan.experiments().stream().filter(c -> name.equals(c.variant())).findFirst().orElseThrow();
  }

  @Test
  void paperRunsTheFiveScenariosAsVariantsAndPartOneAsAPart() {
    ExperimentPlan paper = load("paper");
    assertThat(paper.experiments()).extracting(ExperimentConfig::variant).containsExactlyElementsOf(SCENARIOS);
    assertThat(paper.parts()).containsOnlyKeys("part-one");
    assertThat(paper.parts().get("part-one").experiments()).extracting(ExperimentConfig::variant)
        .containsExactly("thin", "full");
    assertThat(paper.parts().get("part-one").experiments())
        .allSatisfy(c -> assertThat(((Map<?, ?>) c.resolved().get("solver")).get("lambda")).isEqualTo(1.0e-3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"thin", "full", "learned-thin", "learned-full", "scratch"})
  void eachScenarioFileIsThePaperVariantOfItsName(String scenario) {
    ExperimentConfig alone = load(scenario).experiments().get(0);
    assertThat(unnamed(alone)).isEqualTo(unnamed(variant(load("paper"), scenario)));
  }

  @Test
  void paperFullIsPaperWithThePapersLearningSettings() {
    // paper-full's learning codes with a cbpdn-admm block (so that --set learning.solver.type moves it to ND4J)
    // holding the values of paper's flat keys, without warm start: the same numbers (OnlineCdlSolverBlockTest)
    ExperimentPlan quick = load("paper", "learning.steps=1000", "learning.maxIterations=300", "learning.crop=none");
    ExperimentPlan full = load("paper-full");
    for (String scenario : SCENARIOS) {
      Map<String, Object> expected = unnamed(variant(quick, scenario));
      Map<String, Object> got = unnamed(variant(full, scenario));
      if (expected.get("learning") instanceof Map<?, ?> flat) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "cbpdn-admm");
        Map<String, Object> learning = new LinkedHashMap<>();
        flat.forEach((key, value) -> {
          if (List.of("lambda", "rho", "maxIterations", "relStopTol", "relaxation").contains(key)) {
            block.put((String) key, ((Number) value).doubleValue());
          } else if (!"nonNegative".equals(key)) {
            learning.put((String) key, value);
          }
        });
        block.put("autoRho", Map.of("enabled", false));
        learning.put("warmStart", false);
        learning.put("solver", block);
        expected.put("learning", learning);
        Map<String, Object> gotLearning = new LinkedHashMap<>((Map<String, Object>) got.get("learning"));
        Map<String, Object> gotBlock = new LinkedHashMap<>();
        ((Map<String, Object>) gotLearning.get("solver")).forEach((key, value) ->
            gotBlock.put(key, value instanceof Number n ? (Object) n.doubleValue() : value));
        gotLearning.put("solver", gotBlock);
        got.put("learning", gotLearning);
      }
      assertThat(got).as(scenario).isEqualTo(expected);
    }
  }

  @Test
  void paperWallpapersIsPaperOnTheWallpaperDirectoryPartOneIncluded() {
    ExperimentPlan paper = load("paper");
    ExperimentPlan wallpapers = load("paper-wallpapers");
    for (String scenario : SCENARIOS) {
      Map<String, Object> a = unnamed(variant(paper, scenario));
      Map<String, Object> b = unnamed(variant(wallpapers, scenario));
      assertThat(b.remove("images")).isEqualTo(WALLPAPERS);
      a.remove("images");
      assertThat(b).as(scenario).isEqualTo(a);
    }
    assertThat(wallpapers.parts().get("part-one").experiments())
        .allSatisfy(c -> assertThat(c.resolved().get("images")).isEqualTo(WALLPAPERS));
  }

  /** The images block of paper-wallpapers.yaml, resolved. */
  private static final Map<String, Object> WALLPAPERS = Map.of("type", "directory", "path", "../../data/wallpapers",
      "preprocess", "local-contrast", "size", 256);

  @Test
  void learningStepsChangesEveryLearnerAndNothingElse() {
    ExperimentPlan plan = load("paper", "learning.steps=7");
    for (ExperimentConfig c : plan.experiments()) {
      Object learning = c.resolved().get("learning");
      if (c.variant().startsWith("learned") || c.variant().equals("scratch")) {
        assertThat(((Map<?, ?>) learning).get("steps")).as(c.variant()).isEqualTo(7);
      } else {
        assertThat(learning).as(c.variant()).isNull();
      }
    }
  }

  @Test
  void imagesPathMovesEveryExperimentOfTheStudyToAnotherDirectory(@TempDir Path photos) throws Exception {
    Files.createDirectories(photos);
    ExperimentPlan plan = load("paper", "images.path=" + photos);
    assertThat(plan.experiments()).allSatisfy(c ->
        assertThat(((Map<?, ?>) c.resolved().get("images")).get("path")).isEqualTo(photos.toString()));
    assertThat(plan.parts().get("part-one").experiments()).allSatisfy(c ->
        assertThat(((Map<?, ?>) c.resolved().get("images")).get("path")).isEqualTo(photos.toString()));
  }
}
