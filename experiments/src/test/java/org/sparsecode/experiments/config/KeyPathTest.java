package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The key-path language on its own: parsing, indexes, its text, equality, and get/set/contains on trees. */
class KeyPathTest {
  private static final String NOT_A_PATH = "' is not a key path; write keys separated by dots and list items as"
      + " [index], e.g. solver.autoRho.period or metrics[1].type";

  /** Runs of the seeded round-trip test in the default build; {@code -Dfuzz.runs=N} for more. */
  private static final int RUNS = Integer.getInteger("fuzz.runs", 200);
  /** Runs of the slow round-trip test. */
  private static final int SLOW_RUNS = 200_000;
  private static final long BASE_SEED = 0x6b65795061746831L;
  private static final String TEXT_CHARS = "ab_-09.[]x ";

  private static Node tree(String yaml) throws YamlTrees.SyntaxError {
    return YamlTrees.parse(yaml, "", null);
  }

  private static void assertNotAPath(String text) {
    assertThatThrownBy(() -> KeyPath.parse(text)).isInstanceOf(ConfigError.class).hasMessage("'" + text
        + NOT_A_PATH);
  }

  // ---------------------------------------------------------------------------------------------------
  // parsing

  @Test
  void aDottedPathIsOneKeyPerSegment() {
    KeyPath path = KeyPath.parse("solver.autoRho.period");
    assertThat(path.size()).isEqualTo(3);
    assertThat(List.of(path.key(0), path.key(1), path.key(2))).containsExactly("solver", "autoRho", "period");
  }

  @Test
  void anIndexFollowsItsListsKey() {
    KeyPath path = KeyPath.parse("metrics[1].type");
    assertThat(path.size()).isEqualTo(3);
    assertThat(path.key(0)).isEqualTo("metrics");
    assertThat(path.isIndex(1)).isTrue();
    assertThat(path.index(1)).isEqualTo(1);
    assertThat(path.key(2)).isEqualTo("type");
  }

  @Test
  void aPartsSetItemIsAKeyPath() {
    assertThat(KeyPath.parse("parts.p.set[0]")).isEqualTo(KeyPath.root().child("parts").child("p").child("set")
        .child(0));
  }

  @Test
  void indexesMayFollowEachOther() {
    KeyPath path = KeyPath.parse("grid[2][0]");
    assertThat(path.size()).isEqualTo(3);
    assertThat(path.index(1)).isEqualTo(2);
    assertThat(path.index(2)).isEqualTo(0);
  }

  @Test
  void keysMayHoldDigitsUnderscoresAndDashes() {
    assertThat(KeyPath.parse("part-one.b_theta2").key(1)).isEqualTo("b_theta2");
  }

  @Test
  void anEmptyPathIsAnError() {
    assertThatThrownBy(() -> KeyPath.parse("")).isInstanceOf(ConfigError.class).hasMessage("the key path is"
        + " empty; write keys separated by dots and list items as [index], e.g. solver.lambda or metrics[1].type");
  }

  @Test
  void anEmptySegmentIsAnError() {
    assertNotAPath("solver..lambda");
    assertNotAPath("solver.");
    assertNotAPath(".lambda");
  }

  @Test
  void aPathMayNotStartWithAnIndex() {
    assertNotAPath("[0].type");
  }

  @Test
  void aBadIndexIsAnError() {
    assertNotAPath("metrics[-1]");
    assertNotAPath("metrics[x]");
    assertNotAPath("metrics[1");
    assertNotAPath("metrics[1]x");
  }

  @Test
  void anIndexOfTenDigitsIsTooLarge() {
    assertThatThrownBy(() -> KeyPath.parse("metrics[1234567890]")).isInstanceOf(ConfigError.class)
        .hasMessage("the index [1234567890] is too large; a list holds a few items, numbered from 0");
  }

  @Test
  void anIndexOfNineDigitsIsAllowed() {
    assertThat(KeyPath.parse("metrics[999999999]").index(1)).isEqualTo(999_999_999);
  }

  @Test
  void quotingIsNotPartOfTheLanguage() {
    assertNotAPath("solver.\"lambda\"");
    assertNotAPath("'solver'.lambda");
  }

  @Test
  void blanksAreNotPartOfAKey() {
    assertNotAPath(" solver.lambda");
    assertNotAPath("solver. lambda");
  }

  // ---------------------------------------------------------------------------------------------------
  // text, equality, building

  @Test
  void theTextOfAParsedPathParsesBackToAnEqualPath() {
    for (String text : List.of("solver.lambda", "metrics[1].type", "parts.p.set[0]", "grid[2][0].x", "seed")) {
      KeyPath path = KeyPath.parse(text);
      assertThat(path.toString()).isEqualTo(text);
      assertThat(KeyPath.parse(path.toString())).isEqualTo(path);
    }
  }

  @Test
  void theTextOfAnIndexIsCanonical() {
    assertThat(KeyPath.parse("metrics[01].type")).hasToString("metrics[1].type")
        .isEqualTo(KeyPath.parse("metrics[1].type"));
  }

  @Test
  void equalPathsHaveEqualHashCodesAndServeAsMapKeys() {
    Map<KeyPath, String> axes = Map.of(KeyPath.parse("solver.lambda"), "λ");
    assertThat(KeyPath.parse("solver.lambda").hashCode()).isEqualTo(KeyPath.parse("solver.lambda").hashCode());
    assertThat(axes.get(KeyPath.root().child("solver").child("lambda"))).isEqualTo("λ");
  }

  @Test
  void aKeyThatLooksLikeAnIndexIsNotAnIndex() {
    assertThat(KeyPath.root().child("a").child(0)).isNotEqualTo(KeyPath.written("a.0"));
  }

  @Test
  void theRootIsEmptyAndWritesNothing() {
    assertThat(KeyPath.root().size()).isZero();
    assertThat(KeyPath.root()).hasToString("");
    assertThat(KeyPath.written("")).isEqualTo(KeyPath.root());
  }

  @Test
  void prefixAndSubPathCutThePath() {
    KeyPath path = KeyPath.parse("metrics[1].cutoffs[0]");
    assertThat(path.prefix(2)).hasToString("metrics[1]");
    assertThat(path.subPath(1, 4)).hasToString("[1].cutoffs[0]");
  }

  @Test
  void aPathWrittenAfterAnotherJoinsKeysWithADotAndIndexesWithout() {
    assertThat(KeyPath.parse("solver.lambda").after("variants.thin")).isEqualTo("variants.thin.solver.lambda");
    assertThat(KeyPath.parse("metrics[1].type").subPath(1, 3).after("metrics")).isEqualTo("metrics[1].type");
    assertThat(KeyPath.root().after("solver")).isEqualTo("solver");
    assertThat(KeyPath.parse("seed").after("")).isEqualTo("seed");
  }

  @Test
  void askingAnIndexForAKeyIsAnError() {
    assertThatThrownBy(() -> KeyPath.parse("metrics[1]").key(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment 1 of metrics[1] is an index, not a key");
    assertThatThrownBy(() -> KeyPath.parse("metrics[1]").index(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment 0 of metrics[1] is a key, not an index");
  }

  @Test
  void aNegativeIndexCannotBeAppended() {
    assertThatThrownBy(() -> KeyPath.root().child("metrics").child(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a list index is >= 0, got -1");
  }

  @Test
  void aWrittenPathKeepsAnyKeyTextAndATooLargeIndexAsAKey() {
    KeyPath path = KeyPath.written("parts.my part.set[12345678901]");
    assertThat(path.key(1)).isEqualTo("my part");
    assertThat(path.isIndex(3)).isFalse();
    assertThat(path.key(3)).isEqualTo("[12345678901]");
  }

  // ---------------------------------------------------------------------------------------------------
  // trees

  @Test
  void getFindsAValueThroughMapsAndLists() throws YamlTrees.SyntaxError {
    Node root = tree("metrics: [psnr, {type: resilience, cutoffs: [0.1, 0.2]}]");
    assertThat(KeyPath.parse("metrics[1].cutoffs[1]").get(root).scalar()).isEqualTo(0.2);
    assertThat(KeyPath.parse("metrics[0]").get(root).scalar()).isEqualTo("psnr");
  }

  @Test
  void getKeepsTheValuesLocation() throws YamlTrees.SyntaxError {
    Node value = KeyPath.parse("solver.lambda").get(tree("solver:\n  type: fista\n  lambda: 0.01\n"));
    assertThat(value.valueLine()).isEqualTo(3);
    assertThat(value.valueColumn()).isEqualTo(11);
    assertThat(value.source()).isEqualTo("solver.lambda");
  }

  @Test
  void containsIsFalsePastAListsEndOrThroughAScalar() throws YamlTrees.SyntaxError {
    Node root = tree("seed: 3\nmetrics: [psnr]");
    assertThat(KeyPath.parse("metrics[0]").contains(root)).isTrue();
    assertThat(KeyPath.parse("metrics[1]").contains(root)).isFalse();
    assertThat(KeyPath.parse("seed.x").contains(root)).isFalse();
    assertThat(KeyPath.parse("solver").contains(root)).isFalse();
  }

  @Test
  void setReplacesTheValueAndLeavesTheOriginalTreeAlone() throws YamlTrees.SyntaxError {
    Node root = tree("solver: {type: fista, lambda: 0.01}");
    Node set = KeyPath.parse("solver.lambda").set(root, tree("0.5"), null);
    assertThat(set.plain()).isEqualTo(Map.of("solver", Map.of("type", "fista", "lambda", 0.5)));
    assertThat(root.plain()).isEqualTo(Map.of("solver", Map.of("type", "fista", "lambda", 0.01)));
  }

  @Test
  void setReplacesAMapWithoutMergingIt() throws YamlTrees.SyntaxError {
    Node set = KeyPath.parse("solver").set(tree("solver: {type: fista, lambda: 0.01}"), tree("{type: lca}"), null);
    assertThat(set.plain()).isEqualTo(Map.of("solver", Map.of("type", "lca")));
  }

  @Test
  void setReachesAListItem() throws YamlTrees.SyntaxError {
    Node set = KeyPath.parse("metrics[1]").set(tree("metrics: [psnr, sparseness]"), tree("ssim"), null);
    assertThat(set.plain()).isEqualTo(Map.of("metrics", List.of("psnr", "ssim")));
  }

  @Test
  void setCreatesANestedMapTheTreeLacks() throws YamlTrees.SyntaxError {
    Node set = KeyPath.parse("solver.autoRho.period").set(tree("solver: {type: fista}"), tree("4"), null);
    assertThat(set.plain()).isEqualTo(Map.of("solver", Map.of("type", "fista", "autoRho", Map.of("period", 4))));
  }

  /** Asserts that setting {@code path} in the tree of {@code yaml} fails with {@code message}. */
  private static void assertSetFails(String yaml, String path, String message) throws YamlTrees.SyntaxError {
    Node root = tree(yaml);
    Node value = tree("1");
    assertThatThrownBy(() -> KeyPath.parse(path).set(root, value, null)).isInstanceOf(ConfigError.class)
        .hasMessage(message);
  }

  @Test
  void setThroughAScalarIsAnError() throws YamlTrees.SyntaxError {
    assertSetFails("seed: 42", "seed.x", "'seed' is 42, not a block with keys");
  }

  @Test
  void setPastAListsEndIsAnError() throws YamlTrees.SyntaxError {
    assertSetFails("metrics: [psnr, sparseness]", "metrics[5].type", "'metrics' has 2 items, so metrics[5] does not"
        + " exist");
  }

  @Test
  void setIntoAMissingListIsAnError() throws YamlTrees.SyntaxError {
    assertSetFails("seed: 1", "metrics[0].cutoffs", "there is no 'metrics' list; set it whole: --set"
        + " metrics=[...]");
  }

  @Test
  void setIndexingAMapIsAnError() throws YamlTrees.SyntaxError {
    assertSetFails("solver: {type: fista}", "solver[0]", "'solver' is a map, not a list");
  }

  // ---------------------------------------------------------------------------------------------------
  // seeded round trips

  /**
   * Random texts made of the characters a path uses: each either parses, and then its text parses back to an
   * equal path, or fails with a {@link ConfigError}, never another exception. The seed is the test's name.
   */
  @TestFactory
  Stream<DynamicTest> aRandomTextParsesToAPathThatRoundTripsOrFailsWithAConfigError() {
    return roundTrips(RUNS);
  }

  /** The same over many more seeds (run with -Pslow). */
  @Tag("slow")
  @TestFactory
  Stream<DynamicTest> manyRandomTextsRoundTripOrFailWithAConfigError() {
    return roundTrips(SLOW_RUNS);
  }

  private static Stream<DynamicTest> roundTrips(int runs) {
    return LongStream.range(0, runs).map(i -> BASE_SEED + i).mapToObj(seed -> DynamicTest.dynamicTest(
        "seed " + seed, () -> {
          SplittableRandom random = new SplittableRandom(seed);
          StringBuilder text = new StringBuilder();
          for (int n = random.nextInt(1, 16); n > 0; n--) {
            text.append(TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length())));
          }
          KeyPath path;
          try {
            path = KeyPath.parse(text.toString());
          } catch (ConfigError expected) {
            return;
          }
          assertThat(KeyPath.parse(path.toString())).as("seed %d: '%s'", seed, text).isEqualTo(path);
          assertThat(KeyPath.parse(path.toString()).toString()).as("seed %d", seed).isEqualTo(path.toString());
        }));
  }
}
