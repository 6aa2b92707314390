package org.sparsecode.experiments.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.experiments.results.ImageResult;

/**
 * Progress for an interactive terminal: one status line (image i/N, iteration, objective) redrawn in place
 * with a carriage return at most ten times a second, replaced by the image's summary line when it is done.
 */
public final class TerminalProgress implements ProgressReporter {
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter out;
  private final StatusLine status;
  private long lastDraw;

  /**
   * Creates the reporter.
   *
   * @param out the terminal (standard error for the CLI)
   */
  public TerminalProgress(PrintWriter out) {
    this.out = out;
    this.status = new StatusLine(out);
  }

  @Override
  public void info(String line) {
    clear();
    out.println(line);
    out.flush();
  }

  @Override
  public void learningStep(int step, int total, double objective) {
    draw(String.format(Locale.ROOT, "learning %s step %d/%d  objective %.6g", bar(step + 1, total), step + 1,
        total, objective), step + 1 == total);
  }

  @Override
  public void iteration(int index, int total, String id, IterationStats stats) {
    draw(String.format(Locale.ROOT, "%s [%d/%d] %s  iteration %d  objective %.6g", bar(index, total), index + 1,
        total, id, stats.iteration() + 1, stats.objective()), false);
  }

  @Override
  public void imageDone(int index, int total, ImageResult result) {
    clear();
    out.println(ProgressReporter.describe(index, total, result));
    out.flush();
  }

  private static String bar(int done, int total) {
    return StatusLine.bar(done, total, 20);
  }

  private void draw(String line, boolean force) {
    long now = System.nanoTime();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    status.draw(line);
  }

  private void clear() {
    status.clear();
  }
}
