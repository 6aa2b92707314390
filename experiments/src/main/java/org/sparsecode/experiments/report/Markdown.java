package org.sparsecode.experiments.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough Markdown for a credits file: headings, bullet and numbered lists, paragraphs, fenced code,
 * pipe tables (kept as preformatted text), inline code, bold and links. Everything is escaped first;
 * links are kept only for {@code http}, {@code https}, {@code mailto} and relative targets.
 */
final class Markdown {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d+[.)]\\s+(.*)$");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
  private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s<>\"()]*[^\\s<>\"().,;:!?]");

  private Markdown() {}

  /**
   * Renders Markdown.
   *
   * @param text the Markdown
   * @param topLevel the HTML level of a {@code #} heading (deeper headings follow, at most 6)
   * @return the HTML
   */
  static String toHtml(String text, int topLevel) {
    StringBuilder sb = new StringBuilder();
    StringBuilder paragraph = new StringBuilder();
    String list = null;
    StringBuilder pre = null;
    boolean fenced = false;
    for (String line : text.split("\\R", -1)) {
      if (line.trim().startsWith("```")) {
        flush(sb, paragraph);
        list = closeList(sb, list);
        if (fenced) {
          sb.append("<pre>").append(Html.escape(pre.toString())).append("</pre>\n");
          pre = null;
        } else {
          pre = new StringBuilder();
        }
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        pre.append(line).append('\n');
        continue;
      }
      if (line.trim().startsWith("|")) {
        flush(sb, paragraph);
        list = closeList(sb, list);
        sb.append("<pre>").append(Html.escape(line)).append("</pre>\n");
        continue;
      }
      Matcher h = HEADING.matcher(line);
      Matcher b = BULLET.matcher(line);
      Matcher n = NUMBERED.matcher(line);
      if (h.matches()) {
        flush(sb, paragraph);
        list = closeList(sb, list);
        int level = Math.min(6, topLevel + h.group(1).length() - 1);
        sb.append("<h").append(level).append('>').append(inline(h.group(2))).append("</h").append(level)
            .append(">\n");
      } else if (b.matches() || n.matches()) {
        flush(sb, paragraph);
        String kind = b.matches() ? "ul" : "ol";
        if (!kind.equals(list)) {
          closeList(sb, list);
          sb.append('<').append(kind).append(">\n");
          list = kind;
        }
        sb.append("<li>").append(inline(b.matches() ? b.group(1) : n.group(1))).append("</li>\n");
      } else if (line.isBlank()) {
        flush(sb, paragraph);
        list = closeList(sb, list);
      } else if (list != null && Character.isWhitespace(line.charAt(0))) {
        // a continuation line of the last list item
        int end = sb.lastIndexOf("</li>");
        sb.insert(end, " " + inline(line.trim()));
      } else {
        list = closeList(sb, list);
        paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.trim());
      }
    }
    if (fenced) {
      sb.append("<pre>").append(Html.escape(pre.toString())).append("</pre>\n");
    }
    flush(sb, paragraph);
    closeList(sb, list);
    return sb.toString();
  }

  private static void flush(StringBuilder sb, StringBuilder paragraph) {
    if (paragraph.length() > 0) {
      sb.append("<p>").append(inline(paragraph.toString())).append("</p>\n");
      paragraph.setLength(0);
    }
  }

  private static String closeList(StringBuilder sb, String list) {
    if (list != null) {
      sb.append("</").append(list).append(">\n");
    }
    return null;
  }

  /**
   * Inline markup of one line: escaped, then code, bold, links and bare URLs.
   *
   * @param text the raw text
   * @return the HTML
   */
  static String inline(String text) {
    String s = Html.escape(text);
    s = CODE.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
    s = BOLD.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<strong>" + m.group(1) + "</strong>"));
    StringBuilder out = new StringBuilder();
    Matcher link = LINK.matcher(s);
    int last = 0;
    while (link.find()) {
      out.append(bareUrls(s.substring(last, link.start())));
      String href = link.group(2);
      if (safe(href)) {
        out.append("<a href=\"").append(href).append("\">").append(link.group(1)).append("</a>");
      } else {
        out.append(link.group(1));
      }
      last = link.end();
    }
    out.append(bareUrls(s.substring(last)));
    return out.toString();
  }

  private static String bareUrls(String s) {
    return URL.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<a href=\"" + m.group() + "\">" + m.group()
        + "</a>"));
  }

  private static boolean safe(String href) {
    String h = href.toLowerCase(java.util.Locale.ROOT);
    return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("mailto:") || !h.contains(":");
  }
}
