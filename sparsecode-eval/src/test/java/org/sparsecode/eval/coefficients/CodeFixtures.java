package org.sparsecode.eval.coefficients;

import java.util.SplittableRandom;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.core.kernel.LogGaborPlugin;
import org.sparsecode.core.kernel.LogGaborSettings;

/** Seeded codes of the paper's 'full' dictionary, for the coefficient statistics' tests. */
public final class CodeFixtures {
  /** The side of a code's maps. */
  public static final int SIDE = 8;

  private CodeFixtures() {}

  /**
   * The paper's 'full' dictionary: 12 θ × 6 B_θ × 2 phases.
   *
   * @return a newly generated dictionary
   */
  public static Dictionary fullDictionary() {
    return LogGaborPlugin.generator(LogGaborSettings.preset("full")).generate();
  }

  /**
   * A seeded code of a dictionary: {@value #SIDE}×{@value #SIDE} maps, 5 % of the entries non-zero, exponential
   * magnitudes of mean 0.2, random signs.
   *
   * @param dictionary the dictionary (its kernel count)
   * @param seed the seed
   * @return the code
   */
  public static SparseCode code(Dictionary dictionary, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] dense = new double[dictionary.count() * SIDE * SIDE];
    for (int i = 0; i < dense.length; i++) {
      if (random.nextDouble() < 0.05) {
        double magnitude = -0.2 * Math.log(1 - random.nextDouble());
        dense[i] = random.nextBoolean() ? magnitude : -magnitude;
      }
    }
    return SparseCode.fromDense(dictionary.count(), SIDE, SIDE, dense);
  }
}
