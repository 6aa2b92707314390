package org.sparsecode.gpu;

import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.image.EmbeddedImageSource;

/** Small coding problems for the ND4J solvers: Gabor-like kernels and patches of the embedded photographs. */
final class TestProblems {
  private TestProblems() {}

  /**
   * K unit-norm Gabor kernels of {@code size × size}: K/2 orientations, even and odd phases.
   *
   * @param count K, even
   * @param size the kernels' side
   * @return the dictionary
   */
  static Dictionary gabor(int count, int size) {
    double[] d = new double[count * size * size];
    double sigma = size / 4.0;
    double c = (size - 1) / 2.0;
    for (int k = 0; k < count; k++) {
      double theta = Math.PI * (k / 2) / (count / 2);
      double phase = (k % 2) * Math.PI / 2;
      double norm = 0;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          double u = (x - c) * Math.cos(theta) + (y - c) * Math.sin(theta);
          double r2 = (x - c) * (x - c) + (y - c) * (y - c);
          double v = Math.exp(-r2 / (2 * sigma * sigma)) * Math.cos(2 * Math.PI * 0.2 * u + phase);
          d[(k * size + y) * size + x] = v;
          norm += v * v;
        }
      }
      for (int i = 0; i < size * size; i++) {
        d[k * size * size + i] /= Math.sqrt(norm);
      }
    }
    return Dictionary.of(size, count, d);
  }

  /**
   * A {@code side × side} patch of an embedded photograph (256 × 256), averaged down by 2 for sides up to 128,
   * cropped at an offset (wrapping around), with zero mean and unit variance.
   *
   * @param name the photograph
   * @param side the patch's side, at most 256
   * @param offset where the crop starts, in the averaged image
   * @return the image, id = name
   */
  static Image patch(String name, int side, int offset) {
    Image raw = EmbeddedImageSource.raw(name);
    int factor = side <= 128 ? 2 : 1;
    int small = raw.width() / factor;
    double[] p = new double[side * side];
    double mean = 0;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        double s = 0;
        int yy = (y + offset) % small;
        int xx = (x + offset) % small;
        for (int i = 0; i < factor; i++) {
          for (int j = 0; j < factor; j++) {
            s += raw.pixels()[(yy * factor + i) * raw.width() + xx * factor + j];
          }
        }
        p[y * side + x] = s / (factor * factor);
        mean += p[y * side + x];
      }
    }
    mean /= p.length;
    double var = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] -= mean;
      var += p[i] * p[i];
    }
    double sd = Math.sqrt(var / p.length);
    for (int i = 0; i < p.length; i++) {
      p[i] /= sd;
    }
    return Image.grey(name, side, side, p);
  }

  /**
   * Three different patches of one size.
   *
   * @param side their side
   * @return camera, coffee and brick
   */
  static List<Image> three(int side) {
    List<Image> images = new ArrayList<>();
    images.add(patch("camera", side, 20));
    images.add(patch("coffee", side, 30));
    images.add(patch("brick", side, 10));
    return images;
  }
}
