package org.sparsecode.experiments.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepCell;
import org.sparsecode.experiments.results.ImageResult;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.RunResult;
import org.sparsecode.experiments.results.Summary;

/**
 * The rows of a sweep's tables, one per cell (per seed), built from what became of the cells; {@link
 * SweepTables} writes them as {@code sweep.csv}, {@code sweep-aggregated.csv} and {@code sweep.json}, {@link
 * SweepReport} draws and shows them.
 *
 * <p><b>Columns</b>, in this order: {@code cell} (the readable name), {@code variant} (only when the file has
 * variants), one per axis key path ({@link Sweep#columns()}, values as {@link Sweep#flow}), {@code seed} (only
 * with {@code seeds:}); then {@code status}; then the numbers: {@code seconds} (the cell's wall time), for
 * each scalar column of the cells' results ({@code psnr}, {@code sparseness}, {@code objective}, the other
 * metrics, {@code iterations}, {@code seconds} per image) {@code <column>_median} and {@code <column>_mean}
 * over the images, and for each point and quantity of a curve metric {@code <metric>_<point>_<quantity>_median}.
 * The metric columns are the union over the complete cells, scalars first, each group in first-seen order.
 *
 * @param experiment the experiment's name
 * @param sweep the sweep
 * @param keyColumns the columns that name a row: {@code cell}, [{@code variant}], the axes, [{@code seed}]
 * @param numberColumns the numeric columns after {@code status}: {@code seconds} then the metric columns
 * @param rows one per outcome, in the sweep's cell order
 * @param root the sweep's directory, against which the cells' directories are written relative
 */
public record SweepTable(String experiment, Sweep sweep, List<String> keyColumns, List<String> numberColumns,
    List<SweepTable.Row> rows, Path root) {
  /** The column of the readable cell name. */
  public static final String CELL = "cell";
  /** The column of the variant (only with variants). */
  public static final String VARIANT = "variant";
  /** The column of the seed (only with {@code seeds:}). */
  public static final String SEED = "seed";
  /** The column of the status, {@code complete} or {@code failed}. */
  public static final String STATUS = "status";
  /** The column of the cell's wall time. */
  public static final String SECONDS = "seconds";
  /** The suffix of a median over the images. */
  public static final String MEDIAN = "_median";
  /** The suffix of a mean over the images (or, in the aggregated table, over the seeds). */
  public static final String MEAN = "_mean";
  /** The suffix of a standard deviation over the seeds, in the aggregated table. */
  public static final String SD = "_sd";
  /** The aggregated table's count of complete seeds. */
  public static final String SEEDS_COMPLETE = "seeds_complete";

  /** Copies. */
  public SweepTable {
    keyColumns = List.copyOf(keyColumns);
    numberColumns = List.copyOf(numberColumns);
    rows = List.copyOf(rows);
    root = root.toAbsolutePath().normalize();
  }

  /**
   * One cell's row.
   *
   * @param outcome what became of the cell
   * @param keys the text of each key column, as the CSV holds it (unquoted)
   * @param numbers each numeric column's value; a column the cell has no value for is absent
   */
  public record Row(CellOutcome outcome, List<String> keys, Map<String, Double> numbers) {
    /** Copies. */
    public Row {
      keys = List.copyOf(keys);
      numbers = Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /**
     * A numeric column's value.
     *
     * @param column the column
     * @return the value, NaN when the row has none
     */
    public double number(String column) {
      Double v = numbers.get(column);
      return v == null ? Double.NaN : v;
    }

    /**
     * Whether the cell completed.
     *
     * @return {@code true} unless it failed
     */
    public boolean complete() {
      return !outcome.failed();
    }
  }

  /**
   * The rows over seeds of one cell name (and variant), for {@code sweep-aggregated.csv}.
   *
   * @param keys the key columns' text without {@code seed}
   * @param stats each numeric column's mean and sd over the complete seeds (absent when none has the column)
   * @param complete how many seeds completed
   * @param members the rows, one per seed
   */
  public record Group(List<String> keys, Map<String, Summary> stats, int complete, List<Row> members) {
    /** Copies. */
    public Group {
      keys = List.copyOf(keys);
      stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
      members = List.copyOf(members);
    }
  }

  /**
   * Builds the table.
   *
   * @param root the sweep's directory ({@code DIR}, which holds {@code cells/})
   * @param plan the plan (its name, whether it has variants)
   * @param sweep the sweep
   * @param outcomes what became of each cell, in the sweep's cell order
   * @return the table
   */
  public static SweepTable of(Path root, ExperimentPlan plan, Sweep sweep, List<CellOutcome> outcomes) {
    List<String> keys = new ArrayList<>();
    keys.add(CELL);
    if (plan.hasVariants()) {
      keys.add(VARIANT);
    }
    keys.addAll(sweep.columns());
    if (sweep.seeds() > 0) {
      keys.add(SEED);
    }
    Set<String> scalars = new LinkedHashSet<>();
    Set<String> curves = new LinkedHashSet<>();
    List<Map<String, Summary>> summaries = new ArrayList<>(outcomes.size());
    for (CellOutcome o : outcomes) {
      if (o.failed()) {
        summaries.add(Map.of());
        continue;
      }
      Map<String, Summary> s = summaries(o.result());
      summaries.add(s);
      Set<String> curveColumns = curveColumns(o.result().images());
      for (String c : s.keySet()) {
        (curveColumns.contains(c) ? curves : scalars).add(c);
      }
    }
    List<String> numbers = new ArrayList<>();
    numbers.add(SECONDS);
    for (String c : scalars) {
      numbers.add(c + MEDIAN);
      numbers.add(c + MEAN);
    }
    for (String c : curves) {
      numbers.add(c + MEDIAN);
    }
    List<Row> rows = new ArrayList<>(outcomes.size());
    for (int i = 0; i < outcomes.size(); i++) {
      CellOutcome o = outcomes.get(i);
      SweepCell cell = o.cell();
      List<String> k = new ArrayList<>();
      k.add(cell.name());
      if (plan.hasVariants()) {
        k.add(cell.variant() == null ? "" : cell.variant());
      }
      for (String path : sweep.columns()) {
        k.add(cell.values().containsKey(path) ? Sweep.flow(cell.values().get(path)) : "");
      }
      if (sweep.seeds() > 0) {
        k.add(cell.seed() == null ? "" : cell.seed().toString());
      }
      Map<String, Double> n = new LinkedHashMap<>();
      n.put(SECONDS, o.seconds());
      summaries.get(i).forEach((c, s) -> {
        n.put(c + MEDIAN, s.median());
        if (scalars.contains(c)) {
          n.put(c + MEAN, s.mean());
        }
      });
      rows.add(new Row(o, k, n));
    }
    return new SweepTable(plan.name(), sweep, keys, numbers, rows, root);
  }

  /**
   * A result's statistics per column over its images: its {@code summary}, or, for a result that has none,
   * the same statistics computed from its images.
   */
  private static Map<String, Summary> summaries(RunResult r) {
    if (!r.summary().isEmpty() || r.images().isEmpty()) {
      return r.summary();
    }
    Map<String, Summary> s = new LinkedHashMap<>();
    for (String c : MetricsCsv.metricColumns(r.images())) {
      s.put(c, Summary.of(r.images().stream().mapToDouble(m -> m.metric(c)).toArray()));
    }
    s.put("iterations", Summary.of(r.images().stream().mapToDouble(ImageResult::iterations).toArray()));
    s.put("seconds", Summary.of(r.images().stream().mapToDouble(ImageResult::seconds).toArray()));
    return s;
  }

  /** The flat column names of the images' curve points ({@link ImageResult#curveColumn}). */
  private static Set<String> curveColumns(List<ImageResult> images) {
    Set<String> out = new LinkedHashSet<>();
    for (ImageResult image : images) {
      image.curves().forEach((name, curve) -> curve.forEach((point, quantities) -> quantities.keySet()
          .forEach(q -> out.add(ImageResult.curveColumn(name, point, q)))));
    }
    return out;
  }

  /**
   * Every column of {@code sweep.csv}, in order.
   *
   * @return the header's names
   */
  public List<String> header() {
    List<String> h = new ArrayList<>(keyColumns);
    h.add(STATUS);
    h.addAll(numberColumns);
    return h;
  }

  /**
   * Whether the table has a column.
   *
   * @param column the name
   * @return {@code true} when it is a key or numeric column
   */
  public boolean has(String column) {
    return keyColumns.contains(column) || numberColumns.contains(column);
  }

  /**
   * The key columns of the aggregated table: the key columns without {@code seed}.
   *
   * @return the names
   */
  public List<String> groupColumns() {
    return keyColumns.stream().filter(c -> !c.equals(SEED)).toList();
  }

  /**
   * The rows grouped over seeds: one group per cell name and variant, in first-seen order, with each numeric
   * column's mean and sd over the group's complete rows. Without {@code seeds:}, every row is a group of one.
   *
   * @return the groups
   */
  public List<Group> groups() {
    int seedColumn = keyColumns.indexOf(SEED);
    Map<List<String>, List<Row>> byKey = new LinkedHashMap<>();
    for (Row r : rows) {
      List<String> k = new ArrayList<>(r.keys());
      if (seedColumn >= 0) {
        k.remove(seedColumn);
      }
      byKey.computeIfAbsent(List.copyOf(k), x -> new ArrayList<>()).add(r);
    }
    List<Group> groups = new ArrayList<>(byKey.size());
    byKey.forEach((k, members) -> {
      List<Row> complete = members.stream().filter(Row::complete).toList();
      Map<String, Summary> stats = new LinkedHashMap<>();
      for (String c : numberColumns) {
        double[] v = complete.stream().filter(r -> r.numbers().containsKey(c)).mapToDouble(r -> r.number(c))
            .toArray();
        if (v.length > 0) {
          stats.put(c, Summary.of(v));
        }
      }
      groups.add(new Group(k, stats, complete.size(), members));
    });
    return groups;
  }

  /**
   * A cell's directory as the tables write it: relative to the sweep's directory ({@code cells/<hash>}), with
   * {@code /} separators; absolute when it is not under it.
   *
   * @param outcome the cell
   * @return the path's text
   */
  public String directory(CellOutcome outcome) {
    Path d = outcome.directory().toAbsolutePath().normalize();
    return (d.startsWith(root) ? root.relativize(d) : d).toString().replace('\\', '/');
  }

  /**
   * How many cells completed.
   *
   * @return the count
   */
  public int complete() {
    return (int) rows.stream().filter(Row::complete).count();
  }

  /**
   * How many cells were found complete and not run again.
   *
   * @return the count
   */
  public int reused() {
    return (int) rows.stream().filter(r -> r.outcome().reused()).count();
  }
}
