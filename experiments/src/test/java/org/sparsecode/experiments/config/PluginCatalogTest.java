package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.core.plugin.PluginRegistry;

class PluginCatalogTest {

  @Test
  void theListingGivesRolesPluginsKeysAndDefaults() {
    PluginRegistry registry = PluginRegistry.of(List.of(new ToyPlugins.Solver(), new ToyPlugins.Learner(),
        new ToyPlugins.Images()));
    assertThat(ConfigLoader.describePlugins(registry)).isEqualTo(String.join("\n",
        "images (ImageSource)",
        "  toy-images - no images at all",
        "      size  integer, default 64",
        "      path  string, optional, no default",
        "",
        "learning (DictionaryLearner)",
        "  toy-learner",
        "      steps  integer, required",
        "      rate   number, default 0.1",
        "",
        "solver (SparseSolver)",
        "  toy-solver",
        "      lambda   number, default 0.01",
        "      maxIter  integer, default 100",
        "      autoRho  map, default {enabled: true, period: 10}",
        ""));
  }

  @Test
  void anEmptyRegistrySaysSo() {
    assertThat(PluginCatalog.describe(PluginRegistry.of(List.of()))).isEqualTo("(no plugins on the class path)\n");
  }

  @Test
  void valuesAreWrittenInYamlFlowStyle() {
    assertThat(PluginCatalog.yaml(Map.of("linspace", List.of(0.0, 0.5, 7)))).isEqualTo("{linspace: [0.0, 0.5, 7]}");
    assertThat(PluginCatalog.yaml("a b: c")).isEqualTo("'a b: c'");
    assertThat(PluginCatalog.yaml("local-contrast")).isEqualTo("local-contrast");
  }
}
