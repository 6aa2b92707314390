package org.sparsecode.experiments.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.config.Sweep;
import org.sparsecode.experiments.config.SweepAxis;
import org.sparsecode.experiments.report.Figures;
import org.sparsecode.experiments.report.Format;
import org.sparsecode.experiments.report.Html;
import org.sparsecode.experiments.report.RunReport;
import org.sparsecode.experiments.report.Table;
import org.sparsecode.experiments.results.RunDirectory;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.run.ProgressReporter;

/**
 * The page of a sweep, {@code DIR/report.html}, and its plots ({@link SweepPlots}): the counts (cells,
 * complete, failed, reused), the failed cells with their errors, the table of {@code sweep.csv} (each cell's
 * name links to its own report, {@code cells/<hash>/report.html}), with seeds the table over seeds, the plots,
 * the sections the caller adds, and the axes. The page is self-contained like every report (the plots are
 * embedded), and its size is linear in the cells: a table of more than {@value #COMPACT_ROWS} rows is set
 * compact, and the plots are a bounded number of sweep-level figures, never one per cell or pair of cells.
 */
public final class SweepReport {
  /** The page's file name. */
  public static final String FILE = RunReport.FILE;
  /** Tables longer than this are set in the compact style. */
  public static final int COMPACT_ROWS = 60;

  private SweepReport() {}

  /**
   * A section the caller adds to the page (after the plots), such as a comparison at matched PSNR.
   *
   * @param title the section's heading (escaped here)
   * @param html its body, already HTML (not escaped)
   */
  public record Section(String title, String html) {
    /** Validates. */
    public Section {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(html, "html");
    }
  }

  /**
   * Draws the plots and writes {@code DIR/report.html} atomically; never throws: a failure is a warning
   * through the reporter.
   *
   * @param root the sweep's directory
   * @param plan the plan
   * @param sweep the plan's sweep
   * @param outcomes what became of each cell, in the sweep's cell order
   * @param extra sections to add after the plots, possibly empty
   * @param progress where warnings go
   */
  public static void write(RunDirectory root, ExperimentPlan plan, Sweep sweep, List<CellOutcome> outcomes,
      List<Section> extra, ProgressReporter progress) {
    SweepTable table;
    try {
      table = SweepTable.of(root.root(), plan, sweep, outcomes);
    } catch (RuntimeException e) {
      progress.info("warning: could not write " + root.file(FILE) + " (the sweep goes on without it): " + e);
      return;
    }
    write(root, table, extra, progress);
  }

  /**
   * Draws the plots and writes {@code DIR/report.html} from a table already built (the one {@link
   * SweepTables#write} returns); never throws: a failure is a warning through the reporter.
   *
   * @param root the sweep's directory
   * @param table the sweep's table
   * @param extra sections to add after the plots, possibly empty
   * @param progress where warnings go
   */
  public static void write(RunDirectory root, SweepTable table, List<Section> extra, ProgressReporter progress) {
    try {
      List<SweepPlots.Plot> plots = SweepPlots.draw(root, table, progress);
      root.writeString(FILE, render(root, table, plots, extra == null ? List.of() : extra));
    } catch (RuntimeException | LinkageError e) {
      progress.info("warning: could not write " + root.file(FILE) + " (the sweep goes on without it): " + e);
    }
  }

  /** The page. */
  static String render(RunDirectory root, SweepTable table, List<SweepPlots.Plot> plots, List<Section> extra) {
    List<String[]> nav = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    int cells = table.rows().size();
    int complete = table.complete();
    Table counts = Table.keyValue().row("cells", Integer.toString(cells)).row("complete", Integer.toString(complete))
        .row("failed", Integer.toString(cells - complete)).row("reused (found complete, not run again)",
            Integer.toString(table.reused()));
    RunReport.section(body, nav, "overview", "Overview", counts.html());
    if (complete < cells) {
      RunReport.section(body, nav, "failed", "Failed cells", failed(table));
    }
    if (table.sweep().seeds() > 0) {
      RunReport.section(body, nav, "over-seeds", "Over seeds", "<p class=\"note\">Mean ± sd over the complete"
          + " seeds of each cell, as in " + Html.element("code", SweepTables.AGGREGATED_CSV) + ".</p>\n"
          + aggregated(table));
    }
    RunReport.section(body, nav, "table", "Table", "<p class=\"note\">Every cell" + (table.sweep().seeds() > 0
        ? " and seed" : "") + ", as in " + Html.element("code", SweepTables.CSV) + " (numbers rounded here); a cell's"
        + " name links to its own report.</p>\n" + cellTable(table));
    StringBuilder figures = new StringBuilder();
    for (SweepPlots.Plot p : plots) {
      if (p.file() != null) {
        figures.append(Figures.embed(root.file(p.file()), p.caption()));
      }
      if (p.note() != null) {
        figures.append("<p class=\"note\">").append(Html.escape(p.note())).append("</p>\n");
      }
    }
    if (figures.length() > 0) {
      RunReport.section(body, nav, "plots", "Plots", figures.toString());
    }
    for (Section s : extra) {
      RunReport.section(body, nav, "extra-" + Html.id(s.title()), s.title(), s.html());
    }
    RunReport.section(body, nav, "axes", "Axes", axes(table.sweep()));
    String subtitle = "Sweep of " + cells + " cell" + (cells == 1 ? "" : "s") + ": " + complete + " complete, "
        + (cells - complete) + " failed, " + table.reused() + " reused";
    return Html.page(table.experiment(), subtitle, nav, body.toString(), RunReport.footer());
  }

  private static String failed(SweepTable table) {
    Table t = new Table(Integer.MAX_VALUE, List.of("cell", "variant", "seed", "directory", "error"));
    for (SweepTable.Row r : table.rows()) {
      if (!r.complete()) {
        CellOutcome o = r.outcome();
        t.row(o.cell().name(), o.cell().variant() == null ? "" : o.cell().variant(),
            o.cell().seed() == null ? "" : o.cell().seed().toString(), table.directory(o), o.error());
      }
    }
    return t.html();
  }

  private static String cellTable(SweepTable table) {
    List<String> header = table.header();
    int firstNumber = table.keyColumns().size() + 1;
    Table t = new Table(firstNumber, header).link(0);
    if (table.rows().size() > COMPACT_ROWS) {
      t.compact();
    }
    for (SweepTable.Row r : table.rows()) {
      List<String> cells = new ArrayList<>(r.keys());
      cells.add(r.outcome().status());
      for (String c : table.numberColumns()) {
        cells.add(r.numbers().containsKey(c) ? Format.metric(base(c), r.number(c)) : "");
      }
      t.row(cells, r.complete() ? table.directory(r.outcome()) + "/" + FILE : null);
    }
    return t.html();
  }

  private static String aggregated(SweepTable table) {
    List<String> header = new ArrayList<>(table.groupColumns());
    header.addAll(table.numberColumns());
    header.add(SweepTable.SEEDS_COMPLETE);
    Table t = new Table(table.groupColumns().size(), header);
    List<SweepTable.Group> groups = table.groups();
    if (groups.size() > COMPACT_ROWS) {
      t.compact();
    }
    for (SweepTable.Group g : groups) {
      List<String> cells = new ArrayList<>(g.keys());
      for (String c : table.numberColumns()) {
        Summary s = g.stats().get(c);
        cells.add(s == null ? "" : Format.meanSd(base(c), s.mean(), s.sd()));
      }
      cells.add(Integer.toString(g.complete()));
      t.row(cells);
    }
    return t.html();
  }

  /** The metric a column's numbers are formatted after: the column without its statistic's suffix. */
  private static String base(String column) {
    return column.replaceFirst("(" + SweepTable.MEDIAN + "|" + SweepTable.MEAN + ")$", "");
  }

  private static String axes(Sweep sweep) {
    Table t = new Table(Integer.MAX_VALUE, List.of("axis", "values", "written at"));
    for (SweepAxis a : sweep.axes()) {
      String text = a.toString();
      int open = text.indexOf(" (");
      t.row(text.substring(0, open), text.substring(open + 2, text.length() - 1), a.where());
    }
    String seeds = sweep.seeds() > 0 ? "<p>seeds: " + sweep.seeds() + " replicates of each cell (the experiment's"
        + " seed, seed + 1, …)</p>\n" : "";
    return (t.isEmpty() ? "<p class=\"note\">No axis: the cells are the seeds' replicates.</p>\n" : t.html()) + seeds;
  }
}
