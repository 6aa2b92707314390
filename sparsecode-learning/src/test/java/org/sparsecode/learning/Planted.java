package org.sparsecode.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/**
 * A planted dictionary-learning problem: seeded random unit atoms and images synthesised from sparse codes (shared
 * by the batch and hebbian learner tests).
 */
public final class Planted {
  private Planted() {}

  /**
   * K seeded Gaussian atoms of size k under a centred Gaussian window of width {@code window} pixels (so that
   * shifted copies stay inside the support), zero-mean, unit ℓ2 norm.
   */
  public static Dictionary atoms(int size, int count, long seed, double window) {
    SplittableRandom rng = new SplittableRandom(seed);
    int nn = size * size;
    double[] d = new double[count * nn];
    for (int k = 0; k < count; k++) {
      double mean = 0;
      for (int i = 0; i < nn; i++) {
        double cy = (i / size) - (size - 1) / 2.0;
        double cx = (i % size) - (size - 1) / 2.0;
        d[k * nn + i] = rng.nextGaussian() * Math.exp(-(cy * cy + cx * cx) / (2 * window * window));
        mean += d[k * nn + i];
      }
      mean /= nn;
      double ss = 0;
      for (int i = 0; i < nn; i++) {
        d[k * nn + i] -= mean;
        ss += d[k * nn + i] * d[k * nn + i];
      }
      for (int i = 0; i < nn; i++) {
        d[k * nn + i] /= Math.sqrt(ss);
      }
    }
    return Dictionary.of(size, count, d);
  }

  /** Images Σ_k d_k * x_k with each coefficient non-zero with probability p, value ±(1 + |N(0, 1)|). */
  public static List<Image> images(Dictionary d, int count, int side, double p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Image> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double[] dense = new double[d.count() * side * side];
      for (int q = 0; q < dense.length; q++) {
        if (rng.nextDouble() < p) {
          dense[q] = (rng.nextBoolean() ? 1 : -1) * (1 + Math.abs(rng.nextGaussian()));
        }
      }
      SparseCode code = SparseCode.fromDense(d.count(), side, side, dense);
      out.add(Image.grey("planted" + i, side, side, code.reconstruct(d)));
    }
    return out;
  }

  /** max over shifts of |⟨a, shift(b)⟩| / (‖a‖ ‖b‖) for two k×k atoms (zero outside the support). */
  public static double shiftedCosine(Dictionary da, int ka, Dictionary db, int kb) {
    int n = da.size();
    double best = 0;
    for (int dy = -n + 1; dy < n; dy++) {
      for (int dx = -n + 1; dx < n; dx++) {
        double s = 0;
        for (int y = 0; y < n; y++) {
          for (int x = 0; x < n; x++) {
            int yy = y + dy;
            int xx = x + dx;
            if (yy >= 0 && yy < n && xx >= 0 && xx < n) {
              s += da.get(ka, y, x) * db.get(kb, yy, xx);
            }
          }
        }
        best = Math.max(best, Math.abs(s));
      }
    }
    return best / (da.norm(ka) * db.norm(kb));
  }

  /** For each true atom, the best shifted cosine with any learned atom. */
  public static double[] bestMatches(Dictionary truth, Dictionary learned) {
    double[] out = new double[truth.count()];
    for (int k = 0; k < truth.count(); k++) {
      for (int j = 0; j < learned.count(); j++) {
        out[k] = Math.max(out[k], shiftedCosine(truth, k, learned, j));
      }
    }
    return out;
  }
}
