package org.sparsecode.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.solver.BatchSolver;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;
import org.sparsecode.core.solver.fista.FistaSettings;
import org.sparsecode.core.solver.lca.LcaSettings;

/** The settings of the ND4J solvers: the core solvers' keys and defaults, plus batch and dtype. */
class Nd4jSettingsTest {

  @Test
  void theDefaultsAreTheCoreSolversWithBatchesOfEightInFloat32() {
    assertThat(Nd4jCbpdnAdmmSettings.defaults().core()).isEqualTo(CbpdnAdmmSettings.defaults());
    assertThat(Nd4jFistaSettings.defaults().core()).isEqualTo(FistaSettings.defaults());
    assertThat(Nd4jLcaSettings.defaults().core()).isEqualTo(LcaSettings.defaults());
    assertThat(Nd4jCbpdnAdmmSettings.defaults().batch()).isEqualTo(8);
    assertThat(Nd4jLcaSettings.defaults().dtype()).isEqualTo("float32");
  }

  @Test
  void theCoreChecksApplyWithTheSameKeys() {
    assertThatThrownBy(() -> new Nd4jCbpdnAdmmSettings(null, null, null, null, 2.5, null, null, null, null, null,
        null)).isInstanceOf(ConfigException.class).hasMessageContaining("relaxation");
    assertThatThrownBy(() -> new Nd4jLcaSettings(null, null, null, null, "medium", null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("threshold");
  }

  @Test
  void aBatchOfZeroOrAbsurdlyLargeIsRefusedNamingTheKey() {
    assertThatThrownBy(() -> new Nd4jLcaSettings(null, null, null, null, null, null, 0, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("batch").hasMessageContaining(">= 1");
    assertThatThrownBy(() -> new Nd4jLcaSettings(null, null, null, null, null, null, 1_000_000, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("batch").hasMessageContaining("[1, 4096]");
  }

  @Test
  void anUnknownDtypeIsRefusedListingTheTypes() {
    assertThatThrownBy(() -> new Nd4jFistaSettings(null, null, null, null, null, null, null, null, "int8"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("dtype")
        .hasMessageContaining("must be float32, float64, float16 or bfloat16, got 'int8'");
  }

  @Test
  void backtrackingOtherThanNoneIsRefusedPointingToTheCoreFista() {
    assertThatThrownBy(() -> new Nd4jFistaSettings(null, null, null, null, "robust", null, null, null, null))
        .isInstanceOf(ConfigException.class).hasMessageContaining("backtracking")
        .hasMessageContaining("use type: fista");
  }

  @Test
  void sixteenBitTypesAreRefusedOnTheCpuBackend() {
    PluginContext context = new PluginContext(0, Precision.FLOAT32, 1, Path.of(""));
    Nd4jCbpdnAdmmSettings half = new Nd4jCbpdnAdmmSettings(null, null, null, null, null, null, null, null, null, null,
        "float16");
    assertThatThrownBy(() -> new Nd4jCbpdnAdmmPlugin().create(half, context)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("dtype").hasMessageContaining("float16 needs ND4J's CUDA backend");
  }

  @Test
  void thePluginsMakeBatchSolversThatSayWhatTheyRunOn() {
    PluginContext context = new PluginContext(0, Precision.FLOAT32, 1, Path.of(""));
    BatchSolver s = (BatchSolver) new Nd4jLcaPlugin().create(Nd4jLcaSettings.defaults(), context);
    assertThat(s.batchSize()).isEqualTo(8);
    assertThat(s.device()).containsEntry("backend", "cpu").containsEntry("dtype", "float32")
        .containsEntry("library", "nd4j 1.0.0-M2.1");
    assertThat(s.device().get("device")).contains("cores");
  }
}
