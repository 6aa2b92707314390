package org.sparsecode.core.solver.mp;

import java.util.Arrays;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.TestFixtures;

/** Smaller matching-pursuit problems cut from the reference fixtures (read through {@link TestFixtures}). */
final class MpFixtures {
  private MpFixtures() {}

  /** The first {@code count} kernels of the full dictionary (smaller, faster problems). */
  static Dictionary firstKernels(int count) {
    Dictionary d = TestFixtures.fullDictionary();
    int k2 = d.size() * d.size();
    return Dictionary.of(d.size(), count, Arrays.copyOf(d.kernels(), count * k2));
  }

  /** A crop of the 64 × 64 camera image. */
  static Image camera64Crop(int side) {
    Image c = TestFixtures.camera(64);
    double[] p = new double[side * side];
    for (int y = 0; y < side; y++) {
      System.arraycopy(c.pixels(), y * 64, p, y * side, side);
    }
    return Image.grey("camera" + side, side, side, p);
  }
}
