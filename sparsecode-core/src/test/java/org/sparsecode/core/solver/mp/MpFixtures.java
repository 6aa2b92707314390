package org.sparsecode.core.solver.mp;

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

/** Reads the reference fixtures copied under {@code src/test/resources/fixtures}. */
final class MpFixtures {
  private MpFixtures() {}

  static Path path(String name) {
    try {
      var url = MpFixtures.class.getResource("/fixtures/" + name);
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

  /** The first {@code count} kernels of the full dictionary (smaller, faster problems). */
  static Dictionary firstKernels(int count) {
    Dictionary d = fullDictionary();
    int k2 = d.size() * d.size();
    return Dictionary.of(d.size(), count, java.util.Arrays.copyOf(d.kernels(), count * k2));
  }

  static Image camera(int size) {
    NpyArray a = Npy.read(path("img_camera_lcn" + size + ".npy"));
    return Image.grey("camera", a.dim(1), a.dim(0), a.data());
  }

  /** A crop of the 64 × 64 camera image. */
  static Image camera64Crop(int side) {
    Image c = camera(64);
    double[] p = new double[side * side];
    for (int y = 0; y < side; y++) {
      System.arraycopy(c.pixels(), y * 64, p, y * side, side);
    }
    return Image.grey("camera" + side, side, side, p);
  }

  static double[] array(String name) {
    return Npy.read(path(name)).data();
  }

  /** A CSV as rows of doubles, header dropped. */
  static List<double[]> rows(String name) {
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
