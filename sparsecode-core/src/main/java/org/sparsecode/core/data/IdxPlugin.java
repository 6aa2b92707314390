package org.sparsecode.core.data;

import java.nio.file.Path;
import java.util.List;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code idx} data set: any pair of IDX files per split ({@link IdxSettings}). */
public final class IdxPlugin extends TypedPlugin<LabelledData, IdxSettings> {

  /** Creates the plugin (ServiceLoader). */
  public IdxPlugin() {
    super("idx", LabelledData.class, IdxSettings.class,
        "labelled images from IDX files (MNIST's format, gzipped or not): a pair per split");
  }

  @Override
  protected LabelledData build(IdxSettings s, PluginContext context) {
    Path trainImages = context.resolve(s.trainImages());
    Path trainLabels = context.resolve(s.trainLabels());
    Path testImages = context.resolve(s.testImages());
    Path testLabels = context.resolve(s.testLabels());
    LoadedData.Raw train = IdxPairs.read(trainImages, trainLabels, "trainImages", "trainLabels");
    LoadedData.Raw test = IdxPairs.read(testImages, testLabels, "testImages", "testLabels");
    List<String> classes = IdxPairs.classes(s.classes(), train, test, "classes", trainLabels, testLabels);
    return LoadedData.naming("testImages", () -> LoadedData.of(train, test, classes, s.train(), s.test(), s.seed(),
        s.size(), s.preprocess(), context));
  }
}
