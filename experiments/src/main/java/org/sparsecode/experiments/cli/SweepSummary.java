package org.sparsecode.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.sparsecode.experiments.config.ExperimentPlan;
import org.sparsecode.experiments.report.RunReport;
import org.sparsecode.experiments.results.Summary;
import org.sparsecode.experiments.sweep.CellOutcome;
import org.sparsecode.experiments.sweep.SweepRunner;

/** What {@code run} prints at the end of a sweep: a short table of the cells, the failures, the files. */
final class SweepSummary {
  /** Rows printed before the table says how many more {@code sweep.csv} holds. */
  private static final int MAX_ROWS = 40;

  private SweepSummary() {}

  /**
   * Prints the summary.
   *
   * @param plan the sweep's plan
   * @param o what the sweep did
   * @param out standard output
   * @return the exit status: 0, or {@link SparsecodeCli#CELLS_FAILED} when a cell failed
   */
  static int print(ExperimentPlan plan, SweepRunner.Outcome o, PrintWriter out) {
    List<CellOutcome> cells = o.outcomes();
    boolean variants = cells.stream().anyMatch(c -> c.cell().variant() != null);
    boolean seeds = cells.stream().anyMatch(c -> c.cell().seed() != null);
    out.println("| cell" + (variants ? " | variant" : "") + (seeds ? " | seed" : "")
        + " | status | PSNR (dB) | sparseness | seconds |");
    out.println("|---" + (variants ? "|---" : "") + (seeds ? "|---" : "") + "|---|---:|---:|---:|");
    for (int i = 0; i < Math.min(MAX_ROWS, cells.size()); i++) {
      CellOutcome c = cells.get(i);
      out.println("| " + c.cell().name() + (variants ? " | " + c.cell().variant() : "")
          + (seeds ? " | " + c.cell().seed() : "") + " | " + c.status() + (c.reused() ? " (reused)" : "") + " | "
          + mean(c, "psnr", "%.2f") + " | " + mean(c, "sparseness", "%.4f") + " | "
          + String.format(Locale.ROOT, "%.1f", c.seconds()) + " |");
    }
    if (cells.size() > MAX_ROWS) {
      out.println("... and " + (cells.size() - MAX_ROWS) + " more cells in sweep.csv");
    }
    List<CellOutcome> failed = o.failures();
    long reused = o.reused();
    out.println(cells.size() + " cell" + (cells.size() == 1 ? "" : "s") + ": " + (cells.size() - failed.size())
        + " complete" + (reused > 0 ? " (" + reused + " found complete and reused)" : "") + ", " + failed.size()
        + " failed" + (reused == cells.size() ? "; nothing to run" : "; cells ran " + o.parallel() + " at a time with "
        + o.threadsPerCell() + " thread" + (o.threadsPerCell() == 1 ? "" : "s") + " each, "
        + String.format(Locale.ROOT, "%.1f", o.seconds()) + " s"));
    for (CellOutcome c : failed) {
      out.println("failed: cell " + c.cell().label() + " (" + o.directory().relativize(c.directory()) + "): "
          + c.error());
    }
    out.println("results: " + o.directory());
    if (Files.isRegularFile(o.directory().resolve(RunReport.FILE))) {
      out.println("report:  " + o.directory().resolve(RunReport.FILE)
          + "  (open it in a browser: tables, plots, configuration)");
    }
    if (!failed.isEmpty()) {
      out.println("rerun the same command to retry the failed cells (the complete ones are reused)");
    }
    out.flush();
    return failed.isEmpty() ? 0 : SparsecodeCli.CELLS_FAILED;
  }

  private static String mean(CellOutcome c, String metric, String format) {
    if (c.result() == null) {
      return "";
    }
    Summary s = c.result().summary().get(metric);
    return s == null ? "" : String.format(Locale.ROOT, format, s.mean());
  }
}
