package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.SparseCode;

/**
 * The correctness test: images (32×32) synthesised from a known dictionary (8 windowed random 8×8 atoms)
 * and sparse random codes; {@code online-cdl} with the Lipschitz step, started from 12 atoms of seeded noise
 * (a slightly overcomplete start avoids two atoms settling on one true atom), recovers every
 * true atom: some learned atom has |cosine| ≥ 0.95 with it at some relative shift (all shifts of the 8×8
 * supports against each other, overlaps only, so a shifted copy that loses its rim scores lower, not higher).
 */
class PlantedDictionaryTest {
  private static final int K = 8;
  private static final int SIZE = 8;
  private static final int LEARNED = 12;
  private static final int SIDE = 32;
  private static final int IMAGES = 16;

  @Test
  void learningFromNoiseRecoversEveryPlantedAtomUpToShift() {
    Dictionary truth = windowedAtoms(new SplittableRandom(1), K, SIZE);
    ImageSource images = syntheticImages(truth, 2);
    Dictionary noise = windowedAtoms(new SplittableRandom(3), LEARNED, SIZE);
    // Tuned once (600 steps of 40 CBPDN iterations on 32x32 images, a few seconds): lambda 0.1 and rho 5 suit
    // codes of size 1..2; the Lipschitz step at 1.9 / L_D converges where the paper's schedule does not.
    OnlineCdlSettings settings = new OnlineCdlSettings(600, 0.1, 5.0, null, null, "lipschitz", 1.9, 40, 1e-3,
        null, "random", null, 0, null, null, null);
    Dictionary learned = new OnlineCdl(settings, new PluginContext(11L, Precision.FLOAT64, 1, Path.of("")))
        .learn(noise, images, LearnListener.NONE);
    for (int t = 0; t < K; t++) {
      double best = 0;
      for (int l = 0; l < LEARNED; l++) {
        best = Math.max(best, bestShiftedCosine(truth.kernel(t), learned.kernel(l), SIZE));
      }
      assertThat(best).as("best |cosine| of true atom %d", t).isGreaterThanOrEqualTo(0.95);
    }
  }

  /** Random Gaussian atoms under a centred Gaussian window (σ = 1.6 px), unit ℓ2 norm. */
  static Dictionary windowedAtoms(SplittableRandom rng, int count, int size) {
    double[] d = new double[count * size * size];
    double c = (size - 1) / 2.0;
    for (int k = 0; k < count; k++) {
      double s = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double r2 = (y - c) * (y - c) + (x - c) * (x - c);
          double v = gaussian(rng) * Math.exp(-r2 / (2 * 1.6 * 1.6));
          d[(k * size + y) * size + x] = v;
          s += v * v;
        }
      }
      for (int i = k * size * size; i < (k + 1) * size * size; i++) {
        d[i] /= Math.sqrt(s);
      }
    }
    return Dictionary.of(size, count, d);
  }

  /** Images Σ_k d_k * z_k (circular) with 8 non-zero code entries per atom and image of random sign and size ≥ 1. */
  private static ImageSource syntheticImages(Dictionary truth, long seed) {
    return new ImageSource() {
      @Override
      public int size() {
        return IMAGES;
      }

      @Override
      public Image get(int index) {
        SplittableRandom rng = new SplittableRandom(seed * 1000 + index);
        int n = 8 * K;
        java.util.TreeMap<Integer, Double> entries = new java.util.TreeMap<>();
        while (entries.size() < n) {
          double sign = rng.nextBoolean() ? 1 : -1;
          entries.put(rng.nextInt(K * SIDE * SIDE), sign * (1 + rng.nextDouble()));
        }
        int[] idx = entries.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] val = entries.values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] px = new SparseCode(K, SIDE, SIDE, idx, val).reconstruct(truth);
        return Image.grey("planted" + index, SIDE, SIDE, px);
      }
    };
  }

  /** max over relative shifts of |Σ a(y, x) b(y + dy, x + dx)| / (‖a‖ ‖b‖), overlapping parts only. */
  static double bestShiftedCosine(double[] a, double[] b, int size) {
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    double best = 0;
    for (int dy = -size + 1; dy < size; dy++) {
      for (int dx = -size + 1; dx < size; dx++) {
        double s = 0;
        for (int y = Math.max(0, -dy); y < Math.min(size, size - dy); y++) {
          for (int x = Math.max(0, -dx); x < Math.min(size, size - dx); x++) {
            s += a[y * size + x] * b[(y + dy) * size + x + dx];
          }
        }
        best = Math.max(best, Math.abs(s) / Math.sqrt(na * nb));
      }
    }
    return best;
  }

  private static double gaussian(SplittableRandom rng) {
    // Box–Muller (SplittableRandom has no nextGaussian on Java 17).
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
