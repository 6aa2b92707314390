package org.sparsecode.core.solver.mp;

import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SolverException;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The unit-ℓ2 kernels {@code u_k = d_k / ‖d_k‖} of a dictionary and their cross-correlations {@code DᵀD}:
 * {@code G[k0][k](δ) = Σ_{i,j} u_k[i, j] u_k0[i + δy, j + δx]} for {@code δ ∈ [−(k−1), k−1]²}, i.e. the
 * inner product of atom {@code u_k} at pixel {@code p} with atom {@code u_k0} at {@code p0}, {@code δ = p − p0}.
 * After atom {@code (k0, p0)} is taken with coefficient {@code c}, the correlation map changes by
 * {@code −c G[k0][k](p − p0)} and nowhere else.
 *
 * <p>Storage: float64, {@code K² (2k−1)²} values (88 MB for the paper's 144 kernels of 12 × 12), laid out
 * {@code [((k0 · S + δy + k − 1) · S + δx + k − 1) · K + k]} with {@code S = 2k − 1} (kernel k innermost, as the
 * pixel-major correlation map), so the update after one atom reads one contiguous block in the map's order.
 * The symmetry {@code G[k0][k](δ) = G[k][k0](−δ)} halves the arithmetic of the construction (not the storage:
 * the update would then read the mirrored half in another order, at a stride). float64 is kept
 * because the selected sequence must match the reference to 1e-10; float32 storage would perturb the map by
 * about 1e-7 per update.
 *
 * <p>Immutable after construction.
 */
public final class KernelGram {
  private final int size;
  private final int count;
  private final int span;
  private final double[] unit;
  private final double[] norms;
  private final double[] gram;

  /**
   * Normalises the kernels and computes the cross-correlations (parallel over kernel pairs).
   *
   * @param dictionary the kernels
   * @param loop the workers
   * @throws IllegalArgumentException if a kernel is zero (it cannot be normalised)
   * @throws SolverException (iteration −1) if a kernel holds NaN or infinite values
   */
  public KernelGram(Dictionary dictionary, ParallelLoop loop) {
    this.size = dictionary.size();
    this.count = dictionary.count();
    this.span = 2 * size - 1;
    int k2 = size * size;
    this.norms = new double[count];
    this.unit = new double[count * k2];
    double[] d = dictionary.kernels();
    for (int k = 0; k < count; k++) {
      double n = dictionary.norm(k);
      if (!Double.isFinite(n)) {
        // the SPI's law for non-finite values: a SolverException, as the image's NaN pixel gets
        throw new SolverException(-1, "kernel " + k + " of the dictionary holds NaN or infinite values (norm " + n
            + "): check the dictionary");
      }
      if (!(n > 0)) {
        throw new IllegalArgumentException("kernel " + k + " of the dictionary has norm " + n + ": greedy pursuits"
            + " divide each kernel by its l2 norm, remove the zero kernel");
      }
      norms[k] = n;
      for (int i = 0; i < k2; i++) {
        unit[k * k2 + i] = d[k * k2 + i] / n;
      }
    }
    long s2 = (long) span * span;
    this.gram = new double[Math.toIntExact((long) count * count * s2)];
    loop.forEach(count, (w, k0) -> {
      for (int k = k0; k < count; k++) {
        fill(k0, k);
      }
    });
  }

  /**
   * The memory the table takes.
   *
   * @param count kernels K
   * @param size kernel side k
   * @return bytes
   */
  public static long bytes(int count, int size) {
    long s = 2L * size - 1;
    return (long) count * count * s * s * Double.BYTES + 2L * count * size * size * Double.BYTES;
  }

  /** Where G[k0][k](dy, dx) is stored. */
  int at(int k0, int k, int dy, int dx) {
    int m = size - 1;
    return ((k0 * span + dy + m) * span + dx + m) * count + k;
  }

  /** G[k0][k](δ) for every δ, and its mirror G[k][k0](−δ). */
  private void fill(int k0, int k) {
    int m = size - 1;
    int k2 = size * size;
    int a = k * k2;
    int b = k0 * k2;
    for (int dy = -m; dy <= m; dy++) {
      int i0 = Math.max(0, -dy);
      int i1 = Math.min(size, size - dy);
      for (int dx = -m; dx <= m; dx++) {
        int j0 = Math.max(0, -dx);
        int j1 = Math.min(size, size - dx);
        double sum = 0;
        for (int i = i0; i < i1; i++) {
          int ra = a + i * size;
          int rb = b + (i + dy) * size + dx;
          for (int j = j0; j < j1; j++) {
            sum += unit[ra + j] * unit[rb + j];
          }
        }
        gram[at(k0, k, dy, dx)] = sum;
        gram[at(k, k0, -dy, -dx)] = sum;
      }
    }
  }

  /**
   * Kernel side k.
   *
   * @return k
   */
  public int size() {
    return size;
  }

  /**
   * Number of kernels K.
   *
   * @return K
   */
  public int count() {
    return count;
  }

  /**
   * The side {@code 2k − 1} of each cross-correlation.
   *
   * @return S
   */
  public int span() {
    return span;
  }

  /**
   * The norm of a kernel as given.
   *
   * @param k the kernel
   * @return {@code ‖d_k‖₂ > 0}
   */
  public double norm(int k) {
    return norms[k];
  }

  /**
   * The unit kernels, kernel-major (read-only).
   *
   * @return {@code K k²} values
   */
  double[] unitKernels() {
    return unit;
  }

  /**
   * The table (read-only), layout as in the class comment.
   *
   * @return {@code K² S²} values
   */
  double[] table() {
    return gram;
  }

  /**
   * The inner product {@code ⟨u_ka at (ya, xa), u_kb at (yb, xb)⟩} on a circular {@code H × W} image, summing
   * the aliased offsets when the image is smaller than {@code 2k − 1}.
   *
   * @param ka first kernel
   * @param ya first row
   * @param xa first column
   * @param kb second kernel
   * @param yb second row
   * @param xb second column
   * @param height H
   * @param width W
   * @return the inner product
   */
  double inner(int ka, int ya, int xa, int kb, int yb, int xb, int height, int width) {
    int m = size - 1;
    int dyMod = Math.floorMod(ya - yb, height);
    int dxMod = Math.floorMod(xa - xb, width);
    double sum = 0;
    for (int dy = -m; dy <= m; dy++) {
      if (Math.floorMod(dy, height) != dyMod) {
        continue;
      }
      for (int dx = -m; dx <= m; dx++) {
        if (Math.floorMod(dx, width) == dxMod) {
          sum += gram[at(kb, ka, dy, dx)];
        }
      }
    }
    return sum;
  }
}
