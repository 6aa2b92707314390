package org.sparsecode.gpu;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;
import org.sparsecode.core.solver.admm.AutoRhoSettings;
import org.sparsecode.core.solver.admm.CbpdnAdmmSettings;

/**
 * Settings of the {@code nd4j-cbpdn-admm} solver: the keys of {@code cbpdn-admm} ({@link CbpdnAdmmSettings},
 * the same defaults and checks) and two of the device's.
 *
 * @param lambda as {@link CbpdnAdmmSettings#lambda()}
 * @param maxIterations as {@link CbpdnAdmmSettings#maxIterations()}
 * @param relStopTol as {@link CbpdnAdmmSettings#relStopTol()}
 * @param absStopTol as {@link CbpdnAdmmSettings#absStopTol()}
 * @param relaxation as {@link CbpdnAdmmSettings#relaxation()}
 * @param rho as {@link CbpdnAdmmSettings#rho()}
 * @param l1Weight as {@link CbpdnAdmmSettings#l1Weight()}
 * @param nonNegative as {@link CbpdnAdmmSettings#nonNegative()}
 * @param autoRho as {@link CbpdnAdmmSettings#autoRho()}
 * @param batch images coded at once, in {@code [1, 4096]}; default 8
 * @param dtype the device's arithmetic: {@code float32} (default), {@code float64}, or on the CUDA backend
 *     {@code float16} or {@code bfloat16}
 */
public record Nd4jCbpdnAdmmSettings(Double lambda, Integer maxIterations, Double relStopTol, Double absStopTol,
    Double relaxation, Double rho, @Setting(form = "a number or a list of K numbers (one per kernel)") Object l1Weight,
    Boolean nonNegative, AutoRhoSettings autoRho, Integer batch,
    @Setting(oneOf = {"float32", "float64", "float16", "bfloat16"}) String dtype) {

  /**
   * Fills defaults and validates, as {@link CbpdnAdmmSettings} does for its keys.
   *
   * @throws ConfigException naming the key of an out-of-range or ill-typed value
   */
  public Nd4jCbpdnAdmmSettings {
    CbpdnAdmmSettings c = new CbpdnAdmmSettings(lambda, maxIterations, relStopTol, absStopTol, relaxation, rho,
        l1Weight, nonNegative, autoRho);
    lambda = c.lambda();
    maxIterations = c.maxIterations();
    relStopTol = c.relStopTol();
    absStopTol = c.absStopTol();
    relaxation = c.relaxation();
    rho = c.rho();
    l1Weight = c.l1Weight();
    nonNegative = c.nonNegative();
    autoRho = c.autoRho();
    batch = Nd4jSettings.batch(batch);
    dtype = Nd4jSettings.dtype(dtype);
  }

  /**
   * The defaults: the paper's call, batches of 8, float32.
   *
   * @return the default settings
   */
  public static Nd4jCbpdnAdmmSettings defaults() {
    return new Nd4jCbpdnAdmmSettings(null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The core solver's settings.
   *
   * @return the same keys as {@code cbpdn-admm}'s
   */
  public CbpdnAdmmSettings core() {
    return new CbpdnAdmmSettings(lambda, maxIterations, relStopTol, absStopTol, relaxation, rho, l1Weight,
        nonNegative, autoRho);
  }
}
