package org.sparsecode.experiments.report;

import java.util.List;

/**
 * The pieces of the report pages: escaping, the inline stylesheet and the page frame. Every text that comes
 * from a file (configuration, ids, names, credits) goes through {@link #escape} before it reaches the page.
 */
public final class Html {
  /** The inline stylesheet: system fonts, zebra tables, figures at most the page's width. */
  static final String STYLE = String.join("\n",
      ":root { color-scheme: light; --rule: #d0d4da; --zebra: #f3f5f8; --ink: #1d232b; --muted: #5a6573; }",
      "body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;",
      "  color: var(--ink); margin: 0 auto; max-width: 1280px; padding: 1.5rem 2rem 3rem; line-height: 1.45; }",
      "h1 { font-size: 1.8rem; margin: 0 0 .2rem; }",
      "h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem;",
      "  border-bottom: 2px solid var(--rule); }",
      "h3 { font-size: 1.1rem; margin: 1.6rem 0 .5rem; }",
      "h4, h5, h6 { font-size: 1rem; margin: 1.1rem 0 .4rem; }",
      ".sub { color: var(--muted); margin: 0 0 1rem; }",
      "nav { font-size: .95rem; margin: .5rem 0 1rem; }",
      "nav a { margin-right: 1rem; }",
      "a { color: #0b5cad; }",
      "table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; }",
      "th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }",
      "th { background: #e6e9ee; font-weight: 600; }",
      "tbody tr:nth-child(even) { background: var(--zebra); }",
      "td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
      "th.group { text-align: center; border-left: 1px solid var(--rule); }",
      ".scroll { overflow-x: auto; max-width: 100%; }",
      "table.kv th { background: none; font-weight: 600; white-space: nowrap; }",
      "table.compact { font-size: .8rem; }",
      "table.compact th, table.compact td { padding: .25rem .4rem; }",
      "pre.config { max-height: 34rem; overflow: auto; }",
      "pre { background: #f6f8fa; border: 1px solid var(--rule); padding: .7rem .9rem; overflow-x: auto;",
      "  font-size: .85rem; line-height: 1.35; white-space: pre; }",
      "code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }",
      "figure { margin: 1rem 0 1.6rem; }",
      "figure img { max-width: 100%; height: auto; border: 1px solid var(--rule); }",
      "figcaption { color: var(--muted); font-size: .9rem; margin-top: .3rem; }",
      ".note { color: var(--muted); font-style: italic; }",
      ".credits { font-size: .9rem; }",
      "footer { margin-top: 3rem; padding-top: .6rem; border-top: 1px solid var(--rule); color: var(--muted);",
      "  font-size: .85rem; }");

  private Html() {}

  /**
   * Escapes text for an HTML element or a quoted attribute value.
   *
   * @param text the text, possibly {@code null} (then empty)
   * @return the text with {@code & < > " '} replaced by character references
   */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * An element holding escaped text.
   *
   * @param tag the tag name
   * @param text the text (escaped here)
   * @return {@code <tag>text</tag>}
   */
  public static String element(String tag, String text) {
    return "<" + tag + ">" + escape(text) + "</" + tag + ">";
  }

  /**
   * A link.
   *
   * @param href the target, escaped here
   * @param text the text, escaped here
   * @return the {@code a} element
   */
  public static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  /**
   * An anchor id from a name: letters, digits and dashes.
   *
   * @param name any text
   * @return a usable id
   */
  public static String id(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return s.isEmpty() ? "x" : s;
  }

  /**
   * A whole page.
   *
   * @param title the title (escaped here)
   * @param subtitle a line under the title (escaped here), or {@code null}
   * @param nav the sections to link at the top: pairs of id and label (escaped here)
   * @param body the sections, already HTML
   * @param footer the footer text, already HTML
   * @return the document
   */
  public static String page(String title, String subtitle, List<String[]> nav, String body, String footer) {
    StringBuilder sb = new StringBuilder(body.length() + 4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"sparsecode\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE)
        .append("\n</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n");
    if (subtitle != null) {
      sb.append("<p class=\"sub\">").append(escape(subtitle)).append("</p>\n");
    }
    if (!nav.isEmpty()) {
      sb.append("<nav>");
      for (String[] item : nav) {
        sb.append("<a href=\"#").append(escape(item[0])).append("\">").append(escape(item[1])).append("</a>");
      }
      sb.append("</nav>\n");
    }
    sb.append("</header>\n<main>\n").append(body).append("</main>\n<footer>").append(footer)
        .append("</footer>\n</body>\n</html>\n");
    return sb.toString();
  }
}
