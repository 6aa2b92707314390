package org.sparsecode.learning.hebbian;

import java.util.Objects;
import java.util.SplittableRandom;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.learning.DictionaryLearner;
import org.sparsecode.api.learning.LearnListener;
import org.sparsecode.api.solver.SparseCode;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Hebbian dictionary learning as lca-pytorch does it (Teti, Kenyon, Migliore and Bhatt, {@code lcapt}): each step
 * codes one image s with the configured solver (LCA, matching pursuit, CBPDN…), then moves every atom along the
 * correlation of its code map with the residual r = s − Σ_k d_k * x_k,
 * <pre>
 *   d_k[i, j] ← d_k[i, j] + lr · Σ_{y,x} x_k[y, x] · r[y + i, x + j]      (circular, top-left convention)
 * </pre>
 * — a gradient step on ½‖r‖² for the fixed code, cropped to the k×k support — and renormalises each atom to
 * unit ℓ2 norm (an atom of norm 0 is left as is). The initial dictionary is normalised first. The correlation is
 * summed over the code's non-zeros only, O(nnz·k²) per step; memory is one image, its code and its residual.
 *
 * <p>The objective reported after each step is the solver's {@code ½‖r‖² + λ‖x‖₁} at that step's code with the
 * dictionary before the update (λ from {@link SparseSolver#lambda()}, 0 for solvers without one). Deterministic
 * for a given seed (the image draws) and a deterministic solver.
 */
public final class Hebbian implements DictionaryLearner {
  private final HebbianSettings settings;
  private final SparseSolver solver;
  private final long seed;

  /**
   * Creates the learner.
   *
   * @param settings the validated settings
   * @param solver the solver that codes each image
   * @param seed the seed of the image draws ({@code imageOrder: random})
   */
  public Hebbian(HebbianSettings settings, SparseSolver solver, long seed) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.solver = Objects.requireNonNull(solver, "solver");
    this.seed = seed;
  }

  /**
   * The solver coding each step's image.
   *
   * @return the solver
   */
  public SparseSolver solver() {
    return solver;
  }

  @Override
  public Dictionary learn(Dictionary initial, ImageSource images, LearnListener listener) {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(listener, "listener");
    if (images.size() < 1) {
      throw new IllegalArgumentException("hebbian needs at least one image, the source is empty");
    }
    int size = initial.size();
    int count = initial.count();
    double[] d = initial.kernels().clone();
    for (int k = 0; k < count; k++) {
      normalise(d, k, size);
    }
    boolean random = "random".equals(settings.imageOrder());
    SplittableRandom rng = new SplittableRandom(seed);
    double lambda = Double.isNaN(solver.lambda()) ? 0 : solver.lambda();
    int steps = settings.steps();
    double lr = settings.learningRate();
    double[] gradient = new double[d.length];
    for (int step = 0; step < steps; step++) {
      int index = random ? rng.nextInt(images.size()) : step % images.size();
      Image image = images.get(index);
      Dictionary current = Dictionary.of(size, count, d.clone());
      SparseCode code = solver.solve(current, image).code();
      double[] residual = code.reconstruct(current);
      double[] s = image.pixels();
      double ss = 0;
      for (int q = 0; q < residual.length; q++) {
        residual[q] = s[q] - residual[q];
        ss += residual[q] * residual[q];
      }
      correlate(code, residual, size, gradient);
      for (int q = 0; q < d.length; q++) {
        d[q] += lr * gradient[q];
      }
      for (int k = 0; k < count; k++) {
        normalise(d, k, size);
      }
      listener.onStep(step, steps, 0.5 * ss + lambda * code.l1());
    }
    return Dictionary.of(size, count, d);
  }

  /** g_k[i, j] = Σ over the non-zeros x_k[y, x] of x_k[y, x] · r[(y + i) mod H, (x + j) mod W]. */
  static void correlate(SparseCode code, double[] residual, int size, double[] gradient) {
    java.util.Arrays.fill(gradient, 0);
    int h = code.height();
    int w = code.width();
    int plane = h * w;
    int[] idx = code.indices();
    double[] val = code.values();
    for (int n = 0; n < idx.length; n++) {
      int k = idx[n] / plane;
      int rem = idx[n] - k * plane;
      int y = rem / w;
      int x = rem - y * w;
      double v = val[n];
      int base = k * size * size;
      for (int i = 0; i < size; i++) {
        int row = ((y + i) % h) * w;
        for (int j = 0; j < size; j++) {
          gradient[base + i * size + j] += v * residual[row + (x + j) % w];
        }
      }
    }
  }

  private static void normalise(double[] d, int k, int size) {
    int from = k * size * size;
    int to = from + size * size;
    double ss = 0;
    for (int q = from; q < to; q++) {
      ss += d[q] * d[q];
    }
    if (ss > 0) {
      double norm = Math.sqrt(ss);
      for (int q = from; q < to; q++) {
        d[q] /= norm;
      }
    }
  }
}
