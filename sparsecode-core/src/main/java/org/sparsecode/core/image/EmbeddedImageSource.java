package org.sparsecode.core.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;

/**
 * The photographs shipped in the jar: public-domain and CC0 images of scikit-image's {@code skimage.data}
 * (camera, coffee, chelsea, astronaut, rocket, hubble_deep_field, brick, grass, gravel), each made into a
 * 256×256 8-bit grey PNG with the paper's steps (centre square crop, Pillow bicubic resize to 256, grey
 * {@code 0.2989 R + 0.587 G + 0.114 B} rounded to uint8). Sources and licences are in the class-path
 * resource {@code org/sparsecode/core/image/embedded/LICENSES}; the order is that of {@code index.txt}
 * there. Images are read from the class path at each {@link #get(int)}.
 */
public final class EmbeddedImageSource implements ImageSource {
  /** The class-path folder of the photographs. */
  public static final String RESOURCE_DIR = "/org/sparsecode/core/image/embedded/";

  private final List<String> names;
  private final ImagePreprocessor preprocessor;

  /**
   * Creates the source.
   *
   * @param names the photographs, each one of {@link #available()}
   * @param preprocessor applied to every image
   * @throws IllegalArgumentException for an unknown name
   */
  public EmbeddedImageSource(List<String> names, ImagePreprocessor preprocessor) {
    List<String> available = available();
    for (String n : names) {
      if (!available.contains(n)) {
        throw new IllegalArgumentException("no embedded image '" + n + "'; available: " + available);
      }
    }
    this.names = List.copyOf(names);
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
  }

  /**
   * The names of the shipped photographs, in index order.
   *
   * @return the names (file names without {@code .png})
   */
  public static List<String> available() {
    try (InputStream in = EmbeddedImageSource.class.getResourceAsStream(RESOURCE_DIR + "index.txt")) {
      if (in == null) {
        throw new SparsecodeException("the embedded image index " + RESOURCE_DIR + "index.txt is missing from the"
            + " class path");
      }
      List<String> out = new ArrayList<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          out.add(name);
        }
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one photograph as stored (256×256, one channel, 0–255), without preprocessing.
   *
   * @param name one of {@link #available()}
   * @return the image, id = name
   */
  public static Image raw(String name) {
    String resource = RESOURCE_DIR + name + ".png";
    try (InputStream in = EmbeddedImageSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SparsecodeException("embedded image " + resource + " is missing from the class path");
      }
      return ImageFiles.read(in, resource, name);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read embedded image " + resource + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int size() {
    return names.size();
  }

  /**
   * Reads and preprocesses photograph {@code index}, checking it after each step ({@link ImageChecks#prepare}).
   *
   * @throws SparsecodeException naming the photograph and the step when preprocessing makes it constant or
   *     not finite
   */
  @Override
  public Image get(int index) {
    String name = names.get(index);
    return ImageChecks.prepare(raw(name), preprocessor, "embedded:" + name);
  }

  @Override
  public String id(int index) {
    return names.get(index);
  }

  /**
   * The photographs, in order.
   *
   * @return their names
   */
  public List<String> names() {
    return names;
  }

  @Override
  public String toString() {
    return "embedded " + names + " (preprocess " + preprocessor + ")";
  }
}
