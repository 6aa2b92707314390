package org.sparsecode.experiments.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.eval.plot.AxisChart;
import org.sparsecode.eval.plot.HeatmapChart;
import org.sparsecode.eval.plot.ScatterPlot;
import org.sparsecode.experiments.config.KeyPath;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepAxis;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.report.Format;
import org.sparsecode.experiments.report.Html;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.ProgressReporter;
import org.sparsecode.experiments.run.RunPlots;

/**
 * The PNG plots of a sweep, drawn from its {@link SweepTable} into its directory:
 * <ul>
 *   <li>{@code sweep-<metric>-vs-<axis>.png}: the median PSNR, the median sparseness and the cell's wall time
 *       against each numeric axis (every value a number; the first such path of a {@code zip:} group), one
 *       line per combination of the other axes (and the variant), the mean over seeds with ± one sd as error
 *       bars when the sweep has {@code seeds:}; the x axis logarithmic when its values are positive and span
 *       more than {@value #LOG_SPAN}×;</li>
 *   <li>{@code sweep-heatmap-<metric>[-<variant>].png}, for a sweep of exactly two axes: the median PSNR and
 *       sparseness over the grid (mean over seeds), the axes' values as categorical ticks;</li>
 *   <li>{@value #SCATTER}: the median PSNR against the median sparseness, one point per cell (per seed),
 *       coloured by the combination of the axes other than λ.</li>
 * </ul>
 * The cost is linear in the cells and bounded in files: at most {@value #MAX_AXES} axes are plotted, and a
 * plot draws at most {@value #MAX_LINES} lines (evenly spread over the combinations; a note says so). As for a
 * run, a plot that cannot be drawn is a warning, never a failed sweep.
 */
final class SweepPlots {
  /** The PSNR-against-sparseness plot, one point per cell. */
  static final String SCATTER = "sweep-psnr-vs-sparseness.png";
  /** The most numeric axes a metric is plotted against. */
  static final int MAX_AXES = 4;
  /** The most lines (or legend entries) of one plot. */
  static final int MAX_LINES = 12;
  /** The most variants that get heatmaps of their own. */
  static final int MAX_HEATMAPS = 4;
  /** The ratio of the largest to the smallest value from which a positive axis is drawn logarithmic. */
  static final double LOG_SPAN = 20;

  /** The metrics plotted: the column, its name in files and titles, the y axis's title, digits on a heatmap. */
  private record Metric(String column, String name, String axis, int decimals) {}

  private static final List<Metric> METRICS = List.of(
      new Metric("psnr" + SweepTable.MEDIAN, "psnr", "median PSNR over the images (dB)", 2),
      new Metric("sparseness" + SweepTable.MEDIAN, "sparseness", "median sparseness over the images", 4),
      new Metric(SweepTable.SECONDS, "seconds", "wall time of the cell (s)", 1));

  private SweepPlots() {}

  /**
   * A plot written.
   *
   * @param file its file name in the sweep's directory
   * @param caption what it shows
   * @param note what was left out of it, or {@code null}
   */
  record Plot(String file, String caption, String note) {}

  /**
   * One dimension of the grid: the variant, or an axis.
   *
   * @param title the name in legends and titles ({@code variant}, a key path, {@code zip(a, b)})
   * @param axis the axis, {@code null} for the variant
   * @param numericPath the path whose numbers are the x of the axis's plots, {@code null} when none
   */
  private record Dimension(String title, SweepAxis axis, String numericPath) {
    /** The dimension's value in a cell, as text: exact (a key), or short (numbers to 4 digits, for display). */
    String label(SweepCell cell, boolean shortForm) {
      if (axis == null) {
        return cell.variant() == null ? "" : cell.variant();
      }
      return text(axis.paths().stream().map(p -> cell.values().get(p.toString())).toList(), shortForm);
    }

    /** The axis's values in order, as text. */
    List<String> labels(boolean shortForm) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < axis.size(); i++) {
        out.add(text(axis.values(i), shortForm));
      }
      return out;
    }

    /** One step's values (one per path) as text. */
    private String text(List<Object> values, boolean shortForm) {
      if (!shortForm) {
        return Sweep.flow(axis.isZip() ? values : values.get(0));
      }
      List<String> shown = values.stream().map(v -> v instanceof Double || v instanceof Float
          || v instanceof BigDecimal ? Format.general(((Number) v).doubleValue()) : Sweep.flow(v)).toList();
      return axis.isZip() ? "[" + String.join(", ", shown) + "]" : shown.get(0);
    }
  }

  /**
   * Draws every plot.
   *
   * @param root the sweep's directory
   * @param table the table
   * @param progress where warnings go
   * @return the plots written, in the order the report shows them
   */
  static List<Plot> draw(RunDirectory root, SweepTable table, ProgressReporter progress) {
    deleteStale(root, progress);
    List<Dimension> dims = dimensions(table);
    List<Plot> plots = new ArrayList<>();
    List<Metric> metrics = METRICS.stream().filter(m -> table.numberColumns().contains(m.column())).toList();
    if (table.complete() == 0) {
      return plots;
    }
    int axesPlotted = 0;
    for (int d = 0; d < dims.size() && axesPlotted < MAX_AXES; d++) {
      if (dims.get(d).numericPath() != null) {
        axesPlotted++;
        for (Metric m : metrics) {
          against(root, table, dims, d, m, progress, plots);
        }
      }
    }
    if (table.sweep().axes().size() == 2) {
      heatmaps(root, table, dims, metrics, progress, plots);
    }
    scatter(root, table, dims, progress, plots);
    return plots;
  }

  /**
   * Deletes the plots an earlier sweep drew into the directory ({@code sweep-*.png}), so that a plot of an
   * axis the grid no longer has does not linger next to the new ones.
   */
  private static void deleteStale(RunDirectory root, ProgressReporter progress) {
    if (!Files.isDirectory(root.root())) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root.root(), "sweep-*.png")) {
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      progress.info("warning: could not delete the earlier plots in " + root + ": " + e.getMessage());
    }
  }

  private static List<Dimension> dimensions(SweepTable table) {
    List<Dimension> dims = new ArrayList<>();
    if (table.has(SweepTable.VARIANT)) {
      dims.add(new Dimension(SweepTable.VARIANT, null, null));
    }
    for (SweepAxis a : table.sweep().axes()) {
      String numeric = null;
      for (KeyPath p : a.paths()) {
        boolean all = true;
        for (int i = 0; i < a.size() && all; i++) {
          Object v = a.values(i).get(a.paths().indexOf(p));
          all = v instanceof Number n && Double.isFinite(n.doubleValue());
        }
        if (all) {
          numeric = p.toString();
          break;
        }
      }
      String title = a.isZip() ? "zip(" + String.join(", ", a.paths().stream().map(KeyPath::toString).toList())
          + ")" : a.paths().get(0).toString();
      dims.add(new Dimension(title, a, numeric));
    }
    return dims;
  }

  /** The label of a cell's combination of every dimension but the one skipped, exact or short. */
  private static String group(List<Dimension> dims, SweepCell cell, int skip, boolean shortForm) {
    List<String> parts = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      if (d != skip) {
        parts.add(dims.get(d).title() + "=" + dims.get(d).label(cell, shortForm));
      }
    }
    return String.join(", ", parts);
  }

  /**
   * The rows by their combination of every dimension but one (its exact label), in the sweep's order: every
   * row makes its group, so that the groups keep that order whichever cells failed.
   *
   * @param shortNames receives each group's short label
   */
  private static Map<String, List<SweepTable.Row>> byGroup(SweepTable table, List<Dimension> dims, int skip,
      Map<String, String> shortNames) {
    Map<String, List<SweepTable.Row>> groups = new LinkedHashMap<>();
    for (SweepTable.Row r : table.rows()) {
      SweepCell cell = r.outcome().cell();
      groups.computeIfAbsent(group(dims, cell, skip, false), k -> {
        shortNames.put(k, group(dims, cell, skip, true));
        return new ArrayList<>();
      }).add(r);
    }
    return groups;
  }

  /**
   * The legend entries of groups: each group's short label, or its exact one where short labels would
   * coincide (a plot's entries must differ).
   */
  private static Map<String, String> legend(Map<String, String> shortByKey) {
    Map<String, Integer> uses = new HashMap<>();
    shortByKey.values().forEach(v -> uses.merge(v, 1, Integer::sum));
    Map<String, String> out = new LinkedHashMap<>();
    shortByKey.forEach((key, shown) -> out.put(key, uses.get(shown) > 1 ? key : shown));
    return out;
  }

  /** The other dimensions' titles, for a caption: {@code one line per dictionary.size and variant}. */
  private static String others(List<Dimension> dims, int skip) {
    List<String> names = new ArrayList<>();
    for (int d = 0; d < dims.size(); d++) {
      if (d != skip) {
        names.add(dims.get(d).title());
      }
    }
    return names.isEmpty() ? "" : "; one line per combination of " + String.join(", ", names);
  }

  /** One metric against one numeric axis. */
  private static void against(RunDirectory root, SweepTable table, List<Dimension> dims, int d, Metric m,
      ProgressReporter progress, List<Plot> plots) {
    Dimension axis = dims.get(d);
    // group label -> x -> the values over seeds
    Map<String, String> shortNames = new LinkedHashMap<>();
    Map<String, Map<Double, List<Double>>> lines = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, List<SweepTable.Row>> g : byGroup(table, dims, d, shortNames).entrySet()) {
      Map<Double, List<Double>> line = new LinkedHashMap<>();
      for (SweepTable.Row r : g.getValue()) {
        double y = r.number(m.column());
        if (r.complete() && Double.isFinite(y)) {
          double x = ((Number) r.outcome().cell().values().get(axis.numericPath())).doubleValue();
          line.computeIfAbsent(x, k -> new ArrayList<>()).add(y);
          any = true;
        }
      }
      lines.put(g.getKey(), line);
    }
    if (!any) {
      return;
    }
    boolean seeds = table.sweep().seeds() > 0;
    List<AxisChart.Series> series = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    Map<String, String> names = legend(shortNames);
    List<Map.Entry<String, Map<Double, List<Double>>>> drawn = spread(new ArrayList<>(lines.entrySet()));
    for (Map.Entry<String, Map<Double, List<Double>>> line : drawn) {
      int n = line.getValue().size();
      double[] x = new double[n];
      double[] y = new double[n];
      double[] e = new double[n];
      int i = 0;
      for (Map.Entry<Double, List<Double>> point : line.getValue().entrySet()) {
        Summary s = Summary.of(point.getValue().stream().mapToDouble(Double::doubleValue).toArray());
        x[i] = point.getKey();
        y[i] = s.mean();
        e[i] = s.sd();
        lo = Math.min(lo, x[i]);
        hi = Math.max(hi, x[i]);
        i++;
      }
      String name = line.getKey().isEmpty() ? m.name() : names.get(line.getKey());
      series.add(new AxisChart.Series(name, x, y, seeds ? e : null));
    }
    boolean log = lo > 0 && hi / lo > LOG_SPAN;
    String file = "sweep-" + m.name() + "-vs-" + Html.id(axis.numericPath()) + ".png";
    String title = table.experiment() + ": " + m.name() + " against " + axis.numericPath();
    String caption = capitalised(m.axis()) + " against " + axis.numericPath() + others(dims, d)
        + (seeds ? "; the mean over " + table.sweep().seeds() + " seeds, error bars ± one sd" : "")
        + (log ? "; logarithmic x axis" : "");
    String note = lines.size() > MAX_LINES ? lines.size() + " combinations; " + MAX_LINES + " of them, evenly"
        + " spread from the first to the last, are drawn, the others are in the table" : null;
    if (RunPlots.draw(file, progress, () -> AxisChart.write(root.file(file), title, axis.numericPath(), m.axis(),
        series, log))) {
      plots.add(new Plot(file, caption, note));
    }
  }

  /** At most {@link #MAX_LINES} items, evenly spread from the first to the last, in order. */
  private static <T> List<T> spread(List<T> items) {
    if (items.size() <= MAX_LINES) {
      return items;
    }
    List<T> out = new ArrayList<>(MAX_LINES);
    for (int i = 0; i < MAX_LINES; i++) {
      out.add(items.get((int) Math.round(i * (items.size() - 1.0) / (MAX_LINES - 1))));
    }
    return out;
  }

  private static void heatmaps(RunDirectory root, SweepTable table, List<Dimension> dims, List<Metric> metrics,
      ProgressReporter progress, List<Plot> plots) {
    boolean hasVariants = table.has(SweepTable.VARIANT);
    Dimension xs = dims.get(hasVariants ? 1 : 0);
    Dimension ys = dims.get(hasVariants ? 2 : 1);
    List<String> variants = new ArrayList<>();
    for (SweepTable.Row r : table.rows()) {
      String v = r.outcome().cell().variant();
      if (!variants.contains(v)) {
        variants.add(v);
      }
    }
    Map<String, Integer> xIndex = index(xs.labels(false));
    Map<String, Integer> yIndex = index(ys.labels(false));
    List<String> xLabels = shown(xs);
    List<String> yLabels = shown(ys);
    for (Metric m : metrics.subList(0, Math.min(2, metrics.size()))) {
      for (String variant : variants.subList(0, Math.min(MAX_HEATMAPS, variants.size()))) {
        double[][] sum = new double[yLabels.size()][xLabels.size()];
        int[][] count = new int[yLabels.size()][xLabels.size()];
        for (SweepTable.Row r : table.rows()) {
          SweepCell cell = r.outcome().cell();
          double v = r.number(m.column());
          if (r.complete() && Double.isFinite(v) && Objects.equals(variant, cell.variant())) {
            Integer i = xIndex.get(xs.label(cell, false));
            Integer j = yIndex.get(ys.label(cell, false));
            if (i != null && j != null) {
              sum[j][i] += v;
              count[j][i]++;
            }
          }
        }
        for (int j = 0; j < sum.length; j++) {
          for (int i = 0; i < sum[j].length; i++) {
            sum[j][i] = count[j][i] == 0 ? Double.NaN : sum[j][i] / count[j][i];
          }
        }
        HeatmapChart.Grid grid = new HeatmapChart.Grid(xs.title(), xLabels, ys.title(), yLabels, sum);
        String suffix = variant == null ? "" : "-" + Html.id(variant);
        String file = "sweep-heatmap-" + m.name() + suffix + ".png";
        String title = table.experiment() + (variant == null ? "" : " / " + variant) + ": " + m.axis();
        String caption = capitalised(m.axis()) + " over the grid" + (variant == null ? "" : " of variant " + variant)
            + (table.sweep().seeds() > 0 ? " (the mean over seeds)" : "") + "; blank: no complete cell";
        if (RunPlots.draw(file, progress, () -> HeatmapChart.write(root.file(file), title, grid, m.decimals()))) {
          plots.add(new Plot(file, caption, null));
        }
      }
    }
    if (variants.size() > MAX_HEATMAPS) {
      plots.add(new Plot(null, null, "heatmaps are drawn for the first " + MAX_HEATMAPS + " of " + variants.size()
          + " variants"));
    }
  }

  /** An axis's tick labels: short, unless two would coincide. */
  private static List<String> shown(Dimension axis) {
    List<String> labels = axis.labels(true);
    return labels.stream().distinct().count() == labels.size() ? labels : axis.labels(false);
  }

  private static Map<String, Integer> index(List<String> labels) {
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      out.put(labels.get(i), i);
    }
    return out;
  }

  /** PSNR against sparseness, one point per cell, a series per combination of the dimensions but λ's. */
  private static void scatter(RunDirectory root, SweepTable table, List<Dimension> dims, ProgressReporter progress,
      List<Plot> plots) {
    int lambda = -1;
    for (int d = 0; d < dims.size() && lambda < 0; d++) {
      String path = dims.get(d).numericPath();
      if (path != null && path.toLowerCase(Locale.ROOT).contains("lambda")) {
        lambda = d;
      }
    }
    for (int d = 0; d < dims.size() && lambda < 0; d++) {
      if (dims.get(d).numericPath() != null) {
        lambda = d;
      }
    }
    String psnr = "psnr" + SweepTable.MEDIAN;
    String sparseness = "sparseness" + SweepTable.MEDIAN;
    Map<String, List<double[]>> groups = new LinkedHashMap<>();
    Map<String, String> shortNames = new LinkedHashMap<>();
    boolean any = false;
    for (Map.Entry<String, List<SweepTable.Row>> g : byGroup(table, dims, lambda, shortNames).entrySet()) {
      List<double[]> points = new ArrayList<>();
      for (SweepTable.Row r : g.getValue()) {
        if (r.complete() && r.numbers().containsKey(psnr) && r.numbers().containsKey(sparseness)) {
          points.add(new double[] {r.number(sparseness), r.number(psnr)});
          any = true;
        }
      }
      groups.put(g.getKey(), points);
    }
    if (!any) {
      return;
    }
    int combinations = groups.size();
    boolean one = combinations > MAX_LINES || combinations == 1;
    if (one) {
      List<double[]> all = new ArrayList<>();
      groups.values().forEach(all::addAll);
      groups = Map.of("every cell", all);
    }
    List<ScatterPlot.Series> series = new ArrayList<>();
    Map<String, String> names = legend(shortNames);
    groups.forEach((key, points) -> series.add(new ScatterPlot.Series(key.isEmpty() || one ? "every cell"
        : names.get(key),
        points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray())));
    String by = lambda < 0 ? "" : " (" + dims.get(lambda).title() + " varies along each series)";
    String caption = "Median PSNR against median sparseness over the images, one point per cell"
        + (table.sweep().seeds() > 0 ? " and seed" : "") + (one ? "" : ", coloured by the other axes" + by);
    String note = combinations > MAX_LINES ? combinations + " combinations of the other axes, too many to colour"
        + " apart: one series" : null;
    String title = table.experiment() + ": PSNR vs sparseness, one point per cell";
    if (RunPlots.draw(SCATTER, progress, () -> ScatterPlot.write(root.file(SCATTER), title, series))) {
      plots.add(new Plot(SCATTER, caption, note));
    }
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
