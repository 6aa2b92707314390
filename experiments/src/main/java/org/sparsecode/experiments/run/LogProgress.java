package org.sparsecode.experiments.run;

import java.io.PrintWriter;
import java.util.Locale;
import org.sparsecode.experiments.results.ImageResult;

/** Plain progress for logs and pipes: one line per image and per information, nothing redrawn. */
public final class LogProgress implements ProgressReporter {
  private final PrintWriter out;

  /**
   * Creates the reporter.
   *
   * @param out where lines go (standard error for the CLI)
   */
  public LogProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void info(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public void learningStep(int step, int total, double objective) {
    // every tenth step and the last, so that 1000 steps do not flood a log
    if ((step + 1) % 10 == 0 || step + 1 == total) {
      out.println(String.format(Locale.ROOT, "learning step %d/%d: objective %.6g", step + 1, total, objective));
      out.flush();
    }
  }

  @Override
  public void imageDone(int index, int total, ImageResult result) {
    out.println(ProgressReporter.describe(index, total, result));
    out.flush();
  }
}
