package org.sparsecode.experiments.run;

import java.io.PrintWriter;

/**
 * One line of a terminal redrawn in place with a carriage return (a progress bar), padded so that a shorter
 * line hides a longer one, and cleared before other text is printed. Not thread-safe: its owner serialises
 * the calls.
 */
public final class StatusLine {
  private final PrintWriter out;
  private int drawnWidth;

  /**
   * Creates the line.
   *
   * @param out the terminal
   */
  public StatusLine(PrintWriter out) {
    this.out = out;
  }

  /**
   * Draws the line over the one drawn before.
   *
   * @param line the text, without newline
   */
  public void draw(String line) {
    out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
    out.flush();
    drawnWidth = line.length();
  }

  /** Blanks the drawn line and returns to its start, so that a printed line does not mix with it. */
  public void clear() {
    if (drawnWidth > 0) {
      out.print("\r" + " ".repeat(drawnWidth) + "\r");
      drawnWidth = 0;
    }
  }

  /**
   * A bar of {@code width} characters, {@code #} for the done part: {@code [#####...............]}.
   *
   * @param done the work done
   * @param total all the work
   * @param width the characters between the brackets
   * @return the bar
   */
  public static String bar(long done, long total, int width) {
    int filled = total <= 0 ? 0 : (int) (done * width / total);
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
