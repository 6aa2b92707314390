package org.sparsecode.experiments.run;

import org.sparsecode.api.solver.IterationStats;
import org.sparsecode.experiments.results.ImageResult;

/**
 * Receives a run's progress. Called from the thread that runs the experiment, in order.
 */
public interface ProgressReporter {

  /** A reporter that ignores everything. */
  ProgressReporter NONE = new ProgressReporter() { };

  /**
   * A line of information (a variant starting, a run already complete).
   *
   * @param line the text, without a trailing newline
   */
  default void info(String line) { }

  /**
   * A learning step finished.
   *
   * @param step the step, from 0
   * @param total the number of steps planned
   * @param objective the step's objective
   */
  default void learningStep(int step, int total, double objective) { }

  /**
   * A solver iteration finished.
   *
   * @param index the image's index, from 0
   * @param total the number of images
   * @param id the image's id
   * @param stats the iteration's statistics
   */
  default void iteration(int index, int total, String id, IterationStats stats) { }

  /**
   * An image is coded and measured.
   *
   * @param index the image's index, from 0
   * @param total the number of images
   * @param result its result
   */
  default void imageDone(int index, int total, ImageResult result) { }

  /**
   * The one-line summary of a coded image: {@code [3/9] coffee: psnr 27.4 dB, sparseness 0.993, 100 its,
   * 1.9 s}.
   *
   * @param index the image's index, from 0
   * @param total the number of images
   * @param r its result
   * @return the line
   */
  static String describe(int index, int total, ImageResult r) {
    return String.format(java.util.Locale.ROOT, "[%d/%d] %s: psnr %.1f dB, sparseness %.3f, %d its, %.1f s",
        index + 1, total, r.id(), r.metric("psnr"), r.metric("sparseness"), r.iterations(), r.seconds());
  }

  /**
   * A duration as progress lines show it (an elapsed time, an ETA): {@code 2h 05m}, {@code 3m 07s}, {@code 12s}.
   *
   * @param seconds the duration
   * @return the text
   */
  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }
    if (s >= 60) {
      return String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
