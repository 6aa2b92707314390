package org.sparsecode.gpu;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;
import org.sparsecode.core.solver.lca.LcaSettings;

/**
 * Settings of the {@code nd4j-lca} solver: the keys of {@code lca} ({@link LcaSettings}, the same defaults and
 * checks) and two of the device's.
 *
 * @param lambda as {@link LcaSettings#lambda()}
 * @param tau as {@link LcaSettings#tau()}
 * @param maxIterations as {@link LcaSettings#maxIterations()}
 * @param relStopTol as {@link LcaSettings#relStopTol()}
 * @param threshold as {@link LcaSettings#threshold()}
 * @param nonNegative as {@link LcaSettings#nonNegative()}
 * @param batch images coded at once, in {@code [1, 4096]}; default 8
 * @param dtype the device's arithmetic: {@code float32} (default), {@code float64}, or on the CUDA backend
 *     {@code float16} or {@code bfloat16}
 */
public record Nd4jLcaSettings(Double lambda, Double tau, Integer maxIterations, Double relStopTol,
    @Setting(oneOf = {"soft", "hard"}) String threshold, Boolean nonNegative, Integer batch,
    @Setting(oneOf = {"float32", "float64", "float16", "bfloat16"}) String dtype) {

  /**
   * Fills defaults and validates, as {@link LcaSettings} does for its keys.
   *
   * @throws ConfigException naming the key of an out-of-range value
   */
  public Nd4jLcaSettings {
    LcaSettings c = new LcaSettings(lambda, tau, maxIterations, relStopTol, threshold, nonNegative);
    lambda = c.lambda();
    tau = c.tau();
    maxIterations = c.maxIterations();
    relStopTol = c.relStopTol();
    threshold = c.threshold();
    nonNegative = c.nonNegative();
    batch = Nd4jSettings.batch(batch);
    dtype = Nd4jSettings.dtype(dtype);
  }

  /**
   * The defaults: those of {@code lca}, batches of 8, float32.
   *
   * @return the default settings
   */
  public static Nd4jLcaSettings defaults() {
    return new Nd4jLcaSettings(null, null, null, null, null, null, null, null);
  }

  /**
   * The core solver's settings.
   *
   * @return the same keys as {@code lca}'s
   */
  public LcaSettings core() {
    return new LcaSettings(lambda, tau, maxIterations, relStopTol, threshold, nonNegative);
  }
}
