package org.sparsecode.experiments.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison of the variants of one experiment file, built from each variant's {@code results.json}
 * (so that variants finished by an earlier invocation count the same as fresh ones), read by {@link
 * ResultsJson#read(java.nio.file.Path)}.
 *
 * @param experiment the experiment's name
 * @param rows one row per variant, in the file's order
 */
public record Comparison(String experiment, List<Comparison.Row> rows) {

  /** Copies. */
  public Comparison {
    rows = List.copyOf(rows);
  }

  /**
   * One variant's line.
   *
   * @param variant the variant's name
   * @param dictionary the dictionary's {@code type}
   * @param kernels number of kernels K
   * @param kernelSize kernel side k
   * @param images number of coded images
   * @param psnr PSNR statistics, dB
   * @param sparseness sparseness statistics
   * @param seconds solve-time statistics, seconds per image
   */
  public record Row(String variant, String dictionary, int kernels, int kernelSize, int images, Summary psnr,
      Summary sparseness, Summary seconds) {

    /**
     * A variant's row.
     *
     * @param variant the variant's name
     * @param results the variant's results
     * @return the row
     */
    public static Row of(String variant, RunResult results) {
      Map<String, Object> dict = results.dictionary();
      Map<String, Summary> summary = results.summary();
      return new Row(variant, String.valueOf(dict.getOrDefault("type", "?")),
          (int) Json.number(dict.get("kernels")), (int) Json.number(dict.get("size")), results.images().size(),
          summary.getOrDefault("psnr", Summary.EMPTY), summary.getOrDefault("sparseness", Summary.EMPTY),
          summary.getOrDefault("seconds", Summary.EMPTY));
    }

    /**
     * The dictionary column: type and shape.
     *
     * @return e.g. {@code log-gabor 144×12×12}
     */
    public String dictionaryLabel() {
      return dictionary + " " + kernels + "×" + kernelSize + "×" + kernelSize;
    }
  }

  /**
   * The CSV form (one row per variant, plain numbers).
   *
   * @return the text, ending with a newline
   */
  public String csv() {
    StringBuilder sb = new StringBuilder(
        "variant,dictionary,kernels,size,images,psnrMean,psnrSd,sparsenessMean,sparsenessSd,secondsMean\n");
    for (Row r : rows) {
      sb.append(MetricsCsv.quote(r.variant())).append(',').append(MetricsCsv.quote(r.dictionary())).append(',')
          .append(r.kernels()).append(',').append(r.kernelSize()).append(',').append(r.images()).append(',')
          .append(r.psnr().mean()).append(',').append(r.psnr().sd()).append(',')
          .append(r.sparseness().mean()).append(',').append(r.sparseness().sd()).append(',')
          .append(r.seconds().mean()).append('\n');
    }
    return sb.toString();
  }

  /**
   * The Markdown table: variant, dictionary, images, PSNR mean ± sd, sparseness mean ± sd, mean seconds.
   *
   * @return the text, ending with a newline
   */
  public String markdown() {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"variant", "dictionary", "images", "PSNR (dB)", "sparseness", "seconds/image"});
    for (Row r : rows) {
      cells.add(new String[] {r.variant(), r.dictionaryLabel(), Integer.toString(r.images()),
          pm(r.psnr(), "%.2f"), pm(r.sparseness(), "%.4f"), fmt(r.seconds().mean(), "%.2f")});
    }
    int[] width = new int[cells.get(0).length];
    for (String[] row : cells) {
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line(sb, cells.get(i), width);
      if (i == 0) {
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
          rule[c] = "-".repeat(width[c]);
        }
        line(sb, rule, width);
      }
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] row, int[] width) {
    sb.append('|');
    for (int c = 0; c < row.length; c++) {
      sb.append(' ').append(row[c]).append(" ".repeat(width[c] - row[c].length())).append(" |");
    }
    sb.append('\n');
  }

  private static String pm(Summary s, String format) {
    return fmt(s.mean(), format) + " ± " + fmt(s.sd(), format);
  }

  private static String fmt(double v, String format) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    return String.format(Locale.ROOT, format, v);
  }

  /**
   * The {@code summary.json} tree: the experiment and, per variant, its directory and summaries.
   *
   * @param variantResults variant name to its results, in order
   * @return ordered maps
   */
  public Map<String, Object> summaryTree(Map<String, RunResult> variantResults) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", experiment);
    List<Object> list = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> v = new LinkedHashMap<>();
      RunResult results = variantResults.get(r.variant());
      v.put("variant", r.variant());
      v.put("directory", r.variant());
      v.put("status", results.status());
      v.put("configSha256", results.configSha256());
      v.put("dictionary", results.dictionary());
      v.put("solver", results.solver());
      v.put("images", r.images());
      v.put("summary", ResultsJson.summaries(results.summary()));
      list.add(v);
    }
    root.put("variants", list);
    return root;
  }
}
