package org.sparsecode.core.data;

import org.sparsecode.api.Setting;
import org.sparsecode.core.image.Preprocessing;

/**
 * Settings of the {@code fashion-mnist} data set: Zalando's Fashion-MNIST (60 000 train and 10 000 test images,
 * 28×28 grey, 10 classes) as the Debian package {@code dataset-fashion-mnist} installs it.
 *
 * @param path the directory holding {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
 *     {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz} (or the same names without
 *     {@code .gz}); default {@value #DEFAULT_PATH}
 * @param train the number of training images, balanced over the classes and drawn by {@code seed}; default
 *     every one, in file order
 * @param test the number of test images, likewise; default every one
 * @param seed the seed of the subsets; default 0 (not the experiment's seed: see {@link DataSettings#seed})
 * @param size the side of the images after preprocessing; default 56, twice the native 28 (the paper codes
 *     CIFAR-10's 32×32 images at 64×64)
 * @param preprocess the per-image preprocessing; default {@link DataSettings#DEFAULT_PREPROCESS} ({@code [grey,
 *     scale, resize, lcn]}); any form of the image sources' {@code preprocess}
 */
public record FashionMnistSettings(String path, Integer train, Integer test, Long seed, Integer size,
    @Setting(form = Preprocessing.FORM) Object preprocess) {
  /** Where {@code dataset-fashion-mnist} installs the files. */
  public static final String DEFAULT_PATH = "/usr/share/datasets/fashion-mnist";
  /** The side of a Fashion-MNIST image. */
  public static final int NATIVE_SIZE = 28;

  /** Fills the defaults and validates. */
  public FashionMnistSettings {
    path = DataSettings.path("path", path == null ? DEFAULT_PATH : path);
    train = DataSettings.count("train", train);
    test = DataSettings.count("test", test);
    seed = DataSettings.seed(seed);
    size = DataSettings.size(size, 2 * NATIVE_SIZE);
    preprocess = DataSettings.preprocess(preprocess);
  }
}
