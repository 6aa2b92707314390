package org.sparsecode.core.data;

import org.sparsecode.api.Setting;
import org.sparsecode.core.image.Preprocessing;

/**
 * Settings of the {@code cifar10} data set: CIFAR-10's binary version (50 000 train and 10 000 test images,
 * 32×32 RGB, 10 classes), which is not bundled: {@code cifar-10-binary.tar.gz}, unpacked.
 *
 * @param path the directory holding {@code data_batch_1.bin} ... {@code data_batch_5.bin} (those present are
 *     read, in order; at least one), {@code test_batch.bin} and, optionally, {@code batches.meta.txt} (the class
 *     names); required
 * @param train the number of training images, balanced over the classes and drawn by {@code seed}; default
 *     every one, in file order
 * @param test the number of test images, likewise; default every one
 * @param seed the seed of the subsets; default 0 (not the experiment's seed: see {@link DataSettings#seed})
 * @param size the side of the images after preprocessing; default 64, twice the native 32, as the paper
 * @param preprocess the per-image preprocessing; default {@link DataSettings#DEFAULT_PREPROCESS} ({@code [grey,
 *     scale, resize, lcn]}); any form of the image sources' {@code preprocess}
 */
public record Cifar10Settings(String path, Integer train, Integer test, Long seed, Integer size,
    @Setting(form = Preprocessing.FORM) Object preprocess) {

  /** Fills the defaults and validates. */
  public Cifar10Settings {
    path = DataSettings.path("path", path);
    train = DataSettings.count("train", train);
    test = DataSettings.count("test", test);
    seed = DataSettings.seed(seed);
    size = DataSettings.size(size, 2 * Cifar10Files.SIDE);
    preprocess = DataSettings.preprocess(preprocess);
  }
}
