package org.sparsecode.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.experiments.sweep.MatchedPsnrComparison;
import org.sparsecode.experiments.sweep.MatchedPsnrComparison.Row;

/**
 * The HTML of a {@link MatchedPsnrComparison}: a note on the method, then one table per family with a row per
 * group and, per PSNR level, the group's mean sparseness and its difference from the baseline with the CI and
 * the image count.
 */
public final class MatchedPsnrTable {
  private MatchedPsnrTable() {}

  /**
   * The fragment.
   *
   * @param comparison the comparison
   * @return the markup: paragraphs and tables, no page frame
   */
  public static String html(MatchedPsnrComparison comparison) {
    MatchedPsnrComparison.Settings s = comparison.settings();
    StringBuilder sb = new StringBuilder();
    sb.append("<p class=\"note\">").append(Html.escape("Sparseness at matched PSNR: per image, each group's"
        + " points over λ are joined into a front (points beaten on both PSNR and sparseness by another λ are"
        + " dropped) and its sparseness is interpolated linearly in PSNR at " + s.levels() + " common levels,"
        + " spread over the PSNRs that every group of the family reaches on more than "
        + Format.general(100 * s.coverage()) + " % of the images; no extrapolation. Δ = group − baseline, the"
        + " mean over the images both reach (negative: less sparse than the baseline), with a "
        + Format.general(100 * s.confidence()) + " % percentile-bootstrap interval over images ("
        + s.resamples() + " resamples, seed " + s.seed() + "); n = images counted.")).append("</p>\n");
    Map<String, List<Row>> byFamily = new LinkedHashMap<>();
    for (Row r : comparison.rows()) {
      byFamily.computeIfAbsent(r.family(), f -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<Row>> e : byFamily.entrySet()) {
      List<Double> levels = new ArrayList<>();
      Map<String, List<Row>> byGroup = new LinkedHashMap<>();
      for (Row r : e.getValue()) {
        if (!levels.contains(r.levelPsnr())) {
          levels.add(r.levelPsnr());
        }
        byGroup.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
      }
      String baseline = e.getValue().stream().filter(Row::compared).map(Row::compareTo).findFirst().orElse(null);
      sb.append(Html.element("h4", (byFamily.size() > 1 ? e.getKey() + ": " : "")
          + (baseline == null ? "no baseline" : "compared with " + baseline)));
      if (levels.isEmpty()) {
        sb.append(Html.element("p", "No PSNR is reached by every group on enough images: no level to compare"
            + " at. Widen the λ range so that the groups' PSNR ranges overlap."));
        continue;
      }
      List<String> header = new ArrayList<>(List.of("group"));
      for (int k = 0; k < levels.size(); k++) {
        header.addAll(List.of("sparseness", "Δ [" + Format.general(100 * s.confidence()) + " % CI]", "n"));
      }
      Table table = new Table(1, header).group("", 1);
      for (double level : levels) {
        table.group(Format.fixed(level, 2) + " dB", 3);
      }
      for (Map.Entry<String, List<Row>> g : byGroup.entrySet()) {
        List<String> cells = new ArrayList<>(List.of(g.getKey()));
        for (Row r : g.getValue()) {
          cells.add(Format.fixed(r.meanSparseness(), 5));
          cells.add(r.compared() ? signed(r.meanDiff()) + " [" + signed(r.ciLow()) + ", " + signed(r.ciHigh()) + "]"
              : "baseline");
          cells.add(Integer.toString(r.nImages()));
        }
        table.row(cells);
      }
      sb.append(table.html());
    }
    return sb.toString();
  }

  private static String signed(double v) {
    return Double.isFinite(v) && v >= 0 ? "+" + Format.fixed(v, 5) : Format.fixed(v, 5);
  }
}
