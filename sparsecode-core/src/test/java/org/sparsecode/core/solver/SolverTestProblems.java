package org.sparsecode.core.solver;

import java.util.SplittableRandom;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/** Small seeded coding problems and the CBPDN objective, shared by the solver tests (ADMM, FISTA, LCA). */
public final class SolverTestProblems {
  private static final int K = 4;
  private static final int SIZE = 6;

  private SolverTestProblems() {}

  /** Four random unit-norm 6×6 kernels (seeded). */
  public static Dictionary randomDictionary() {
    SplittableRandom rng = new SplittableRandom(5);
    double[] d = new double[K * SIZE * SIZE];
    for (int k = 0; k < K; k++) {
      double norm = 0;
      for (int i = 0; i < SIZE * SIZE; i++) {
        d[k * SIZE * SIZE + i] = rng.nextGaussian();
        norm += d[k * SIZE * SIZE + i] * d[k * SIZE * SIZE + i];
      }
      for (int i = 0; i < SIZE * SIZE; i++) {
        d[k * SIZE * SIZE + i] /= Math.sqrt(norm);
      }
    }
    return Dictionary.of(SIZE, K, d);
  }

  /** A {@code height × width} image of seeded standard Gaussian noise. */
  public static Image noise(int height, int width) {
    SplittableRandom rng = new SplittableRandom(6);
    double[] p = new double[height * width];
    for (int i = 0; i < p.length; i++) {
      p[i] = rng.nextGaussian();
    }
    return Image.grey("noise", width, height, p);
  }

  /** The CBPDN objective ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁, computed directly from the sparse code. */
  public static double objective(Dictionary d, Image s, SparseCode x, double lambda) {
    double[] r = x.reconstruct(d);
    double f = 0;
    for (int i = 0; i < r.length; i++) {
      double e = r[i] - s.pixels()[i];
      f += e * e;
    }
    return f / 2 + lambda * x.l1();
  }
}
