package org.sparsecode.experiments.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of coding one image.
 *
 * @param id the image's id (file name without extension, or the embedded image's name)
 * @param metrics metric name to value, in column order: {@code psnr}, {@code sparseness}, {@code objective},
 *     then every other listed metric; copied, unmodifiable
 * @param curves curve metric name (e.g. {@code resilience}) to point key (e.g. a cutoff) to quantity name
 *     (e.g. {@code psnr}) to value, in configured order; copied, unmodifiable; empty when none is listed
 * @param iterations iterations the solver ran ({@code CodingResult.iterations()})
 * @param seconds wall time of the solve alone, without loading, preprocessing or metrics
 */
public record ImageResult(String id, Map<String, Double> metrics, Map<String, Map<String, Map<String, Double>>> curves,
    int iterations, double seconds) {

  /** Validates and copies, keeping the column order. */
  public ImageResult {
    Objects.requireNonNull(id, "id");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    Map<String, Map<String, Map<String, Double>>> copy = new LinkedHashMap<>();
    curves.forEach((name, curve) -> {
      Map<String, Map<String, Double>> c = new LinkedHashMap<>();
      curve.forEach((key, point) -> c.put(key, Collections.unmodifiableMap(new LinkedHashMap<>(point))));
      copy.put(name, Collections.unmodifiableMap(c));
    });
    curves = Collections.unmodifiableMap(copy);
  }

  /**
   * A result without curve metrics.
   *
   * @param id the image's id
   * @param metrics metric name to value
   * @param iterations iterations the solver ran
   * @param seconds wall time of the solve
   */
  public ImageResult(String id, Map<String, Double> metrics, int iterations, double seconds) {
    this(id, metrics, Map.of(), iterations, seconds);
  }

  /**
   * The name of the flat column of one curve point's quantity: {@code <curve>_<point>_<quantity>}, e.g.
   * {@code resilience_0.001_psnr}.
   *
   * @param curve the curve metric's name
   * @param point the point key
   * @param quantity the quantity name
   * @return the column name
   */
  public static String curveColumn(String curve, String point, String quantity) {
    return curve + "_" + point + "_" + quantity;
  }

  /**
   * Every value as a flat column: the metrics, then each curve's points as {@link #curveColumn} columns.
   *
   * @return an unmodifiable insertion-ordered map
   */
  public Map<String, Double> columns() {
    Map<String, Double> all = new LinkedHashMap<>(metrics);
    curves.forEach((name, curve) -> curve.forEach((key, point) -> point.forEach((q, v) ->
        all.put(curveColumn(name, key, q), v))));
    return Collections.unmodifiableMap(all);
  }

  /**
   * One metric's value, or one curve point's quantity by its {@link #curveColumn} name.
   *
   * @param name the metric or column name
   * @return its value, NaN when absent
   */
  public double metric(String name) {
    Double v = metrics.get(name);
    if (v == null && !curves.isEmpty()) {
      v = columns().get(name);
    }
    return v == null ? Double.NaN : v;
  }
}
