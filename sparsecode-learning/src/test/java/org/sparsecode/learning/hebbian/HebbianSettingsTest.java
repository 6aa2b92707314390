package org.sparsecode.learning.hebbian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;
import org.sparsecode.core.solver.admm.ConvBpdnAdmm;

class HebbianSettingsTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  @Test
  void defaultsAreDocumentedValues() {
    HebbianSettings s = HebbianSettings.defaults();
    assertThat(s.steps()).isEqualTo(100);
    assertThat(s.learningRate()).isEqualTo(0.01);
    assertThat(s.solver()).isNull();
    assertThat(s.imageOrder()).isEqualTo("random");
  }

  @Test
  void solverBlockBindsFromAMap() {
    HebbianSettings s = SettingsBinder.bind(HebbianSettings.class,
        Map.of("steps", 5, "solver", Map.of("type", "cbpdn-admm", "lambda", 0.05)));
    assertThat(s.solver()).containsEntry("type", "cbpdn-admm").containsEntry("lambda", 0.05);
  }

  @Test
  void settingsSurviveARoundTripThroughAMap() {
    HebbianSettings s = new HebbianSettings(7, 0.02, Map.of("type", "cbpdn-admm", "lambda", 0.05), "sequential");
    assertThat(SettingsBinder.bind(HebbianSettings.class, SettingsBinder.toMap(s))).isEqualTo(s);
  }

  @Test
  void solverBlockCreatesThatSolverWithItsSettings() {
    HebbianSettings s = new HebbianSettings(null, null, Map.of("type", "cbpdn-admm", "lambda", 0.05), null);
    DictionaryLearner learner = PluginRegistry.load().find(DictionaryLearner.class, "hebbian").create(s, CONTEXT);
    assertThat(((Hebbian) learner).solver()).isInstanceOf(ConvBpdnAdmm.class);
    assertThat(((Hebbian) learner).solver().lambda()).isEqualTo(0.05);
  }

  @Test
  void defaultSolverIsLcaWhenRegisteredElseCbpdnAdmm() {
    PluginRegistry registry = PluginRegistry.load();
    boolean hasLca = registry.ofRole(org.sparsecode.api.solver.SparseSolver.class).stream()
        .anyMatch(p -> p.name().equals("lca"));
    var solver = HebbianPlugin.solver(null, registry, CONTEXT);
    if (hasLca) {
      assertThat(solver).isNotInstanceOf(ConvBpdnAdmm.class);
    } else {
      assertThat(solver).isInstanceOf(ConvBpdnAdmm.class);
    }
  }

  @Test
  void unknownSolverTypeNamesSolverType() {
    assertThatThrownBy(() -> HebbianPlugin.solver(Map.of("type", "cbpdn-adm"), PluginRegistry.load(), CONTEXT))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("solver.type:");
  }

  @Test
  void badSolverSettingNamesTheNestedKey() {
    assertThatThrownBy(() -> HebbianPlugin.solver(Map.of("type", "cbpdn-admm", "lambda", -1.0),
        PluginRegistry.load(), CONTEXT)).isInstanceOf(ConfigException.class).hasMessageStartingWith("solver.lambda:");
  }

  @Test
  void solverBlockWithoutTypeIsRejected() {
    assertThatThrownBy(() -> new HebbianSettings(null, null, Map.of("lambda", 0.1), null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("solver.type:");
  }

  @Test
  void zeroStepsIsRejected() {
    assertThatThrownBy(() -> new HebbianSettings(0, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("steps:");
  }

  @Test
  void negativeLearningRateIsRejected() {
    assertThatThrownBy(() -> new HebbianSettings(null, -0.1, null, null))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("learningRate:");
  }

  @Test
  void unknownImageOrderIsRejected() {
    assertThatThrownBy(() -> new HebbianSettings(null, null, null, "shuffled"))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("imageOrder:");
  }
}
