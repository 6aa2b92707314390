package org.sparsecode.core.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;
import org.sparsecode.core.image.Preprocessing;

/**
 * Settings of the {@code idx} data set: any pair of IDX images and labels files per split (MNIST's format),
 * gzipped or not. Relative paths resolve against the experiment file's directory.
 *
 * @param trainImages the training images file (count × rows × columns unsigned bytes); required
 * @param trainLabels the training labels file (count unsigned bytes); required
 * @param testImages the test images file; required
 * @param testLabels the test labels file; required
 * @param classes the class names, by label; default {@code "0"}, {@code "1"}, ... up to the largest label of
 *     either split
 * @param train the number of training images, balanced over the classes and drawn by {@code seed}; default
 *     every one, in file order
 * @param test the number of test images, likewise; default every one
 * @param seed the seed of the subsets; default 0 (not the experiment's seed: see {@link DataSettings#seed})
 * @param size the side of the images after preprocessing; default twice the files' (smaller) side
 * @param preprocess the per-image preprocessing; default {@link DataSettings#DEFAULT_PREPROCESS} ({@code [grey,
 *     scale, resize, lcn]}); any form of the image sources' {@code preprocess}
 */
public record IdxSettings(String trainImages, String trainLabels, String testImages, String testLabels,
    List<String> classes, Integer train, Integer test, Long seed, Integer size,
    @Setting(form = Preprocessing.FORM) Object preprocess) {

  /** Fills the defaults and validates. */
  public IdxSettings {
    trainImages = DataSettings.path("trainImages", trainImages);
    trainLabels = DataSettings.path("trainLabels", trainLabels);
    testImages = DataSettings.path("testImages", testImages);
    testLabels = DataSettings.path("testLabels", testLabels);
    if (classes != null) {
      if (classes.isEmpty() || classes.size() > 256) {
        throw new ConfigException("classes", "must list 1 to 256 class names (a label is one byte), got "
            + classes.size());
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < classes.size(); i++) {
        String c = classes.get(i);
        if (c == null || c.isBlank()) {
          throw new ConfigException("classes[" + i + "]", "must be a name, got '" + c + "'");
        }
        if (!seen.add(c)) {
          throw new ConfigException("classes[" + i + "]", "'" + c + "' is listed twice");
        }
      }
      classes = List.copyOf(classes);
    }
    train = DataSettings.count("train", train);
    test = DataSettings.count("test", test);
    seed = DataSettings.seed(seed);
    size = DataSettings.size(size, null);
    preprocess = DataSettings.preprocess(preprocess);
  }
}
