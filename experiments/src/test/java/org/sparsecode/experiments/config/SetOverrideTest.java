package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code key.path=value} overrides on their own: parsing, the label of their errors, applying them. */
class SetOverrideTest {
  private static final String ITEM = "f.yaml:6:37: parts.p.set[0]";

  private static void assertParseFails(String text, String where, String message) {
    assertThatThrownBy(() -> SetOverride.parse(text, where)).isInstanceOf(ConfigError.class).hasMessage(message);
  }

  private static Node tree(String yaml) throws YamlTrees.SyntaxError {
    return YamlTrees.parse(yaml, "", null);
  }

  @Test
  void theValueIsParsedAsYaml() {
    SetOverride set = SetOverride.parse("dictionary.bThetas=[0.1, 0.2]", null);
    assertThat(set.path()).isEqualTo(KeyPath.parse("dictionary.bThetas"));
    assertThat(set.value().plain()).isEqualTo(List.of(0.1, 0.2));
  }

  @Test
  void blanksAroundTheKeyPathAreDropped() {
    assertThat(SetOverride.parse(" solver.lambda =1", null).path()).hasToString("solver.lambda");
  }

  @Test
  void aPartsItemWithoutEqualsIsReportedAtTheItemWithoutDashDashSet() {
    assertParseFails("solver.lambda", ITEM, ITEM + ": solver.lambda: expected key.path=value, e.g."
        + " solver.lambda=5e-3");
  }

  @Test
  void aBadKeyPathIsReportedAgainstTheSet() {
    assertParseFails("solver..lambda=1", null, "--set solver..lambda=1: 'solver..lambda' is not a key path; write"
        + " keys separated by dots and list items as [index], e.g. solver.autoRho.period or metrics[1].type");
  }

  @Test
  void partsCannotBeSetByAPart() {
    assertParseFails("parts.x=y.yaml", ITEM, ITEM + ": parts.x=y.yaml: 'parts' cannot be set by a part's set:");
  }

  @Test
  void aNullValueInAPartsItemSaysToLeaveTheItemOut() {
    assertParseFails("solver.lambda=null", ITEM, ITEM + ": solver.lambda=null: no value (YAML reads 'null' as"
        + " null); give one, e.g. solver.lambda=5e-3 (to keep the file's value or the default, leave the item out)");
  }

  @Test
  void aSetIntoABlockTheTreeLacksMissesIt() throws YamlTrees.SyntaxError {
    Node root = tree("solver: {type: s}");
    assertThat(SetOverride.parse("learning.steps=3", null).missesBlock(root)).isTrue();
    assertThat(SetOverride.parse("solver.steps=3", null).missesBlock(root)).isFalse();
    assertThat(SetOverride.parse("learning={type: l}", null).missesBlock(root)).isFalse();
  }

  @Test
  void anErrorWhileApplyingNamesTheSetAndTheVariant() throws YamlTrees.SyntaxError {
    Node root = tree("seed: 42");
    assertThatThrownBy(() -> SetOverride.parse("seed.x=1", null).applyTo(root, "thin"))
        .isInstanceOf(ConfigError.class).hasMessage("--set seed.x=1: 'seed' is 42, not a block with keys (in"
            + " variant 'thin')");
  }

  @Test
  void aSetThatAppliedNowhereInAStudyIsAnError() throws YamlTrees.SyntaxError {
    SetOverride set = SetOverride.parse("learning.steps=3", ITEM);
    SetOverride.Study study = new SetOverride.Study();
    SetOverride.applyAll(tree("solver: {type: s}"), List.of(set), null, study);
    assertThatThrownBy(() -> study.check(List.of(set))).isInstanceOf(ConfigError.class).hasMessage(ITEM
        + ": learning.steps=3: there is no 'learning' block to set 'steps' in; add it to the file, or set it whole:"
        + " learning={ type: ..., steps: ... }");
  }

  @Test
  void overridesApplyInOrderSoTheLastWins() throws YamlTrees.SyntaxError {
    Node out = SetOverride.applyAll(tree("seed: 1"), List.of(SetOverride.parse("seed=2", null),
        SetOverride.parse("seed=3", null)), null, new SetOverride.Study());
    assertThat(out.get("seed").scalar()).isEqualTo(3);
  }
}
