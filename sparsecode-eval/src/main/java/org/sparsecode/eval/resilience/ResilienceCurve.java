package org.sparsecode.eval.resilience;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PSNR and sparseness of one image's code after thresholding at each cutoff, in the order the cutoffs were
 * given.
 *
 * @param form how the cutoffs were applied
 * @param points one point per cutoff (an unmodifiable copy is kept)
 */
public record ResilienceCurve(Form form, List<ResiliencePoint> points) {

  /** How a cutoff c becomes a threshold. */
  public enum Form {
    /** zero {@code |x| < c}. */
    ABSOLUTE,
    /** zero {@code |x| < max|x| / c}, the paper's downstream "ceil" form. */
    CEIL
  }

  /**
   * Copies the points.
   *
   * @throws NullPointerException if an argument is null
   */
  public ResilienceCurve {
    Objects.requireNonNull(form, "form");
    points = List.copyOf(points);
  }

  /**
   * The points keyed by {@link Double#toString(double)} of their cutoff (the results.json key), in order.
   *
   * @return an unmodifiable insertion-ordered map
   */
  public Map<String, ResiliencePoint> byCutoff() {
    Map<String, ResiliencePoint> map = new LinkedHashMap<>();
    for (ResiliencePoint p : points) {
      map.put(Double.toString(p.cutoff()), p);
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The PSNR at each cutoff, keyed as {@link #byCutoff()}.
   *
   * @return an unmodifiable insertion-ordered map
   */
  public Map<String, Double> psnr() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (ResiliencePoint p : points) {
      map.put(Double.toString(p.cutoff()), p.psnr());
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * The sparseness at each cutoff, keyed as {@link #byCutoff()}.
   *
   * @return an unmodifiable insertion-ordered map
   */
  public Map<String, Double> sparseness() {
    Map<String, Double> map = new LinkedHashMap<>();
    for (ResiliencePoint p : points) {
      map.put(Double.toString(p.cutoff()), p.sparseness());
    }
    return Collections.unmodifiableMap(map);
  }
}
