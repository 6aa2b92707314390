package org.sparsecode.experiments.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code metrics.csv} of a run: a header, then one row per image: {@code id}, each metric column
 * ({@code psnr, sparseness, objective}, then the other listed metrics, then one column per point and quantity
 * of each curve metric, named {@code <metric>_<point>_<quantity>}, e.g. {@code resilience_0.001_psnr}),
 * {@code iterations}, {@code seconds}.
 * Numbers as Java's {@code Double.toString} writes them ({@code Infinity}, {@code NaN} for non-finite
 * values, which NumPy and pandas parse); ids are quoted when they hold a comma or a quote.
 */
public final class MetricsCsv {
  private MetricsCsv() {}

  /**
   * The metric columns of a result: the always-present three, then the others in first-seen order.
   *
   * @param images the image results
   * @return the column names, without {@code id}, {@code iterations}, {@code seconds}
   */
  public static List<String> metricColumns(List<ImageResult> images) {
    List<String> columns = new ArrayList<>(List.of("psnr", "sparseness", "objective"));
    for (ImageResult image : images) {
      for (String name : image.columns().keySet()) {
        if (!columns.contains(name)) {
          columns.add(name);
        }
      }
    }
    return columns;
  }

  /**
   * Renders the file.
   *
   * @param images the image results
   * @return the CSV text, ending with a newline
   */
  public static String render(List<ImageResult> images) {
    List<String> columns = metricColumns(images);
    StringBuilder sb = new StringBuilder("id");
    for (String c : columns) {
      sb.append(',').append(c);
    }
    sb.append(",iterations,seconds\n");
    for (ImageResult image : images) {
      sb.append(quote(image.id()));
      Map<String, Double> values = image.columns();
      for (String c : columns) {
        Double v = values.get(c);
        sb.append(',').append(v == null ? Double.NaN : v);
      }
      sb.append(',').append(image.iterations()).append(',').append(image.seconds()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Quotes a CSV field when needed (RFC 4180).
   *
   * @param field the text
   * @return the field, quoted if it holds a comma, quote or line break
   */
  public static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  /**
   * Parses RFC 4180 CSV text: fields quoted with {@code "} may hold commas, doubled quotes and line ends; lines
   * end with LF or CRLF.
   *
   * @param text the CSV text
   * @return its lines, each a list of fields
   */
  public static List<List<String>> parse(String text) {
    List<List<String>> lines = new ArrayList<>();
    List<String> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line.add(field.toString());
        field.setLength(0);
        lines.add(line);
        line = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (field.length() > 0 || !line.isEmpty()) {
      line.add(field.toString());
      lines.add(line);
    }
    return lines;
  }
}
