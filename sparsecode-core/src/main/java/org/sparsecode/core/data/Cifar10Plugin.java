package org.sparsecode.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code cifar10} data set: CIFAR-10's binary batches ({@link Cifar10Settings}, {@link Cifar10Files}). */
public final class Cifar10Plugin extends TypedPlugin<LabelledData, Cifar10Settings> {

  /** Creates the plugin (ServiceLoader). */
  public Cifar10Plugin() {
    super("cifar10", LabelledData.class, Cifar10Settings.class,
        "CIFAR-10's binary batches (32x32 RGB, 10 classes; not bundled: cifar-10-binary.tar.gz, unpacked)");
  }

  @Override
  protected LabelledData build(Cifar10Settings s, PluginContext context) {
    Path dir = context.resolve(s.path());
    if (!Files.isDirectory(dir)) {
      throw new ConfigException("path", "CIFAR-10 directory " + dir.toAbsolutePath() + (Files.exists(dir)
          ? " is a file, not a directory" : " does not exist") + "; give the directory of the binary version's"
          + " batches (cifar-10-batches-bin/ of cifar-10-binary.tar.gz)");
    }
    List<Path> trainFiles = new ArrayList<>();
    for (String name : Cifar10Files.TRAIN_FILES) {
      Path f = dir.resolve(name);
      if (Files.exists(f)) {
        trainFiles.add(f);
      }
    }
    if (trainFiles.isEmpty()) {
      throw new ConfigException("path", dir.toAbsolutePath() + " holds no CIFAR-10 training batch ("
          + String.join(", ", Cifar10Files.TRAIN_FILES) + "); give the directory of the binary version's batches"
          + " (cifar-10-batches-bin/ of cifar-10-binary.tar.gz)");
    }
    Path testFile = dir.resolve(Cifar10Files.TEST_FILE);
    if (!Files.exists(testFile)) {
      throw new ConfigException("path", dir.toAbsolutePath() + " holds no CIFAR-10 test batch ("
          + Cifar10Files.TEST_FILE + ")");
    }
    return LoadedData.naming("path", () -> {
      List<String> classes = Cifar10Files.classNames(dir);
      LoadedData.Raw train = raw(Cifar10Files.read(trainFiles, classes.size()), trainFiles);
      LoadedData.Raw test = raw(Cifar10Files.read(List.of(testFile), classes.size()), List.of(testFile));
      return LoadedData.of(train, test, classes, s.train(), s.test(), s.seed(), s.size(), s.preprocess(), context);
    });
  }

  private static LoadedData.Raw raw(Cifar10Files.Batch b, List<Path> files) {
    return new LoadedData.Raw(b.images(), b.labels(), 3, Cifar10Files.SIDE, Cifar10Files.SIDE,
        i -> b.files().get(i) + "[" + b.offsets()[i] + "]", files.size() == 1 ? files.get(0).toString()
        : files.get(0).getParent() + "/data_batch_*.bin");
  }
}
