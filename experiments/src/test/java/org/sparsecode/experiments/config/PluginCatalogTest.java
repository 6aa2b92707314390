package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

  @Test
  void numbersAreWrittenToSixSignificantDigitsAndWholeOnesAsJavaWritesThem() {
    assertThat(PluginCatalog.yaml(List.of(1.0 / 255, 1e-4, 1e-8, 3.0, 12, 1.0546448087431695)))
        .isEqualTo("[0.00392157, 0.0001, 1e-8, 3.0, 12, 1.05464]");
  }

  @Test
  void aShortListOfAnglesIsWrittenWithItsDegrees() {
    assertThat(PluginCatalog.readable(List.of(0.0, Math.PI / 2), "rad")).isEqualTo("[0, 1.571] rad (0°, 90°)");
    assertThat(PluginCatalog.readable(Math.PI / 24, "rad")).isEqualTo("0.1309 rad (7.5°)");
  }

  @Test
  void aLongListOfAnglesIsWrittenAsCountRangeAndStep() {
    List<Double> twelve = IntStream.range(0, 12).mapToObj(i -> i * Math.PI / 12).toList();
    assertThat(PluginCatalog.readable(twelve, "rad")).isEqualTo("12 values, 0 to 2.88 rad (0° to 165° by 15°)");
    assertThat(PluginCatalog.readable(List.of(0.0, 0.1, 0.2, 0.3, 1.0), "rad"))
        .isEqualTo("5 values, 0 to 1 rad (0° to 57.3°)");
  }

  @Test
  void valuesWithoutAngleUnitAreWrittenAsYaml() {
    assertThat(PluginCatalog.readable(List.of(0.0, 0.5), "")).isEqualTo("[0.0, 0.5]");
  }
}
