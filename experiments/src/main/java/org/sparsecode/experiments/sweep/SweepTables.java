package org.sparsecode.experiments.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.KeyPath;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepAxis;
import org.sparsecode.experiments.results.Json;
import org.sparsecode.experiments.results.MetricsCsv;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.Summary;

/**
 * The tables of a sweep, written atomically into its directory ({@link SweepTable} says what the columns are):
 * <ul>
 *   <li>{@value #CSV}: one row per cell (per seed); a failed cell has its {@code seconds} and empty metric
 *       fields;</li>
 *   <li>{@value #AGGREGATED_CSV}, only with {@code seeds:}: one row per cell name (and variant), the key
 *       columns without {@code seed}, then for every numeric column {@code <column>_mean} and {@code
 *       <column>_sd} over the complete seeds, then {@value SweepTable#SEEDS_COMPLETE};</li>
 *   <li>{@value #JSON}: the same rows as objects (axis values as JSON values, not flow text), each with the
 *       cell's {@code hash}, {@code directory} ({@code cells/<hash>}), {@code reused}, {@code error} when it
 *       failed and its resolved configuration {@code config}; and the {@code experiment}, its {@code axes},
 *       {@code seeds}, {@code columns} and the counts {@code cells}, {@code complete}, {@code failed}, {@code
 *       reused}.</li>
 * </ul>
 * Numbers are written as Java's {@code Double.toString} writes them, as in {@code metrics.csv}: they read back
 * to the same double ({@code Infinity} and {@code NaN} for non-finite values); fields holding a comma or a
 * quote are quoted (RFC 4180).
 */
public final class SweepTables {
  /** One row per cell (per seed). */
  public static final String CSV = "sweep.csv";
  /** One row per cell name with the mean and sd over seeds (only with {@code seeds:}). */
  public static final String AGGREGATED_CSV = "sweep-aggregated.csv";
  /** The rows, with each cell's configuration and error. */
  public static final String JSON = "sweep.json";

  private SweepTables() {}

  /**
   * Builds the table and writes {@value #CSV}, {@value #AGGREGATED_CSV} (deleting one a sweep with seeds left
   * there when this one has none) and {@value #JSON}.
   *
   * @param root the sweep's directory
   * @param plan the plan
   * @param sweep the plan's sweep
   * @param outcomes what became of each cell, in the sweep's cell order
   * @return the table written
   * @throws SparsecodeException naming the file when one cannot be written
   */
  public static SweepTable write(RunDirectory root, ExperimentPlan plan, Sweep sweep, List<CellOutcome> outcomes) {
    SweepTable table = SweepTable.of(root.root(), plan, sweep, outcomes);
    root.writeString(CSV, csv(table));
    if (sweep.seeds() > 0) {
      root.writeString(AGGREGATED_CSV, aggregatedCsv(table));
    } else {
      try {
        Files.deleteIfExists(root.file(AGGREGATED_CSV));
      } catch (IOException e) {
        throw new SparsecodeException("cannot delete the stale " + root.file(AGGREGATED_CSV) + ": " + e.getMessage(),
            e);
      }
    }
    root.writeString(JSON, Json.pretty(json(table)));
    return table;
  }

  /**
   * The text of {@value #CSV}.
   *
   * @param table the table
   * @return the CSV, ending with a newline
   */
  public static String csv(SweepTable table) {
    StringBuilder sb = new StringBuilder(64 * (table.rows().size() + 1));
    line(sb, table.header());
    for (SweepTable.Row r : table.rows()) {
      List<String> fields = new ArrayList<>(r.keys());
      fields.add(r.outcome().status());
      for (String c : table.numberColumns()) {
        fields.add(number(r.numbers().get(c)));
      }
      line(sb, fields);
    }
    return sb.toString();
  }

  /**
   * The header of {@value #AGGREGATED_CSV}.
   *
   * @param table the table
   * @return the column names
   */
  public static List<String> aggregatedHeader(SweepTable table) {
    List<String> header = new ArrayList<>(table.groupColumns());
    for (String c : table.numberColumns()) {
      header.add(c + SweepTable.MEAN);
      header.add(c + SweepTable.SD);
    }
    header.add(SweepTable.SEEDS_COMPLETE);
    return header;
  }

  /**
   * The text of {@value #AGGREGATED_CSV}.
   *
   * @param table the table
   * @return the CSV, ending with a newline
   */
  public static String aggregatedCsv(SweepTable table) {
    StringBuilder sb = new StringBuilder();
    line(sb, aggregatedHeader(table));
    for (SweepTable.Group g : table.groups()) {
      List<String> fields = new ArrayList<>(g.keys());
      for (String c : table.numberColumns()) {
        Summary s = g.stats().get(c);
        fields.add(s == null ? "" : number(s.mean()));
        fields.add(s == null ? "" : number(s.sd()));
      }
      fields.add(Integer.toString(g.complete()));
      line(sb, fields);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(MetricsCsv.quote(fields.get(i)));
    }
    sb.append('\n');
  }

  /** A number as the CSV files write it; empty for none. */
  private static String number(Double v) {
    return v == null ? "" : Double.toString(v);
  }

  /**
   * The tree of {@value #JSON}.
   *
   * @param table the table
   * @return ordered maps, lists and scalars
   */
  public static Map<String, Object> json(SweepTable table) {
    Sweep sweep = table.sweep();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("experiment", table.experiment());
    List<Object> axes = new ArrayList<>();
    for (SweepAxis a : sweep.axes()) {
      Map<String, Object> axis = new LinkedHashMap<>();
      List<String> paths = a.paths().stream().map(KeyPath::toString).toList();
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        values.add(a.isZip() ? a.values(i) : a.values(i).get(0));
      }
      axis.put(a.isZip() ? "zip" : "path", a.isZip() ? paths : paths.get(0));
      axis.put("values", values);
      axes.add(axis);
    }
    root.put("axes", axes);
    root.put("seeds", sweep.seeds());
    root.put("columns", table.header());
    int complete = table.complete();
    root.put("cells", table.rows().size());
    root.put("complete", complete);
    root.put("failed", table.rows().size() - complete);
    root.put("reused", table.reused());
    List<Object> rows = new ArrayList<>(table.rows().size());
    for (SweepTable.Row r : table.rows()) {
      CellOutcome o = r.outcome();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put(SweepTable.CELL, o.cell().name());
      if (table.has(SweepTable.VARIANT)) {
        row.put(SweepTable.VARIANT, o.cell().variant());
      }
      for (String path : sweep.columns()) {
        row.put(path, o.cell().values().get(path));
      }
      if (table.has(SweepTable.SEED)) {
        row.put(SweepTable.SEED, o.cell().seed());
      }
      row.put(SweepTable.STATUS, o.status());
      for (String c : table.numberColumns()) {
        row.put(c, r.numbers().get(c));
      }
      row.put("hash", o.cell().hash());
      row.put("directory", table.directory(o));
      row.put("reused", o.reused());
      if (o.failed()) {
        row.put("error", o.error());
      }
      row.put("config", o.cell().config().resolved());
      rows.add(row);
    }
    root.put("rows", rows);
    return root;
  }
}
