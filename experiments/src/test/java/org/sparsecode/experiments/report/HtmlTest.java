package org.sparsecode.experiments.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapeReplacesTheFiveMarkupCharacters() {
    assertThat(Html.escape("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }

  @Test
  void escapeLeavesOtherTextAloneAndTreatsNullAsEmpty() {
    assertThat(Html.escape("B_θ ≥ 0.1 · λ")).isEqualTo("B_θ ≥ 0.1 · λ");
    assertThat(Html.escape(null)).isEmpty();
  }

  @Test
  void markdownLinksBareUrlsWithoutTheirTrailingPunctuation() {
    assertThat(Markdown.inline("see (https://example.org/x).")).isEqualTo(
        "see (<a href=\"https://example.org/x\">https://example.org/x</a>).");
  }

  @Test
  void tableCellsAreEscaped() {
    String html = new Table(1, "id", "psnr").row("<b>", "1 & 2").html();
    assertThat(html).contains("<td>&lt;b&gt;</td>").contains("<td class=\"n\">1 &amp; 2</td>")
        .doesNotContain("<b>");
  }

  @Test
  void markdownRendersHeadingsListsAndSafeLinksOnly() {
    String html = Markdown.toHtml("# Photos\n\n- [Ann <A>](https://example.org/a?x=1&y=2), CC-BY-4.0\n"
        + "- [bad](javascript:alert(1))\n", 3);
    assertThat(html).contains("<h3>Photos</h3>").contains("<ul>")
        .contains("<li><a href=\"https://example.org/a?x=1&amp;y=2\">Ann &lt;A&gt;</a>, CC-BY-4.0</li>")
        .doesNotContain("javascript:alert(1)\"").doesNotContain("href=\"javascript");
  }
}
