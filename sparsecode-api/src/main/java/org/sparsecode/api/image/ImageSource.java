package org.sparsecode.api.image;

import java.util.List;

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

  /**
   * Images already in memory, in their order: for a plugin that makes its images, or a test.
   *
   * @param images the images (the list is read, not copied)
   * @return a source whose image {@code i} is {@code images.get(i)}
   */
  static ImageSource of(List<Image> images) {
    return new ImageSource() {
      @Override
      public int size() {
        return images.size();
      }

      @Override
      public Image get(int index) {
        return images.get(index);
      }
    };
  }
}
