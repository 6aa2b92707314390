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
 * @param iterations iterations the solver ran ({@code CodingResult.iterations()})
 * @param seconds wall time of the solve alone, without loading, preprocessing or metrics
 */
public record ImageResult(String id, Map<String, Double> metrics, int iterations, double seconds) {

  /** Validates and copies, keeping the column order. */
  public ImageResult {
    Objects.requireNonNull(id, "id");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * One metric's value.
   *
   * @param name the metric name
   * @return its value, NaN when absent
   */
  public double metric(String name) {
    Double v = metrics.get(name);
    return v == null ? Double.NaN : v;
  }
}
