package org.sparsecode.gpu;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;
import org.sparsecode.core.solver.fista.Backtracking;
import org.sparsecode.core.solver.fista.FistaSettings;

/**
 * Settings of the {@code nd4j-fista} solver: the keys of {@code fista} ({@link FistaSettings}, the same
 * defaults and checks) and two of the device's. L is fixed: the exact Lipschitz constant by default, or
 * {@code lipschitz}; {@code backtracking} accepts only {@code none} (the core solver backtracks).
 *
 * @param lambda as {@link FistaSettings#lambda()}
 * @param maxIterations as {@link FistaSettings#maxIterations()}
 * @param relStopTol as {@link FistaSettings#relStopTol()}
 * @param lipschitz as {@link FistaSettings#lipschitz()}
 * @param backtracking {@code none} (the default, and the only value: use {@code type: fista} to backtrack)
 * @param nonNegative as {@link FistaSettings#nonNegative()}
 * @param l1Weight as {@link FistaSettings#l1Weight()}
 * @param batch images coded at once, in {@code [1, 4096]}; default 8
 * @param dtype the device's arithmetic: {@code float32} (default), {@code float64}, or on the CUDA backend
 *     {@code float16} or {@code bfloat16}
 */
public record Nd4jFistaSettings(Double lambda, Integer maxIterations, Double relStopTol, Double lipschitz,
    @Setting(oneOf = {"none"}) String backtracking, Boolean nonNegative, Double l1Weight, Integer batch,
    @Setting(oneOf = {"float32", "float64", "float16", "bfloat16"}) String dtype) {

  /**
   * Fills defaults and validates, as {@link FistaSettings} does for its keys.
   *
   * @throws ConfigException naming the key of an out-of-range value, or {@code backtracking} when it is not
   *     {@code none}
   */
  public Nd4jFistaSettings {
    FistaSettings c = new FistaSettings(lambda, maxIterations, relStopTol, lipschitz, backtracking, nonNegative,
        l1Weight);
    if (c.backtrackingMode() != Backtracking.NONE) {
      throw new ConfigException("backtracking", "the nd4j solvers run with a fixed L (the exact Lipschitz constant,"
          + " or lipschitz), so only none is accepted here, got '" + backtracking + "': leave it out, or use type:"
          + " fista (the core solver) to backtrack");
    }
    lambda = c.lambda();
    maxIterations = c.maxIterations();
    relStopTol = c.relStopTol();
    lipschitz = c.lipschitz();
    backtracking = c.backtracking();
    nonNegative = c.nonNegative();
    l1Weight = c.l1Weight();
    batch = Nd4jSettings.batch(batch);
    dtype = Nd4jSettings.dtype(dtype);
  }

  /**
   * The defaults: L exact, batches of 8, float32.
   *
   * @return the default settings
   */
  public static Nd4jFistaSettings defaults() {
    return new Nd4jFistaSettings(null, null, null, null, null, null, null, null, null);
  }

  /**
   * The core solver's settings.
   *
   * @return the same keys as {@code fista}'s
   */
  public FistaSettings core() {
    return new FistaSettings(lambda, maxIterations, relStopTol, lipschitz, backtracking, nonNegative, l1Weight);
  }
}
