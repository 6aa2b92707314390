package org.sparsecode.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.api.metric.Metric;
import org.sparsecode.api.solver.SparseSolver;

class PluginRegistryTest {

  record NoSettings() {}

  private static <T> Plugin<T> plugin(String name, Class<T> role, String description) {
    return new Plugin<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Class<T> role() {
        return role;
      }

      @Override
      public Class<? extends Record> settings() {
        return NoSettings.class;
      }

      @Override
      public T create(Record settings, PluginContext context) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String description() {
        return description;
      }
    };
  }

  private final PluginRegistry registry = PluginRegistry.of(List.of(
      plugin("fista", SparseSolver.class, "proximal gradient"),
      plugin("cbpdn-admm", SparseSolver.class, "ADMM"),
      plugin("psnr", Metric.class, "")));

  @Test
  void findsAPluginByRoleAndName() {
    assertThat(registry.find(SparseSolver.class, "fista").description()).isEqualTo("proximal gradient");
  }

  @Test
  void listsPluginsOfARoleSortedByName() {
    assertThat(registry.ofRole(SparseSolver.class)).extracting(Plugin::name).containsExactly("cbpdn-admm", "fista");
  }

  @Test
  void unknownNameSuggestsTheClosestAndListsTheAvailableOnes() {
    assertThatThrownBy(() -> registry.find(SparseSolver.class, "cbpdn-adm"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("type: unknown solver type 'cbpdn-adm'; did you mean 'cbpdn-admm'? "
            + "Available: cbpdn-admm (ADMM), fista (proximal gradient)");
  }

  @Test
  void unknownNameFarFromEveryCandidateHasNoSuggestion() {
    assertThatThrownBy(() -> registry.find(SparseSolver.class, "orthogonal-pursuit"))
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void roleWithoutPluginsSaysSo() {
    assertThatThrownBy(() -> registry.find(KernelGenerator.class, "log-gabor"))
        .hasMessageContaining("unknown dictionary type 'log-gabor'. Available: (none on the class path)");
  }

  @Test
  void twoPluginsWithTheSameRoleAndNameAreRejected() {
    assertThatThrownBy(() -> PluginRegistry.of(List.of(plugin("psnr", Metric.class, ""),
        plugin("psnr", Metric.class, "")))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two metric plugins are named 'psnr'");
  }

  @Test
  void levenshteinDistanceCountsSingleCharacterEdits() {
    assertThat(Names.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Names.distance("", "abc")).isEqualTo(3);
  }
}
