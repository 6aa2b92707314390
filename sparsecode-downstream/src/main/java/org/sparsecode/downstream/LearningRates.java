package org.sparsecode.downstream;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/**
 * The learning rate of every step, as a DL4J schedule over iterations (saved with the network, so a resumed
 * training continues on the same curve).
 */
public final class LearningRates {
  /** OneCycleLR's default share of the steps spent rising. */
  static final double PCT_START = 0.3;
  /** OneCycleLR's default ratio of the peak to the first rate. */
  static final double DIV_FACTOR = 25;
  /** OneCycleLR's default ratio of the first to the last rate. */
  static final double FINAL_DIV_FACTOR = 1e4;

  private LearningRates() {}

  /**
   * The rate at one step.
   *
   * @param schedule {@code one-cycle}, {@code cosine} or {@code constant}
   * @param peak the peak (the only, for {@code constant}) rate
   * @param step the step, from 0
   * @param steps the steps in all
   * @return the rate
   */
  public static double at(String schedule, double peak, int step, int steps) {
    return switch (schedule) {
      case "constant" -> peak;
      // from the peak down to 0 over the steps
      case "cosine" -> peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, steps) / steps));
      case "one-cycle" -> oneCycle(peak, step, steps);
      default -> throw new IllegalArgumentException("schedule " + schedule);
    };
  }

  /**
   * PyTorch's OneCycleLR with its defaults (cosine annealing, pct_start 0.3, div_factor 25, final_div_factor
   * 1e4): from peak/25 up to the peak by step 0.3·steps − 1, then down to peak/25/1e4 at the last step.
   */
  static double oneCycle(double peak, int step, int steps) {
    double initial = peak / DIV_FACTOR;
    double last = initial / FINAL_DIV_FACTOR;
    double end1 = PCT_START * steps - 1;
    double end2 = steps - 1;
    if (step <= end1) {
      return anneal(initial, peak, end1 <= 0 ? 1 : step / end1);
    }
    return anneal(peak, last, end2 - end1 <= 0 ? 1 : Math.min(1, (step - end1) / (end2 - end1)));
  }

  private static double anneal(double start, double end, double pct) {
    return end + (start - end) / 2 * (Math.cos(Math.PI * pct) + 1);
  }

  /**
   * The schedule of a whole training.
   *
   * @param schedule {@code one-cycle}, {@code cosine} or {@code constant}
   * @param peak the peak rate
   * @param steps the steps in all (epochs × batches per epoch)
   * @return the rate of every step
   */
  public static ISchedule of(String schedule, double peak, int steps) {
    Map<Integer, Double> values = new HashMap<>();
    for (int i = 0; i < steps; i++) {
      values.put(i, at(schedule, peak, i, steps));
    }
    return new MapSchedule(ScheduleType.ITERATION, values);
  }
}
