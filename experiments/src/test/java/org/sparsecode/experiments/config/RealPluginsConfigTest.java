package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;

/** End to end against the plugins of sparsecode-core and sparsecode-eval, found by the ServiceLoader. */
class RealPluginsConfigTest {
  private final ConfigLoader loader = new ConfigLoader(PluginRegistry.load());
  private final Path file = ConfigLoaderTest.resource("yaml/real-quickstart.yaml");

  @Test
  void theQuickstartLoadsBothVariants() {
    ExperimentPlan plan = loader.load(file, List.of());
    assertThat(plan.experiments()).extracting(ExperimentConfig::variant).containsExactly("thin", "full");
    ExperimentConfig full = plan.experiments().get(1);
    assertThat(full.images().type()).isEqualTo("embedded");
    assertThat(full.dictionary().type()).isEqualTo("log-gabor");
    assertThat(full.solver().type()).isEqualTo("cbpdn-admm");
    assertThat(full.metrics()).extracting(PluginChoice::type).containsExactly("psnr", "sparseness");
    assertThat(full.resolved()).extractingByKey("dictionary").asString().contains("preset=full");
    assertThat(full.resolved()).extractingByKey("solver").asString().contains("lambda=0.01");
  }

  @Test
  void aMisspeltTypeSuggestsTheRealName() {
    assertThatThrownBy(() -> loader.load(file, List.of("dictionary.type=log-gabr")))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("--set dictionary.type=log-gabr: unknown dictionary type 'log-gabr'; did you mean"
            + " 'log-gabor'? Available: ")
        .hasMessageContaining("log-gabor");
  }

  @Test
  void theSolversOwnValidationIsReportedWithThePath() {
    assertThatThrownBy(() -> loader.load(file, List.of("solver.lambda=-1")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("--set solver.lambda=-1: must be > 0 and finite, got -1.0");
  }

  @Test
  void anErrorInAListInsideABlockNamesTheItem() {
    assertThatThrownBy(() -> loader.load(file, List.of("images.names=[nosuch]")))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("--set images.names=[nosuch]: images.names[0]: ");
  }

  @Test
  void anUnknownSolverKeyInTheFileIsLocated() {
    assertThatThrownBy(() -> loader.load(file, List.of("solver.autoRho.perod=3")))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith("--set solver.autoRho.perod=3: unknown key 'perod'; did you mean 'period'?");
  }

  @Test
  void everyVariantSurvivesTheRoundTripThroughResolved(@TempDir Path dir) throws IOException {
    for (ExperimentConfig first : loader.load(file, List.of()).experiments()) {
      Path copy = dir.resolve(first.variant() + ".yaml");
      new YAMLMapper().writeValue(copy.toFile(), first.resolved());
      ExperimentConfig again = loader.load(copy, List.of()).experiments().get(0);
      assertThat(again.resolved()).isEqualTo(first.resolved());
      assertThat(again.images().settings()).isEqualTo(first.images().settings());
      assertThat(again.dictionary().settings()).isEqualTo(first.dictionary().settings());
      assertThat(again.solver().settings()).isEqualTo(first.solver().settings());
    }
  }
}
