package org.sparsecode.experiments.report;

import java.util.Locale;

/**
 * How numbers read in the reports: PSNR with 2 decimals (dB), sparseness with 4, counts as integers, p values
 * with 3 significant digits (scientific below 10⁻³), anything else with 4 significant digits.
 */
public final class Format {
  private Format() {}

  /**
   * A metric's value, formatted after its name.
   *
   * @param name the metric ({@code psnr}, {@code sparseness}, {@code iterations}, {@code seconds}, ...); a
   *     flattened curve column such as {@code resilience_0.1_psnr} is formatted after its last part, a metric
   *     at a curve's point such as {@code psnr@0.1} as the metric
   * @param v the value
   * @return the text; {@code n/a} for NaN
   */
  public static String metric(String name, double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    // a metric at a point of a curve ("psnr@0.1") reads as the metric
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
    if (n.endsWith("psnr")) {
      return fixed(v, 2);
    }
    if (n.endsWith("sparseness")) {
      return fixed(v, 4);
    }
    if (n.equals("iterations") || n.equals("l0") || n.equals("kernels") || n.equals("n") || n.equals("steps")) {
      return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : general(v);
    }
    if (n.equals("seconds")) {
      return Math.abs(v) >= 0.01 ? fixed(v, 2) : general(v);
    }
    return general(v);
  }

  /**
   * A number with a fixed count of decimals.
   *
   * @param v the value
   * @param decimals digits after the point
   * @return the text; {@code n/a} for NaN, {@code ∞} for infinities
   */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /**
   * A number with 4 significant digits: integers as they are, scientific notation below 10⁻³ or from 10⁶.
   *
   * @param v the value
   * @return the text
   */
  public static String general(double v) {
    if (!Double.isFinite(v)) {
      return special(v);
    }
    double a = Math.abs(v);
    if (v == Math.rint(v) && a < 1e9) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a < 1e-3 || a >= 1e6) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    if (s.indexOf('.') >= 0) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /**
   * A p value: 3 significant digits, scientific below 10⁻³.
   *
   * @param p the p value
   * @return the text; {@code n/a} for NaN
   */
  static String pValue(double p) {
    if (!Double.isFinite(p)) {
      return special(p);
    }
    if (p != 0 && Math.abs(p) < 1e-3) {
      return String.format(Locale.ROOT, "%.2e", p);
    }
    return String.format(Locale.ROOT, "%.3g", p);
  }

  /**
   * A median with its confidence interval: {@code 31.20 [30.90, 31.55]}.
   *
   * @param metric the metric's name, for the digits
   * @param median the median
   * @param lo the interval's lower end, NaN when unknown (then the median alone)
   * @param hi the interval's upper end
   * @return the text
   */
  static String withInterval(String metric, double median, double lo, double hi) {
    String m = metric(metric, median);
    if (Double.isNaN(lo) && Double.isNaN(hi)) {
      return m;
    }
    return m + " [" + metric(metric, lo) + ", " + metric(metric, hi) + "]";
  }

  /**
   * A mean with its standard deviation: {@code 31.20 ± 1.05}.
   *
   * @param metric the metric's name, for the digits
   * @param mean the mean
   * @param sd the sample standard deviation, NaN for a single value (then the mean alone)
   * @return the text
   */
  public static String meanSd(String metric, double mean, double sd) {
    return Double.isNaN(sd) ? metric(metric, mean) : metric(metric, mean) + " ± " + metric(metric, sd);
  }

  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return v > 0 ? "∞" : "−∞";
  }
}
