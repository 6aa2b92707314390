package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Parsing YAML text into located trees: the values YAML allows, and the limits that keep a tree small. */
class YamlTreesTest {

  private static Node parse(String text) throws YamlTrees.SyntaxError {
    return YamlTrees.parse(text, "", null);
  }

  private static Object value(String yaml) throws YamlTrees.SyntaxError {
    return parse("k: " + yaml).get("k").scalar();
  }

  @Test
  void yamlsNanInEveryCaseIsTheDoubleNan() throws YamlTrees.SyntaxError {
    assertThat(value(".nan")).isEqualTo(Double.NaN);
    assertThat(value(".NaN")).isEqualTo(Double.NaN);
    assertThat(value(".NAN")).isEqualTo(Double.NaN);
  }

  @Test
  void yamlsInfinitiesAreTheDoubleInfinities() throws YamlTrees.SyntaxError {
    assertThat(value(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value("+.Inf")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(value("-.INF")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void ordinaryFloatsStillParse() throws YamlTrees.SyntaxError {
    assertThat(value("1.5e3")).isEqualTo(1500.0);
    assertThat(value("1_0.5")).isEqualTo(10.5);
    assertThat(value(".5")).isEqualTo(0.5);
  }

  @Test
  void aKeyWithoutValueIsNullAndAQuotedEmptyStringIsEmpty() throws YamlTrees.SyntaxError {
    Node root = parse("a:\nb: ''\n");
    assertThat(root.get("a").isNull()).isTrue();
    assertThat(root.get("b").scalar()).isEqualTo("");
  }

  @Test
  void anIntegerTooLargeForALongStaysExact() throws YamlTrees.SyntaxError {
    assertThat(value("18446744073709551617")).hasToString("18446744073709551617");
  }

  @Test
  void anAliasIsSharedNotCopiedButCountsAtItsExpandedSize() throws YamlTrees.SyntaxError {
    Node root = parse("a: &a [1, 2, 3]\nb: [*a, *a]\n");
    assertThat(root.get("b").items().get(0).items()).isSameAs(root.get("a").items());
    // root, a (4), b (1 + 2 x 4)
    assertThat(root.size()).isEqualTo(1 + 4 + 9);
  }

  @Test
  void anAliasedMapTakesTheAliasesPathAndKeepsItsContentsLines() throws YamlTrees.SyntaxError {
    Node root = parse("a: &a {x: 1}\nb: *a\n");
    Node b = root.get("b");
    assertThat(b.source()).isEqualTo("b");
    assertThat(b.keyLine()).isEqualTo(2);
    assertThat(b.get("x").source()).isEqualTo("a.x");
    assertThat(b.get("x").valueLine()).isEqualTo(1);
  }

  @Test
  void aBinaryValueIsNotASetting() {
    assertThatThrownBy(() -> parse("k: !!binary aGVsbG8=\n"))
        .isInstanceOf(YamlTrees.SyntaxError.class)
        .hasMessage("a binary value (!!binary) is not a setting; write a number, a string, a list or a map");
  }

  @Test
  void aListAsAKeyIsAnError() {
    assertThatThrownBy(() -> parse("? [a, b]\n: 1\n"))
        .isInstanceOf(YamlTrees.SyntaxError.class)
        .hasMessage("a key must be a plain name, not a list or a map");
  }

  @Test
  void aControlCharacterIsLocated() {
    assertThatThrownBy(() -> parse("a: 1\nb: x\u0007\n"))
        .isInstanceOf(YamlTrees.SyntaxError.class)
        .hasMessage("the character U+0007 is not allowed in YAML (a control character; is this a text file?)")
        .satisfies(e -> assertThat(((YamlTrees.SyntaxError) e).line).isEqualTo(2));
  }

  @Test
  void textLongerThanTheLimitIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> parse("# " + "x".repeat(YamlTrees.MAX_CODE_POINTS)))
        .isInstanceOf(YamlTrees.SyntaxError.class)
        .hasMessage("the text is longer than 1048576 characters; an experiment needs far fewer (is it the right"
            + " file?)");
  }

  @Test
  void aSelfReferencingAnchorIsAnUnknownAlias() {
    assertThatThrownBy(() -> parse("a: &a [*a]\n"))
        .isInstanceOf(YamlTrees.SyntaxError.class)
        .hasMessage("unknown alias *a (no anchor &a before it)");
  }
}
