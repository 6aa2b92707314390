package org.sparsecode.core.solver.lca;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/** Reads the reference fixtures copied under {@code src/test/resources/fixtures}. */
final class LcaFixtures {
  private LcaFixtures() {}

  static Path path(String name) {
    try {
      var url = LcaFixtures.class.getResource("/fixtures/" + name);
      if (url == null) {
        throw new IllegalStateException("missing test fixture " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The paper's heterogeneous log-Gabor dictionary, 144 kernels of 12 × 12, peak 1. */
  static Dictionary fullDictionary() {
    return DictionaryFiles.read(path("dict_full_D.npy"));
  }

  /** The LCN'd camera image, {@code size × size} (64 or 256). */
  static Image camera(int size) {
    NpyArray a = Npy.read(path("img_camera_lcn" + size + ".npy"));
    return Image.grey("camera", a.dim(1), a.dim(0), a.data());
  }
}
