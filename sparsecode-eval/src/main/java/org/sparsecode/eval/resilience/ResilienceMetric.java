package org.sparsecode.eval.resilience;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sparsecode.api.metric.CurveMetric;
import org.sparsecode.api.metric.Evaluation;

/**
 * The resilience curve as a metric: for each cutoff, PSNR (dB) and sparseness of the code thresholded at it
 * ({@link Resilience}). The curve's keys are the cutoffs (or divisors) as {@link Double#toString(double)}
 * writes them; each point holds {@code psnr} and {@code sparseness}. The scalar {@link #evaluate} is the PSNR
 * at the harshest point (largest absolute cutoff, smallest ceil divisor).
 */
public final class ResilienceMetric implements CurveMetric {
  private final ResilienceSettings settings;

  /**
   * Creates the metric.
   *
   * @param settings the cutoffs and form
   */
  public ResilienceMetric(ResilienceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The settings.
   *
   * @return the settings
   */
  public ResilienceSettings settings() {
    return settings;
  }

  /**
   * The full curve of one evaluation.
   *
   * @param e the evaluation
   * @return the curve, in the configured order
   */
  public ResilienceCurve resilience(Evaluation e) {
    return ResilienceSettings.CEIL.equals(settings.form())
        ? Resilience.ceil(e.code(), e.dictionary(), e.image(), settings.divisors())
        : Resilience.absolute(e.code(), e.dictionary(), e.image(), settings.cutoffList());
  }

  @Override
  public Map<String, Map<String, Double>> curve(Evaluation e) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    resilience(e).byCutoff().forEach((key, p) -> {
      Map<String, Double> point = new LinkedHashMap<>();
      point.put("psnr", p.psnr());
      point.put("sparseness", p.sparseness());
      out.put(key, Collections.unmodifiableMap(point));
    });
    return Collections.unmodifiableMap(out);
  }

  @Override
  public double evaluate(Evaluation e) {
    List<ResiliencePoint> points = resilience(e).points();
    ResiliencePoint harshest = points.get(0);
    for (ResiliencePoint p : points) {
      if (p.threshold() > harshest.threshold()) {
        harshest = p;
      }
    }
    return harshest.psnr();
  }
}
