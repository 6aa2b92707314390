package org.sparsecode.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.SparsecodeException;

/**
 * Reads a split from a pair of IDX files (images and labels) and checks that they agree.
 */
final class IdxPairs {
  private IdxPairs() {}

  /**
   * The labels of a labels file, checked against the images file's count.
   *
   * @param images the images file
   * @param labels the labels file
   * @param imagesKey the setting that names the images file, for messages
   * @param labelsKey the setting that names the labels file
   * @return the split as read
   * @throws ConfigException on the key of the file at fault
   */
  static LoadedData.Raw read(Path images, Path labels, String imagesKey, String labelsKey) {
    IdxFiles.Idx l = read(labels, labelsKey, true);
    IdxFiles.Idx i = read(images, imagesKey, false);
    if (i.count() != l.count()) {
      throw new ConfigException(labelsKey, labels + " holds " + l.count() + " labels but " + images + " holds "
          + i.count() + " images: give the labels file of those images");
    }
    int[] values = new int[l.count()];
    for (int k = 0; k < values.length; k++) {
      values[k] = l.data()[k] & 0xFF;
    }
    String name = images.toString();
    return new LoadedData.Raw(i.data(), values, 1, i.dims()[1], i.dims()[2], k -> name + "[" + k + "]",
        images + " and " + labels);
  }

  private static IdxFiles.Idx read(Path file, String key, boolean labels) {
    if (!Files.exists(file)) {
      throw new ConfigException(key, file.toAbsolutePath() + " does not exist");
    }
    try {
      return labels ? IdxFiles.readLabels(file) : IdxFiles.readImages(file);
    } catch (SparsecodeException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  /**
   * Checks the labels of both splits against the class names.
   *
   * @param classes the names, or {@code null} for {@code "0"} to the largest label
   * @param train the training split
   * @param test the test split
   * @param key the setting of the names, for messages
   * @param trainFile the training labels file, for messages
   * @param testFile the test labels file, for messages
   * @return the names
   * @throws ConfigException on {@code key} when a label has no name
   */
  static List<String> classes(List<String> classes, LoadedData.Raw train, LoadedData.Raw test, String key,
      Path trainFile, Path testFile) {
    int most = -1;
    Path where = null;
    for (int v : train.labels()) {
      if (v > most) {
        most = v;
        where = trainFile;
      }
    }
    for (int v : test.labels()) {
      if (v > most) {
        most = v;
        where = testFile;
      }
    }
    if (classes == null) {
      List<String> names = new ArrayList<>();
      for (int c = 0; c <= Math.max(0, most); c++) {
        names.add(Integer.toString(c));
      }
      return List.copyOf(names);
    }
    if (most >= classes.size()) {
      throw new ConfigException(key, "names " + classes.size() + " classes but " + where + " holds label " + most
          + ": name every class (labels 0-" + most + ")");
    }
    return classes;
  }
}
