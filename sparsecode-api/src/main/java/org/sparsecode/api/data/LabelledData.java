package org.sparsecode.api.data;

/**
 * A labelled image data set (Fashion-MNIST, CIFAR-10, any IDX pair): the plugin role of a YAML {@code data:}
 * block. Its images feed the encoding stage, whose codes train the downstream classifier.
 *
 * <p>Laws:
 *
 * <ul>
 *   <li>{@link #train()} and {@link #test()} return the same instance at every call, with the same classes
 *       ({@link LabelledImages#classes()});
 *   <li>both are deterministic: the subsets chosen (a number of images per split, balanced over the classes)
 *       depend only on the settings, the seed among them, and on the files, never on the run's thread count
 *       or on the run's top-level seed;
 *   <li>a file that is missing, truncated or corrupt, or that holds fewer images than asked for, fails when
 *       the data set is created (so that {@code validate} reports it), with a message naming the file or the
 *       setting.
 * </ul>
 */
public interface LabelledData {

  /**
   * The training split.
   *
   * @return the images to train on
   */
  LabelledImages train();

  /**
   * The test split.
   *
   * @return the images to test on
   */
  LabelledImages test();

  /**
   * The side of the images as the files store them, before any preprocessing (28 for Fashion-MNIST, 32 for
   * CIFAR-10; the smaller side for images that are not square): the classifier's input side by default.
   *
   * @return the side in pixels, at least 1
   */
  int nativeSize();
}
