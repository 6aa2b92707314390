package org.sparsecode.experiments.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import org.sparsecode.experiments.run.StatusLine;

/**
 * The progress of a sweep's cells: on a terminal one bar (cells done / to run, and the time left) redrawn in
 * place, a line per failed cell; in a log or a pipe a line per finished cell. Called from the cells' threads,
 * so every method is synchronized.
 */
public class SweepProgress {
  /** Progress that shows nothing. */
  public static final SweepProgress NONE = new SweepProgress(null, false);

  private final PrintWriter out;
  private final boolean terminal;
  private int toRun;
  private int done;
  private long started;
  private final StatusLine status;
  /** The cells in flight and how far each got, for the bar: {@code name -> "3/9 images"}. */
  private final java.util.Map<String, String> running = new java.util.LinkedHashMap<>();

  /**
   * Creates the progress.
   *
   * @param out where it goes (standard error for the CLI), or {@code null} for nowhere
   * @param terminal whether {@code out} is an interactive terminal (a bar redrawn in place)
   */
  public SweepProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    this.status = out == null ? null : new StatusLine(out);
  }

  /**
   * The cells start.
   *
   * @param cells how many cells will run now (not those found complete)
   */
  public synchronized void start(int cells) {
    toRun = cells;
    done = 0;
    started = System.nanoTime();
    draw();
  }

  /**
   * A line of information, above the bar.
   *
   * @param line the text
   */
  public synchronized void info(String line) {
    if (out == null) {
      return;
    }
    clear();
    out.println(line);
    draw();
  }

  /**
   * A cell coded one more image (shown on the bar while the cell runs).
   *
   * @param cell the cell's name
   * @param coded images coded so far
   * @param total images to code
   */
  public synchronized void imageDone(String cell, int coded, int total) {
    running.put(cell, coded + "/" + total + " images");
    if (terminal) {
      draw();
    }
  }

  /**
   * A cell finished (complete or failed).
   *
   * @param outcome what became of it
   */
  public synchronized void cellDone(CellOutcome outcome) {
    done++;
    running.remove(outcome.cell().name());
    if (out == null) {
      return;
    }
    clear();
    if (!terminal || outcome.failed()) {
      out.println(line(outcome));
    }
    draw();
  }

  /** The line of a finished cell: {@code [3/12] cell solver.lambda=0.01: psnr 31.2 dB, sparseness 0.981, 4.1 s}. */
  String line(CellOutcome o) {
    String head = "[" + done + "/" + toRun + "] cell " + o.cell().label();
    if (o.failed()) {
      return head + " FAILED after " + seconds(o.seconds()) + ": " + o.error();
    }
    var s = o.result().summary();
    String psnr = s.containsKey("psnr") ? String.format(Locale.ROOT, "psnr %.2f dB, ", s.get("psnr").mean()) : "";
    String sparse = s.containsKey("sparseness")
        ? String.format(Locale.ROOT, "sparseness %.4f, ", s.get("sparseness").mean()) : "";
    return head + ": " + psnr + sparse + seconds(o.seconds()) + eta();
  }

  private String eta() {
    if (done == 0 || done >= toRun) {
      return "";
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    return ", about " + seconds(elapsed / done * (toRun - done)) + " left";
  }

  private void draw() {
    if (out == null) {
      return;
    }
    if (!terminal || toRun == 0) {
      out.flush();
      return;
    }
    StringBuilder line = new StringBuilder(StatusLine.bar(done, toRun, 24) + " " + done + "/" + toRun + " cells"
        + eta());
    running.entrySet().stream().limit(2).forEach(e -> line.append(" | ").append(shorten(e.getKey())).append(' ')
        .append(e.getValue()));
    status.draw(line.toString());
  }

  private void clear() {
    if (status != null) {
      status.clear();
    }
  }

  /** A cell's name cut to 40 characters for the bar. */
  private static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 39) + "…";
  }

  /**
   * Seconds as people read them: {@code 4.1 s}, {@code 3 min 20 s}, {@code 2 h 05 min}.
   *
   * @param s seconds
   * @return the text
   */
  public static String seconds(double s) {
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1f s", s);
    }
    long whole = Math.round(s);
    if (whole < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, whole % 3600 / 60);
  }
}
