package org.sparsecode.api.data;

import java.util.List;
import org.sparsecode.api.image.ImageSource;

/**
 * One split (train or test) of a labelled data set: an {@link ImageSource} whose every image has a class.
 *
 * <p>Laws, beside those of {@link ImageSource}:
 *
 * <ul>
 *   <li>{@link #label(int)} is in {@code [0, classes().size())} and never changes for an index; it is known
 *       without reading or preprocessing the image;
 *   <li>{@link #get(int)} returns the image preprocessed as the data set was configured, grey, and every
 *       image of a split has the same width and height;
 *   <li>{@link #id(int)} is unique within the split and is known without reading the image;
 *   <li>{@link #digest()} identifies the content as read from the files (every image's raw values and its
 *       label, in the split's order): two splits with equal digests hold the same images with the same labels
 *       in the same order, so that codes computed from one serve the other. It does not cover the
 *       preprocessing, which a cache key must add itself.
 * </ul>
 */
public interface LabelledImages extends ImageSource {

  /**
   * The class of one image.
   *
   * @param index from 0 to {@code size() - 1}
   * @return its class, from 0 to {@code classes().size() - 1}
   */
  int label(int index);

  /**
   * The names of the classes, by class number.
   *
   * @return at least one name; the same list for both splits of a data set
   */
  List<String> classes();

  /**
   * The position of one image in the data set's files, for provenance (which image of the file this is).
   *
   * @param index from 0 to {@code size() - 1}
   * @return its index in the files of its split, from 0; by default {@code index}
   */
  default int sourceIndex(int index) {
    return index;
  }

  /**
   * Every label, in order.
   *
   * @return a new array of {@code size()} labels
   */
  default int[] labels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = label(i);
    }
    return out;
  }

  /**
   * A digest of the split's raw content (see the class comment).
   *
   * @return a lower-case hexadecimal SHA-256
   */
  String digest();
}
