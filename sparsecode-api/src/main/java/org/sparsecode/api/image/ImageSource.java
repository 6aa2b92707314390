package org.sparsecode.api.image;

/**
 * An ordered, finite collection of images, read lazily so that large sets stream from disk.
 *
 * <p>Laws: {@code get(i)} for {@code 0 <= i < size()} returns the same image (equal pixels) every call;
 * images come preprocessed as the source was configured; a file that cannot be read fails with a
 * message naming it.
 */
public interface ImageSource {

  /**
   * Number of images.
   *
   * @return at least 0
   */
  int size();

  /**
   * Reads (and preprocesses) one image.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the image
   * @throws org.sparsecode.api.SparsecodeException naming the file when it cannot be read
   */
  Image get(int index);

  /**
   * The identifier of image {@code index} without reading it.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the image's id
   */
  default String id(int index) {
    return get(index).id();
  }
}
