package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolved configuration, written as YAML and loaded again, gives the same experiment.
 */
class ResolvedRoundTripTest {
  private final ConfigLoader loader = new ConfigLoader(ConfigLoaderTest.TOYS);

  private ExperimentConfig roundTrip(ExperimentConfig first, Path dir) throws IOException {
    Path file = dir.resolve(first.name() + ".yaml");
    new YAMLMapper().writeValue(file.toFile(), first.resolved());
    return loader.load(file, List.of()).experiments().get(0);
  }

  private static void assertSameExperiment(ExperimentConfig again, ExperimentConfig first) {
    assertThat(again.resolved()).isEqualTo(first.resolved());
    assertThat(again.name()).isEqualTo(first.name());
    assertThat(again.seed()).isEqualTo(first.seed());
    assertThat(again.precision()).isEqualTo(first.precision());
    assertThat(again.images().settings()).isEqualTo(first.images().settings());
    assertThat(again.dictionary().settings()).isEqualTo(first.dictionary().settings());
    assertThat(again.solver() == null ? null : again.solver().settings())
        .isEqualTo(first.solver() == null ? null : first.solver().settings());
    assertThat(again.learning() == null ? null : again.learning().settings())
        .isEqualTo(first.learning() == null ? null : first.learning().settings());
    assertThat(again.metrics()).extracting(PluginChoice::settings)
        .isEqualTo(first.metrics().stream().map(PluginChoice::settings).toList());
  }

  @Test
  void resolvedWrittenAsYamlLoadsToTheSameSettings(@TempDir Path dir) throws IOException {
    ExperimentConfig first = loader.load(ConfigLoaderTest.resource("yaml/quick.yaml"), List.of())
        .experiments().get(0);
    assertSameExperiment(roundTrip(first, dir), first);
  }

  @Test
  void everyVariantSurvivesTheRoundTrip(@TempDir Path dir) throws IOException {
    for (ExperimentConfig first : loader.load(ConfigLoaderTest.resource("yaml/variants.yaml"), List.of())
        .experiments()) {
      Path sub = dir.resolve(first.variant());
      java.nio.file.Files.createDirectories(sub);
      assertSameExperiment(roundTrip(first, sub), first);
    }
  }

  @Test
  void aLearningOnlyFileSurvivesTheRoundTrip(@TempDir Path dir) throws IOException {
    ExperimentConfig first = loader.load(ConfigLoaderTest.resource("yaml/learning-only.yaml"), List.of())
        .experiments().get(0);
    assertSameExperiment(roundTrip(first, dir), first);
  }
}
