package org.sparsecode.core.image;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/**
 * Test resources: fixture arrays (copies of the reference fixtures, see fixtures/README.md) and the original
 * skimage photographs.
 */
final class Resources {
  private Resources() {}

  /** A file under {@code src/test/resources}. */
  static Path path(String name) {
    URL url = Resources.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fixture array. */
  static NpyArray fixture(String name) {
    return Npy.read(path("fixtures/" + name));
  }

  /** An original photograph from skimage.data, as read by {@link ImageFiles}. */
  static Image photo(String file) {
    return ImageFiles.read(path("images/" + file));
  }

  /** The largest absolute difference between an image's values and a fixture's. */
  static double maxAbsDiff(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }
}
