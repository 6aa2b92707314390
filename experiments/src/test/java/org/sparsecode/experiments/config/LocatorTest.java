package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error location: a problem at a key path becomes {@code FILE:LINE:COLUMN: key.path: problem}. */
class LocatorTest {
  private static final String FILE = "solver:\n  type: s\n  lambda: 0.5\nmetrics: [a, b]\n";

  private static Locator at(String yaml, String variant) throws YamlTrees.SyntaxError {
    return new Locator("f.yaml", YamlTrees.parse(yaml, "", null), variant);
  }

  /** A problem "P" at a path of {@link #FILE}: where it is located and how its path is shown. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an invalid value is located at the value | solver.lambda | false | f.yaml:3:11: solver.lambda: P",
      "an unknown key is located at the key | solver.lambda | true | f.yaml:3:3: solver.lambda: P",
      "a list item is located at the item | metrics[1] | false | f.yaml:4:14: metrics[1]: P",
      "a path past the tree is located at its deepest node and shown whole | solver.autoRho.period | false"
          + " | f.yaml:1:1: solver.autoRho.period: P",
      "the whole file is its first line, without a path | '' | false | f.yaml:1:1: P"})
  void aProblemIsLocatedAtItsNode(String rule, String path, boolean atKey, String message)
      throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error(path, "P", atKey)).hasMessage(message);
  }

  @Test
  void whereGivesTheLocationAndThePath() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).where("metrics[0]", false)).isEqualTo("f.yaml:4:11: metrics[0]");
  }

  @Test
  void aProblemInAVariantsTreeOutsideItsOverridesNamesTheVariant() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, "thin").error("solver.lambda", "too big", false)).hasMessage("f.yaml:3:11: solver.lambda:"
        + " too big (in variant 'thin')");
  }

  @Test
  void aValueFromAVariantIsShownAtTheVariantsPath() throws YamlTrees.SyntaxError {
    Node file = YamlTrees.parse("solver: {type: s}\nvariants:\n  thin: {solver: {lambda: 9}}\n", "", null);
    Node merged = Variants.merge(file, file.get("variants").get("thin"));
    assertThat(new Locator("f.yaml", merged, "thin").error("solver.lambda", "too big", false))
        .hasMessage("f.yaml:3:27: variants.thin.solver.lambda: too big");
  }

  @Test
  void aValueFromASetIsReportedAgainstTheSet() throws YamlTrees.SyntaxError {
    Node tree = SetOverride.parse("solver.lambda=9", null).applyTo(YamlTrees.parse(FILE, "", null), null);
    Locator at = new Locator("f.yaml", tree, null);
    assertThat(at.error("solver.lambda", "too big", false)).hasMessage("--set solver.lambda=9: too big");
    assertThat(at.error("solver.lambda.x", "unknown", true)).hasMessage("--set solver.lambda=9: solver.lambda.x:"
        + " unknown");
  }
}
