package org.sparsecode.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code fashion-mnist} data set ({@link FashionMnistSettings}): the four IDX files of Fashion-MNIST, as the
 * Debian package {@code dataset-fashion-mnist} installs them ({@code scripts/install-fashion-mnist.sh}).
 */
public final class FashionMnistPlugin extends TypedPlugin<LabelledData, FashionMnistSettings> {
  /** Fashion-MNIST's classes, by label. */
  public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  /** The files' names without {@code .gz}: train images, train labels, test images, test labels. */
  public static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

  /** Creates the plugin (ServiceLoader). */
  public FashionMnistPlugin() {
    super("fashion-mnist", LabelledData.class, FashionMnistSettings.class,
        "Zalando's Fashion-MNIST (28x28 grey, 10 classes; Debian package dataset-fashion-mnist)");
  }

  @Override
  protected LabelledData build(FashionMnistSettings s, PluginContext context) {
    Path dir = context.resolve(s.path());
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("path", "Fashion-MNIST not found: " + dir.toAbsolutePath() + (Files.exists(dir)
          ? " is a file, not a directory" : " does not exist") + "; install it with scripts/install-fashion-mnist.sh"
          + " (the Debian package dataset-fashion-mnist) or set data.path to a directory holding "
          + String.join(", ", FILES) + " (.gz or not)");
    }
    Path[] files = new Path[FILES.size()];
    for (int i = 0; i < files.length; i++) {
      files[i] = find(dir, FILES.get(i));
    }
    LoadedData.Raw train = IdxPairs.read(files[0], files[1], "path", "path");
    LoadedData.Raw test = IdxPairs.read(files[2], files[3], "path", "path");
    List<String> classes = IdxPairs.classes(CLASSES, train, test, "path", files[1], files[3]);
    return LoadedData.naming("path", () -> LoadedData.of(train, test, classes, s.train(), s.test(), s.seed(),
        s.size(), s.preprocess(), context));
  }

  /** The gzipped file, else the plain one. */
  private static Path find(Path dir, String name) {
    Path gz = dir.resolve(name + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    Path plain = dir.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    throw new ConfigException("path", "Fashion-MNIST file " + name + ".gz (or " + name + ") not found in "
        + dir.toAbsolutePath() + "; install the data with scripts/install-fashion-mnist.sh (the Debian package"
        + " dataset-fashion-mnist) or set data.path");
  }
}
