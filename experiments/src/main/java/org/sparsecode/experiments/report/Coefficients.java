package org.sparsecode.experiments.report;

import java.util.List;
import java.util.Map;

/**
 * The coefficient statistics of a run ({@code coefficients.json}, the paper's Part one analyses) as tables:
 * the histogram of the coefficient values with its pooled exponential fit a·e^(−bx) and the spread of the
 * per-image fits, and the two-peak von Mises fit of the activity over θ with the share of the energy per bandwidth B_θ.
 */
final class Coefficients {
  /** The file written next to results.json when coefficient metrics are listed. */
  static final String FILE = "coefficients.json";

  private Coefficients() {}

  /**
   * The section's content.
   *
   * @param stats the parsed {@code coefficients.json}
   * @return HTML, empty when the file holds nothing to show
   */
  static String html(Map<String, Object> stats) {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> histogram = ReportFiles.map(stats.get("histogram"));
    if (!histogram.isEmpty()) {
      sb.append("<h3>Histogram of the coefficient values</h3>\n");
      if (histogram.get("values") != null) {
        String values = capitalised(ReportFiles.string(histogram.get("values")));
        sb.append("<p>").append(Html.escape(values)).append(".</p>\n");
      }
      Table t = Table.keyValue();
      row(t, "bins", histogram, "bins", "n");
      if (histogram.containsKey("low") || histogram.containsKey("high")) {
        t.row("range", "[" + Format.general(ReportFiles.number(histogram.get("low"))) + ", "
            + Format.general(ReportFiles.number(histogram.get("high"))) + "]");
      }
      row(t, "coefficients in range", histogram, "counted", "n");
      row(t, "below the range", histogram, "belowRange", "n");
      row(t, "above the range", histogram, "aboveRange", "n");
      Map<String, Object> fit = ReportFiles.map(histogram.get("pooledFit"));
      if (!fit.isEmpty()) {
        t.row("pooled fit a·e^(−bx): a", Format.general(ReportFiles.number(fit.get("a"))));
        t.row("pooled fit: b", Format.general(ReportFiles.number(fit.get("b"))));
        t.row("pooled fit: R²", Format.fixed(ReportFiles.number(fit.get("r2")), 4));
      }
      Map<String, Object> perImage = ReportFiles.map(histogram.get("perImage"));
      for (String q : List.of("a", "b", "r2")) {
        Map<String, Object> s = ReportFiles.map(perImage.get(q));
        if (!s.isEmpty()) {
          t.row("per-image fits: " + ("r2".equals(q) ? "R²" : q) + " median [min, max]",
              Format.general(ReportFiles.number(s.get("median"))) + " [" + Format.general(ReportFiles.number(
                  s.get("min"))) + ", " + Format.general(ReportFiles.number(s.get("max"))) + "]");
        }
      }
      sb.append(t.html());
    }
    Map<String, Object> orientation = ReportFiles.map(stats.get("orientation"));
    if (!orientation.isEmpty()) {
      sb.append("<h3>Activity over θ per bandwidth B_θ</h3>\n");
      if (orientation.get("skipped") != null) {
        sb.append("<p class=\"note\">Not computed: ").append(Html.escape(ReportFiles.string(orientation.get(
            "skipped")))).append(".</p>\n");
      }
      List<?> groups = ReportFiles.list(orientation.get("groups"));
      if (!groups.isEmpty()) {
        sb.append("<p>Two-peak von Mises fit of the activity").append(orientation.get("measure") == null ? ""
            : " (" + Html.escape(ReportFiles.string(orientation.get("measure"))) + ")")
            .append(" over θ for each B_θ (angles in degrees), and each B_θ's share of the coefficient "
                + "energy.</p>\n");
        Table t = new Table(0, "B_θ (°)", "μ₁ (°)", "κ₁", "μ₂ (°)", "κ₂", "R²", "energy share");
        for (Object o : groups) {
          Map<String, Object> g = ReportFiles.map(o);
          t.row(Format.fixed(Math.toDegrees(ReportFiles.number(g.get("bTheta"))), 1),
              Format.fixed(Math.toDegrees(ReportFiles.number(g.get("mu1"))), 1),
              Format.general(ReportFiles.number(g.get("kappa1"))),
              Format.fixed(Math.toDegrees(ReportFiles.number(g.get("mu2"))), 1),
              Format.general(ReportFiles.number(g.get("kappa2"))), Format.fixed(ReportFiles.number(g.get("r2")), 4),
              Format.fixed(ReportFiles.number(g.get("energy")), 4));
        }
        sb.append(t.html());
      }
    }
    return sb.toString();
  }

  private static void row(Table t, String label, Map<String, Object> m, String key, String format) {
    if (m.containsKey(key)) {
      t.row(label, Format.metric(format, ReportFiles.number(m.get(key))));
    }
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
