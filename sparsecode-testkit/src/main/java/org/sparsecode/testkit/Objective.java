package org.sparsecode.testkit;

import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.solver.SparseCode;

/**
 * The kit's own arithmetic, independent of the solvers it checks and of {@link SparseCode#reconstruct}: the
 * reconstruction {@code Σ_k d_k * x_k} as a gather over the dense maps (circular, the kernel's {@code [0, 0]}
 * element at the coefficient's pixel), the data term and the ℓ1 objective, all in float64.
 */
public final class Objective {
  private Objective() {}

  /**
   * {@code Σ_k d_k * x_k}: each pixel sums {@code d_k[i][j] · x_k[(y − i) mod H][(x − j) mod W]}.
   *
   * @param dictionary the kernels
   * @param code a code with the dictionary's kernel count
   * @return {@code height * width} values, row-major
   */
  public static double[] reconstruct(Dictionary dictionary, SparseCode code) {
    int h = code.height();
    int w = code.width();
    int k = dictionary.size();
    double[] x = code.toDense();
    double[] out = new double[h * w];
    for (int m = 0; m < code.count(); m++) {
      int map = m * h * w;
      for (int y = 0; y < h; y++) {
        for (int c = 0; c < w; c++) {
          double sum = 0;
          for (int i = 0; i < k; i++) {
            int row = map + Math.floorMod(y - i, h) * w;
            for (int j = 0; j < k; j++) {
              sum += dictionary.get(m, i, j) * x[row + Math.floorMod(c - j, w)];
            }
          }
          out[y * w + c] += sum;
        }
      }
    }
    return out;
  }

  /**
   * The data term {@code ½‖Σ_k d_k * x_k − s‖²}.
   *
   * @param dictionary the kernels
   * @param image the coded image
   * @param code the code
   * @return the data term
   */
  public static double dataFidelity(Dictionary dictionary, Image image, SparseCode code) {
    double[] r = reconstruct(dictionary, code);
    double f = 0;
    for (int i = 0; i < r.length; i++) {
      double e = r[i] - image.pixels()[i];
      f += e * e;
    }
    return f / 2;
  }

  /**
   * The objective {@code ½‖Σ_k d_k * x_k − s‖² + λ‖x‖₁}.
   *
   * @param dictionary the kernels
   * @param image the coded image
   * @param code the code
   * @param lambda the ℓ1 weight, 0 for the data term alone
   * @return the objective
   */
  public static double value(Dictionary dictionary, Image image, SparseCode code, double lambda) {
    double l1 = 0;
    for (double v : code.values()) {
      l1 += Math.abs(v);
    }
    return dataFidelity(dictionary, image, code) + lambda * l1;
  }

  /**
   * The objective of the zero code, {@code ½‖s‖²}.
   *
   * @param image the image
   * @return half the image's energy
   */
  public static double ofZero(Image image) {
    double f = 0;
    for (double v : image.pixels()) {
      f += v * v;
    }
    return f / 2;
  }
}
