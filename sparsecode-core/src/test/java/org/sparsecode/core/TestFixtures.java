package org.sparsecode.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/**
 * Reads the reference fixtures copied under {@code src/test/resources/fixtures} (the SPORCO runs, the paper's
 * dictionaries and images, see the fixtures README), shared by the solver and kernel tests.
 */
public final class TestFixtures {
  private TestFixtures() {}

  /** The file of fixture {@code name} on the test class path; fails if it was not copied there. */
  public static Path path(String name) {
    try {
      var url = TestFixtures.class.getResource("/fixtures/" + name);
      if (url == null) {
        throw new IllegalStateException("missing test fixture " + name);
      }
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The paper's heterogeneous log-Gabor dictionary, 144 kernels of 12 × 12, peak 1. */
  public static Dictionary fullDictionary() {
    return DictionaryFiles.read(path("dict_full_D.npy"));
  }

  /** The LCN'd camera image, {@code size × size} (64 or 256). */
  public static Image camera(int size) {
    NpyArray a = Npy.read(path("img_camera_lcn" + size + ".npy"));
    return Image.grey("camera", a.dim(1), a.dim(0), a.data());
  }

  /** A whole {@code .npy} fixture, shape and data. */
  public static NpyArray npy(String name) {
    return Npy.read(path(name));
  }

  /** The data of a {@code .npy} fixture, flattened in C order. */
  public static double[] array(String name) {
    return npy(name).data();
  }

  /** The lines of a text fixture. */
  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric CSV (e.g. a stats CSV: Iter, ObjFun, DFid, RegL1, ...) as rows of doubles, header dropped. */
  public static List<double[]> csvRows(String name) {
    List<String> lines = lines(name);
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
  }

  /** A top-level numeric value of a fixture JSON. */
  public static double jsonNumber(String name, String key) {
    try {
      String text = Files.readString(path(name));
      Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*([-+0-9.eE]+)").matcher(text);
      if (!m.find()) {
        throw new IllegalStateException(name + " has no numeric key " + key);
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
