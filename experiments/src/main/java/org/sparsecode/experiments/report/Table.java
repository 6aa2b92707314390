package org.sparsecode.experiments.report;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table under construction: an optional row of column groups, a header row, then body rows of
 * text cells (escaped when rendered). Columns from {@code firstNumeric} on are right-aligned numbers.
 */
public final class Table {
  /** Tables wider than this many columns are set in a smaller type with less padding. */
  private static final int COMPACT_COLUMNS = 9;

  private final List<String> header;
  private final int firstNumeric;
  private final java.util.Set<Integer> text = new java.util.HashSet<>();
  private boolean keyValue;
  private final List<String[]> groups = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> hrefs = new ArrayList<>();
  private int linkColumn = -1;
  private boolean compact;

  /**
   * Starts a table.
   *
   * @param firstNumeric the first right-aligned (numeric) column
   * @param header the column titles
   */
  public Table(int firstNumeric, List<String> header) {
    this.firstNumeric = firstNumeric;
    this.header = List.copyOf(header);
  }

  /**
   * Starts a table.
   *
   * @param firstNumeric the first right-aligned (numeric) column
   * @param header the column titles
   */
  public Table(int firstNumeric, String... header) {
    this(firstNumeric, List.of(header));
  }

  /**
   * A two-column table of names and values, without a header row: the names are row headers.
   *
   * @return the table
   */
  public static Table keyValue() {
    Table t = new Table(Integer.MAX_VALUE, List.of());
    t.keyValue = true;
    return t;
  }

  /**
   * Marks a column at or after {@code firstNumeric} as text (left-aligned) all the same.
   *
   * @param column the column's index
   * @return this table
   */
  public Table text(int column) {
    text.add(column);
    return this;
  }

  /**
   * Adds a column group above the header (groups are laid out left to right).
   *
   * @param label the group's title, empty for none
   * @param span how many columns it covers
   * @return this table
   */
  Table group(String label, int span) {
    groups.add(new String[] {label, Integer.toString(span)});
    return this;
  }

  /**
   * Adds a row.
   *
   * @param cells the cells' text, one per column
   * @return this table
   */
  public Table row(List<String> cells) {
    return row(cells, null);
  }

  /**
   * Adds a row whose cell in the {@link #link link column} links to a target.
   *
   * @param cells the cells' text, one per column
   * @param href the link's target (escaped when rendered), or {@code null} for none
   * @return this table
   */
  public Table row(List<String> cells, String href) {
    rows.add(List.copyOf(cells));
    hrefs.add(href);
    return this;
  }

  /**
   * Makes a column's cells links, for the rows added with a target.
   *
   * @param column the column's index
   * @return this table
   */
  public Table link(int column) {
    linkColumn = column;
    return this;
  }

  /**
   * Sets the table in the smaller type with less padding, whatever its width (a long table stays readable).
   *
   * @return this table
   */
  public Table compact() {
    compact = true;
    return this;
  }

  /**
   * Adds a row.
   *
   * @param cells the cells' text, one per column
   * @return this table
   */
  public Table row(String... cells) {
    return row(List.of(cells));
  }

  /**
   * Whether the table has no body rows.
   *
   * @return {@code true} when empty
   */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  private boolean numeric(int column) {
    return column >= firstNumeric && !text.contains(column);
  }

  /**
   * The table as HTML, wrapped in a horizontally scrolling block.
   *
   * @return the markup
   */
  public String html() {
    String cls = keyValue ? " class=\"kv\"" : compact || header.size() > COMPACT_COLUMNS ? " class=\"compact\"" : "";
    StringBuilder sb = new StringBuilder("<div class=\"scroll\"><table" + cls + ">\n");
    if (keyValue) {
      sb.append("<tbody>\n");
      for (List<String> row : rows) {
        sb.append("<tr><th scope=\"row\">").append(Html.escape(row.get(0))).append("</th><td>")
            .append(Html.escape(row.size() > 1 ? row.get(1) : "")).append("</td></tr>\n");
      }
      return sb.append("</tbody>\n</table></div>\n").toString();
    }
    sb.append("<thead>\n");
    if (!groups.isEmpty()) {
      sb.append("<tr>");
      for (String[] g : groups) {
        int span = Integer.parseInt(g[1]);
        sb.append("<th").append(g[0].isEmpty() ? "" : " class=\"group\"")
            .append(span > 1 ? " colspan=\"" + span + "\"" : "").append('>').append(Html.escape(g[0])).append("</th>");
      }
      sb.append("</tr>\n");
    }
    sb.append("<tr>");
    for (int c = 0; c < header.size(); c++) {
      sb.append(numeric(c) ? "<th class=\"n\">" : "<th>").append(Html.escape(header.get(c))).append("</th>");
    }
    sb.append("</tr>\n</thead>\n<tbody>\n");
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      String href = hrefs.get(r);
      sb.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        sb.append(numeric(c) ? "<td class=\"n\">" : "<td>")
            .append(c == linkColumn && href != null ? Html.link(href, row.get(c)) : Html.escape(row.get(c)))
            .append("</td>");
      }
      sb.append("</tr>\n");
    }
    return sb.append("</tbody>\n</table></div>\n").toString();
  }
}
