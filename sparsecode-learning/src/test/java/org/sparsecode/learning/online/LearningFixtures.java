package org.sparsecode.learning.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/** The reference fixtures copied under {@code src/test/resources/fixtures/} (fixtures README §7). */
final class LearningFixtures {
  /** The images of the fixture run, in its order (README §7 table). */
  static final List<String> ORDER = List.of("camera", "coffee", "chelsea", "rocket", "camera");

  private LearningFixtures() {}

  static Path path(String name) {
    URL url = LearningFixtures.class.getResource("/fixtures/" + name);
    assertThat(url).as("fixture %s on the test class path", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Dictionary dictionary(String name) {
    return DictionaryFiles.read(path(name));
  }

  static Image image(String name) {
    NpyArray a = Npy.read(path("img_" + name + "_lcn64.npy"));
    return Image.grey(name, a.dim(1), a.dim(0), a.data());
  }

  /** The five training images of the fixture run, read one at a time (as a streaming source). */
  static ImageSource fixtureImages() {
    return new ImageSource() {
      @Override
      public int size() {
        return ORDER.size();
      }

      @Override
      public Image get(int index) {
        return image(ORDER.get(index));
      }
    };
  }

  /** The rows of {@code cdl64_full_stats.csv} as numbers, header dropped. */
  static double[][] stats() {
    try {
      List<String> lines = Files.readAllLines(path("cdl64_full_stats.csv"));
      double[][] rows = new double[lines.size() - 1][];
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        rows[i - 1] = new double[f.length];
        for (int j = 0; j < f.length; j++) {
          rows[i - 1][j] = Double.parseDouble(f[j]);
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
