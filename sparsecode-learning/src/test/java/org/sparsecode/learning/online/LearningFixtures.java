package org.sparsecode.learning.online;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.learning.TestFixtures;

/** The reference fixtures copied under {@code src/test/resources/fixtures/} (fixtures README §7). */
final class LearningFixtures {
  /** The images of the fixture run, in its order (README §7 table). */
  static final List<String> ORDER = List.of("camera", "coffee", "chelsea", "rocket", "camera");

  private LearningFixtures() {}

  static Image image(String name) {
    NpyArray a = Npy.read(TestFixtures.path("img_" + name + "_lcn64.npy"));
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
      List<String> lines = Files.readAllLines(TestFixtures.path("cdl64_full_stats.csv"));
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
