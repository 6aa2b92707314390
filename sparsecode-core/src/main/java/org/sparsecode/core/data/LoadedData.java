package org.sparsecode.core.data;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.image.Preprocessing;

/**
 * A labelled data set read into memory: both splits' chosen images (a balanced subset of each, see {@link
 * BalancedSubset}) as raw bytes, preprocessed as they are read from it ({@link LabelledImageSet}).
 */
public final class LoadedData implements LabelledData {
  private final LabelledImageSet train;
  private final LabelledImageSet test;
  private final int nativeSize;

  private LoadedData(LabelledImageSet train, LabelledImageSet test, int nativeSize) {
    this.train = train;
    this.test = test;
    this.nativeSize = nativeSize;
  }

  /**
   * A whole split as read from its files.
   *
   * @param pixels {@code labels.length * channels * height * width} unsigned bytes, planar per image
   * @param labels the class of each image
   * @param channels 1 or 3
   * @param height rows of every image
   * @param width columns of every image
   * @param origin where image {@code i} of the files comes from, for messages ({@code FILE[i]})
   * @param files the files, for messages about the split as a whole
   */
  public record Raw(byte[] pixels, int[] labels, int channels, int height, int width, IntFunction<String> origin,
      String files) {

    /** Checks the sizes. */
    public Raw {
      Objects.requireNonNull(pixels, "pixels");
      Objects.requireNonNull(labels, "labels");
      if ((long) labels.length * channels * height * width != pixels.length) {
        throw new IllegalArgumentException(files + ": " + pixels.length + " bytes for " + labels.length
            + " images of " + channels + "x" + height + "x" + width);
      }
    }
  }

  /**
   * The subsets and their preprocessing.
   *
   * @param train the training split as read
   * @param test the test split as read
   * @param classes the class names; every label must be below their count
   * @param trainCount the {@code train} setting ({@code null}: every image)
   * @param testCount the {@code test} setting
   * @param seed the subsets' seed
   * @param size the {@code size} setting, or {@code null} for twice the images' smaller side
   * @param preprocess the {@code preprocess} setting
   * @param context the run's context (for the preprocessing steps)
   * @return the data set
   * @throws org.sparsecode.api.ConfigException on {@code train}, {@code test} or {@code preprocess}
   * @throws SparsecodeException when the splits' images differ in shape
   */
  public static LoadedData of(Raw train, Raw test, List<String> classes, Integer trainCount, Integer testCount,
      long seed, Integer size, Object preprocess, PluginContext context) {
    if (train.channels() != test.channels() || train.height() != test.height() || train.width() != test.width()) {
      throw new SparsecodeException("the test images (" + test.files() + ") are " + test.channels() + "x"
          + test.height() + "x" + test.width() + " but the training images (" + train.files() + ") are "
          + train.channels() + "x" + train.height() + "x" + train.width() + ": give files of one data set");
    }
    int nativeSize = Math.min(train.height(), train.width());
    int side = DataSettings.size(size, 2 * nativeSize);
    ImagePreprocessor preprocessor = Preprocessing.build(preprocess, side, context);
    SplittableRandom random = new SplittableRandom(seed);
    // one stream per split, split off in a fixed order: the test subset does not depend on the train count
    SplittableRandom trainRandom = random.split();
    SplittableRandom testRandom = random.split();
    int[] trainChosen = BalancedSubset.select(train.labels(), classes, trainCount, trainRandom, "train");
    int[] testChosen = BalancedSubset.select(test.labels(), classes, testCount, testRandom, "test");
    return new LoadedData(subset("train", train, trainChosen, classes, preprocessor),
        subset("test", test, testChosen, classes, preprocessor), nativeSize);
  }

  /**
   * Runs a data set plugin's loading so that a file's error (a {@link SparsecodeException} that is not already a
   * configuration error: a truncated file, splits of different shapes) becomes a configuration error of the key
   * that names the files, as every data set plugin reports it.
   *
   * @param key the setting to name, e.g. {@code path}
   * @param load the loading
   * @param <T> what it returns
   * @return what it returns
   * @throws ConfigException naming {@code key}, or the loading's own configuration error
   */
  static <T> T naming(String key, Supplier<T> load) {
    try {
      return load.get();
    } catch (ConfigException e) {
      throw e;
    } catch (SparsecodeException e) {
      throw new ConfigException(key, e.getMessage());
    }
  }

  private static LabelledImageSet subset(String split, Raw raw, int[] chosen, List<String> classes,
      ImagePreprocessor preprocessor) {
    int n = raw.channels() * raw.height() * raw.width();
    byte[] pixels;
    int[] labels;
    if (chosen.length == raw.labels().length) {
      pixels = raw.pixels();
      labels = raw.labels();
    } else {
      pixels = new byte[chosen.length * n];
      labels = new int[chosen.length];
      for (int i = 0; i < chosen.length; i++) {
        System.arraycopy(raw.pixels(), chosen[i] * n, pixels, i * n, n);
        labels[i] = raw.labels()[chosen[i]];
      }
    }
    return new LabelledImageSet(split, pixels, raw.channels(), raw.height(), raw.width(), labels, chosen, classes,
        preprocessor, raw.origin());
  }

  @Override
  public LabelledImages train() {
    return train;
  }

  @Override
  public LabelledImages test() {
    return test;
  }

  @Override
  public int nativeSize() {
    return nativeSize;
  }

  @Override
  public String toString() {
    return "LoadedData[" + train + ", " + test + "]";
  }
}
