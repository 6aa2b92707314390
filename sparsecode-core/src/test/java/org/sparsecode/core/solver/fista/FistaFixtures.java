package org.sparsecode.core.solver.fista;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/** Reads the SPORCO reference fixtures copied under {@code src/test/resources/fixtures}. */
final class FistaFixtures {
  private FistaFixtures() {}

  static Path path(String name) {
    try {
      var url = FistaFixtures.class.getResource("/fixtures/" + name);
      if (url == null) {
        throw new IllegalStateException("missing test fixture " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Dictionary fullDictionary() {
    return DictionaryFiles.read(path("dict_full_D.npy"));
  }

  static Image camera64() {
    NpyArray a = Npy.read(path("img_camera_lcn64.npy"));
    return Image.grey("camera", a.dim(1), a.dim(0), a.data());
  }

  static double[] array(String name) {
    return Npy.read(path(name)).data();
  }

  /** The stats CSV as rows of doubles, header dropped. */
  static List<double[]> stats(String name) {
    try {
      List<String> lines = Files.readAllLines(path(name));
      List<double[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",");
        double[] row = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
          row[i] = Double.parseDouble(cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
