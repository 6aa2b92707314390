package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
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

  /**
   * A huge count is refused when the file loads, naming the key and its allowed range, rather than failing an
   * allocation later: one {@code --set} per bounded setting of the real plugins.
   */
  @TestFactory
  Stream<DynamicTest> everyHugeCountIsRefusedWithItsRange() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("images.size=100000", "must be in [8, 16384] pixels, got 100000");
    cases.put("images={type: directory, path: x, size: 100000}", "images.size: must be in [8, 16384] pixels, got"
        + " 100000");
    cases.put("dictionary.size=100000", "must be an even number in [2, 4096], got 100000");
    cases.put("dictionary.thetas=1000000000", "the count must be in [1, 1000000], got 1000000000");
    // thin fails first (the full preset's 6 bandwidths make another count)
    cases.put("dictionary.thetas=100000", "100000 thetas x 1 bThetas x 2 phases make 200000 kernels; a dictionary"
        + " may hold at most 100000 (in variant 'thin')");
    cases.put("dictionary={type: gabor, thetas: 100000}", "dictionary.thetas: 100000 thetas x 2 phases make 200000"
        + " kernels; a dictionary may hold at most 100000");
    cases.put("dictionary={type: random, kernels: 2000000000, size: 1}", "dictionary.kernels: must be in [1,"
        + " 100000], got 2000000000");
    cases.put("solver.maxIterations=1e12", "must be in [1, 1000000], got 1.0E12");
    cases.put("solver.maxIterations=2000000000", "must be in [1, 1000000], got 2000000000");
    cases.put("solver={type: fista, maxIterations: 1e9}", "solver.maxIterations: must be in [1, 1000000], got"
        + " 1000000000");
    cases.put("solver={type: lca, maxIterations: 1e9}", "solver.maxIterations: must be in [1, 1000000], got"
        + " 1000000000");
    cases.put("solver={type: omp, maxAtoms: 1e12}", "solver.maxAtoms: must be in [1, 10000000], got 1.0E12");
    cases.put("learning={type: online-cdl, steps: 1e12}", "learning.steps: must be in [1, 1000000], got 1.0E12");
    cases.put("learning={type: online-cdl, minibatch: 1e9}", "learning.minibatch: must be in [1, 10000], got"
        + " 1000000000");
    cases.put("learning={type: online-cdl, crop: 100000}", "learning.crop: must be 'none' or an integer in [1,"
        + " 16384], got 100000");
    cases.put("learning={type: batch-cdl, outerIterations: 1e12}", "learning.outerIterations: must be in [1,"
        + " 1000000], got 1.0E12");
    cases.put("learning={type: hebbian, steps: 1e12}", "learning.steps: must be in [1, 1000000], got 1.0E12");
    cases.put("metrics=[{type: resilience, cutoffs: {linspace: [0, 1, 1e9]}}]", "metrics[0].cutoffs.linspace[2]:"
        + " must be an integer in [2, 10000], got 1.0E9");
    cases.put("solver.lambda=.nan", "must be > 0 and finite, got NaN");
    cases.put("solver.autoRho.scaling=.inf", "must be >= 1 and finite, got Infinity");
    return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () ->
        assertThatThrownBy(() -> loader.load(file, List.of(c.getKey())))
            .isInstanceOf(ConfigError.class)
            .hasMessage("--set " + c.getKey() + ": " + c.getValue())));
  }
}
