package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error location: a problem at a key path becomes {@code FILE:LINE:COLUMN: key.path: problem}. */
class LocatorTest {
  private static final String FILE = "solver:\n  type: s\n  lambda: 0.5\nmetrics: [a, b]\n";

  private static Locator at(String yaml, String variant) throws YamlTrees.SyntaxError {
    return new Locator("f.yaml", YamlTrees.parse(yaml, "", null), variant);
  }

  @Test
  void anInvalidValueIsLocatedAtTheValue() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error("solver.lambda", "too big", false)).hasMessage("f.yaml:3:11: solver.lambda:"
        + " too big");
  }

  @Test
  void anUnknownKeyIsLocatedAtTheKey() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error("solver.lambda", "unknown", true)).hasMessage("f.yaml:3:3: solver.lambda:"
        + " unknown");
  }

  @Test
  void aListItemIsLocatedAtTheItem() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error("metrics[1]", "twice", false)).hasMessage("f.yaml:4:14: metrics[1]: twice");
  }

  @Test
  void aPathPastTheTreeIsLocatedAtItsDeepestNodeAndShownWhole() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error("solver.autoRho.period", "is required", false)).hasMessage("f.yaml:1:1:"
        + " solver.autoRho.period: is required");
  }

  @Test
  void theWholeFileIsTheFirstLineWithoutAPath() throws YamlTrees.SyntaxError {
    assertThat(at(FILE, null).error("", "not a map", false)).hasMessage("f.yaml:1:1: not a map");
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
