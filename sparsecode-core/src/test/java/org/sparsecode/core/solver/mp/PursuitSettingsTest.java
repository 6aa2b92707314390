package org.sparsecode.core.solver.mp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Precision;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.solver.SparseSolver;
import org.sparsecode.api.solver.WarmStartableSolver;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/** The settings keys, their defaults and ranges, and the two plugins. */
class PursuitSettingsTest {

  @Test
  void anEmptyBlockGivesAThousandAtomsAndNoOtherRule() {
    PursuitSettings s = SettingsBinder.bind(PursuitSettings.class, Map.of());
    assertThat(s).isEqualTo(PursuitSettings.defaults());
    assertThat(s.maxAtoms()).isEqualTo(1000);
    assertThat(s.residualFraction()).isZero();
    assertThat(s.minCoefficient()).isZero();
  }

  @Test
  void theContractKeysBind() {
    PursuitSettings s = SettingsBinder.bind(PursuitSettings.class,
        Map.of("maxAtoms", 2048, "residualFraction", 0.1, "minCoefficient", 0.5));
    assertThat(s).isEqualTo(new PursuitSettings(2048, 0.1, 0.5));
  }

  @Test
  void maxAtomsBelowOneNamesMaxAtoms() {
    assertThatThrownBy(() -> new PursuitSettings(0, null, null)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("maxAtoms"));
  }

  @Test
  void aResidualFractionAboveOneNamesTheKey() {
    assertThatThrownBy(() -> new PursuitSettings(null, 1.5, null)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("residualFraction"));
  }

  @Test
  void aNegativeResidualFractionNamesTheKey() {
    assertThatThrownBy(() -> new PursuitSettings(null, -0.1, null)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("residualFraction"));
  }

  @Test
  void aNegativeMinCoefficientNamesTheKey() {
    assertThatThrownBy(() -> new PursuitSettings(null, null, -1.0)).isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("minCoefficient"));
  }

  @Test
  void bothPluginsAreRegisteredAndBuildWarmStartableSolvers() {
    PluginRegistry registry = PluginRegistry.load();
    PluginContext context = PluginContext.defaults(Precision.FLOAT64);
    SparseSolver mp = registry.find(SparseSolver.class, "matching-pursuit")
        .create(PursuitSettings.atoms(7), context);
    SparseSolver omp = registry.find(SparseSolver.class, "omp").create(PursuitSettings.atoms(7), context);
    assertThat(mp).isInstanceOf(MatchingPursuit.class).isInstanceOf(WarmStartableSolver.class);
    assertThat(omp).isInstanceOf(OrthogonalMatchingPursuit.class).isInstanceOf(WarmStartableSolver.class);
    assertThat(((MatchingPursuit) mp).settings().maxAtoms()).isEqualTo(7);
    assertThat(mp.lambda()).isNaN();
  }
}
