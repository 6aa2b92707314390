package org.sparsecode.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.solver.SparseSolver;

class PluginBlocksTest {

  /** The settings of a solver plugin, {@code lambda > 0}. */
  record SolverSettings(Double lambda, Integer size) {
    SolverSettings {
      lambda = Checks.positive("lambda", lambda == null ? 0.1 : lambda);
    }
  }

  /** A learner's settings with a solver block and a pipeline of preprocessing steps. */
  record LearnerSettings(Integer steps, @PluginBlock(SparseSolver.class) Map<String, Object> solver,
      @PluginBlock(value = ImagePreprocessor.class, byName = true, list = true, inherit = "steps")
      Object preprocess) {}

  record WrongType(@PluginBlock(SparseSolver.class) Double solver) {}

  record WrongInherit(@PluginBlock(value = SparseSolver.class, inherit = "size") Map<String, Object> solver) {}

  /** A solver plugin whose instance is its settings' lambda; {@code create} refuses lambda 7. */
  static final class Solver extends TypedPlugin<SparseSolver, SolverSettings> {
    Solver(String name) {
      super(name, SparseSolver.class, SolverSettings.class, "a test solver");
    }

    @Override
    protected SparseSolver build(SolverSettings settings, PluginContext context) {
      if (settings.lambda() == 7) {
        throw new ConfigException("lambda", "7 is unlucky");
      }
      return null;
    }
  }

  private final PluginRegistry registry = PluginRegistry.of(List.of(new Solver("fista"), new Solver("lca")));

  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  @Test
  void theSlotsAreTheAnnotatedComponentsWithTheirRoles() {
    assertThat(PluginBlocks.of(LearnerSettings.class)).containsExactly(
        new PluginBlocks.Slot("solver", SparseSolver.class, false, false, List.of()),
        new PluginBlocks.Slot("preprocess", ImagePreprocessor.class, true, true, List.of("steps")));
  }

  @Test
  void aRecordWithoutBlocksHasNoSlots() {
    assertThat(PluginBlocks.of(SolverSettings.class)).isEmpty();
  }

  @Test
  void aBlockOnAComponentThatCannotHoldAMapIsRefused() {
    assertThatThrownBy(() -> PluginBlocks.of(WrongType.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WrongType.solver is a @PluginBlock of type Double");
  }

  @Test
  void inheritingAKeyTheEnclosingRecordLacksIsRefused() {
    assertThatThrownBy(() -> PluginBlocks.of(WrongInherit.class)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("inherits 'size', which is no component of WrongInherit");
  }

  @Test
  void aListingNamesTheBlocksRoleAndForms() {
    assertThat(SettingsBinder.keys(LearnerSettings.class)).extracting(SettingsBinder.Key::type).containsExactly(
        "integer", "a solver block {type: NAME, ...}", "a preprocess name or block {type: NAME, ...}, or a list of"
            + " them");
  }

  @Test
  void aBlockBindsToThePluginItsTypeNames() {
    PluginBlocks.Bound<SparseSolver> bound = PluginBlocks.bind(SparseSolver.class,
        Map.of("type", "lca", "lambda", 0.5), "solver", registry);
    assertThat(bound.plugin().name()).isEqualTo("lca");
    assertThat(bound.settings()).isEqualTo(new SolverSettings(0.5, null));
  }

  @Test
  void anUnknownKeyNamesItsPathInsideTheEnclosingBlock() {
    assertThatThrownBy(() -> PluginBlocks.bind(SparseSolver.class, Map.of("type", "lca", "lamda", 0.5), "solver",
        registry))
        .isInstanceOfSatisfying(SettingsBinder.UnknownKeyException.class,
            e -> assertThat(e.key()).isEqualTo("solver.lamda"))
        .hasMessageContaining("did you mean 'lambda'?");
  }

  @Test
  void aBadValueNamesItsPathInsideTheEnclosingBlock() {
    assertThatThrownBy(() -> PluginBlocks.bind(SparseSolver.class, Map.of("type", "lca", "lambda", -1), "solver",
        registry))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("solver.lambda");
          assertThat(e.problem()).isEqualTo("must be > 0 and finite, got -1.0");
        });
  }

  @Test
  void anUnknownTypeIsReportedOnTheTypeKeyWithTheAvailableNames() {
    assertThatThrownBy(() -> PluginBlocks.bind(SparseSolver.class, Map.of("type", "fsta"), "solver", registry))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("solver.type");
          assertThat(e.problem()).startsWith("unknown solver type 'fsta'; did you mean 'fista'? Available: fista");
        });
  }

  @Test
  void aBlockWithoutTypeListsTheAvailableNames() {
    assertThatThrownBy(() -> PluginBlocks.bind(SparseSolver.class, Map.of("lambda", 1), "solver", registry))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.key()).isEqualTo("solver.type");
          assertThat(e.problem()).isEqualTo("is required: it names the solver plugin of the block; available:"
              + " fista, lca");
        });
  }

  @Test
  void theInstancesOwnCreationErrorIsPrefixedToo() {
    assertThatThrownBy(() -> PluginBlocks.create(SparseSolver.class, Map.of("type", "lca", "lambda", 7), "solver",
        registry, CONTEXT))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("solver.lambda"))
        .hasMessageContaining("7 is unlucky");
  }
}
