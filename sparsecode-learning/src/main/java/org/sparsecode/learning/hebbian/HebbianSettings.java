package org.sparsecode.learning.hebbian;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.Setting;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Settings of the {@code hebbian} learner ({@link Hebbian}). Every component may be null (YAML key left out) and
 * then takes its default.
 *
 * @param steps the number of learning steps (one image coded and one update each), at least 1; default
 *     {@value #DEFAULT_STEPS}
 * @param learningRate the step lr of {@code d_k ← d_k + lr · ⟨x_k, residual⟩}, {@code > 0}; default
 *     {@value #DEFAULT_LEARNING_RATE}
 * @param solver the solver block that codes each image, with its {@code type} and settings, e.g.
 *     {@code {type: lca, lambda: 0.01}}, a {@link PluginBlock}: the loader checks its keys when the file is read,
 *     the plugin again when it creates the learner; default (null):
 *     {@code lca} with its defaults when that plugin is on the class path, else {@code cbpdn-admm} with its
 *     defaults
 * @param imageOrder {@code random} (each step draws an image uniformly with replacement from a generator seeded
 *     by the run's seed) or {@code sequential} (the source's order, cycling); default {@code random}
 */
public record HebbianSettings(Integer steps, Double learningRate,
    @PluginBlock(SparseSolver.class) @Setting(form = "a solver block {type: NAME, ...}")
    Map<String, Object> solver,
    @Setting(oneOf = {"random", "sequential"}) String imageOrder) {

  /** Default number of steps. */
  public static final int DEFAULT_STEPS = 100;
  /** Default learning rate. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** Default image order. */
  public static final String DEFAULT_IMAGE_ORDER = "random";
  /** The accepted values of {@code imageOrder}. */
  public static final List<String> IMAGE_ORDERS = List.of("random", "sequential");
  /** The most steps: a typo such as 1e12 is caught at load time. */
  public static final int MAX_STEPS = 1_000_000;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an invalid value
   */
  public HebbianSettings {
    steps = Checks.atLeast("steps", steps != null ? steps : DEFAULT_STEPS, 1);
    if (steps > MAX_STEPS) {
      throw new ConfigException("steps", "must be in [1, " + MAX_STEPS + "], got " + steps);
    }
    learningRate = Checks.positive("learningRate", learningRate != null ? learningRate : DEFAULT_LEARNING_RATE);
    if (solver != null) {
      Object type = solver.get("type");
      if (!(type instanceof String t) || t.isBlank()) {
        throw new ConfigException("solver.type", "is required in the solver block (e.g. lca, cbpdn-admm), got "
            + type);
      }
      solver = Collections.unmodifiableMap(new LinkedHashMap<>(solver));
    }
    imageOrder = imageOrder != null ? imageOrder : DEFAULT_IMAGE_ORDER;
    if (!IMAGE_ORDERS.contains(imageOrder)) {
      throw new ConfigException("imageOrder", "must be one of " + IMAGE_ORDERS + ", got '" + imageOrder + "'");
    }
  }

  /**
   * Every default.
   *
   * @return the default settings
   */
  public static HebbianSettings defaults() {
    return new HebbianSettings(null, null, null, null);
  }
}
