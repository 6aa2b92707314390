package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/** Reads the reference fixtures copied under {@code src/test/resources/fixtures/} (fixtures README §1). */
final class KernelFixtures {
  private KernelFixtures() {}

  static Path path(String name) {
    URL url = KernelFixtures.class.getResource("/fixtures/" + name);
    assertThat(url).as("fixture %s on the test class path", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static double[] npy(String name) {
    return Npy.read(path(name)).data();
  }

  static NpyArray array(String name) {
    return Npy.read(path(name));
  }

  static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The largest absolute elementwise difference; the arrays must have the same length. */
  static double maxAbsDiff(double[] actual, double[] expected) {
    assertThat(actual).hasSameSizeAs(expected);
    double max = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i] - expected[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      max = Math.max(max, d);
    }
    return max;
  }
}
