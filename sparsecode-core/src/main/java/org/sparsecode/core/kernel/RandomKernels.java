package org.sparsecode.core.kernel;

import java.util.SplittableRandom;
import org.sparsecode.api.kernel.Dictionary;

/**
 * Seeded Gaussian noise kernels. The values are drawn in order (kernel, row, column) from one
 * {@link SplittableRandom} seeded with the given seed, so a seed always gives the same dictionary.
 */
public final class RandomKernels {
  private RandomKernels() {}

  /**
   * Draws a dictionary.
   *
   * @param s the settings (its {@code seed} is ignored: the caller resolves it)
   * @param seed the seed to use
   * @return {@code s.kernels()} kernels with unknown parameters
   */
  public static Dictionary dictionary(RandomKernelSettings s, long seed) {
    int n = s.size();
    int nn = n * n;
    SplittableRandom rng = new SplittableRandom(seed);
    double[] values = new double[s.kernels() * nn];
    for (int i = 0; i < values.length; i++) {
      values[i] = rng.nextGaussian();
    }
    for (int k = 0; k < s.kernels(); k++) {
      int from = k * nn;
      if (s.zeroMean()) {
        double mean = 0;
        for (int i = from; i < from + nn; i++) {
          mean += values[i];
        }
        mean /= nn;
        for (int i = from; i < from + nn; i++) {
          values[i] -= mean;
        }
      }
      double scale = switch (s.normalise()) {
        case "unit-l2" -> {
          double sum = 0;
          for (int i = from; i < from + nn; i++) {
            sum += values[i] * values[i];
          }
          yield Math.sqrt(sum);
        }
        case "peak" -> {
          double max = 0;
          for (int i = from; i < from + nn; i++) {
            max = Math.max(max, Math.abs(values[i]));
          }
          yield max;
        }
        default -> 1.0;
      };
      if (scale > 0 && scale != 1.0) {
        for (int i = from; i < from + nn; i++) {
          values[i] /= scale;
        }
      }
    }
    return Dictionary.of(n, s.kernels(), values);
  }
}
