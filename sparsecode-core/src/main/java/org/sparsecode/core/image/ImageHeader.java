package org.sparsecode.core.image;

import java.nio.file.Path;

/**
 * What an image file's header says, read without decoding the pixels ({@link ImageFiles#header(Path)}).
 *
 * @param file the file
 * @param format the decoder's format name in lower case ({@code png}, {@code jpeg}, {@code tif}, {@code bmp},
 *     {@code npy}, ...)
 * @param width columns
 * @param height rows
 * @param channels the channels of the image the file reads as: 1 (grey) or 3 (RGB)
 */
public record ImageHeader(Path file, String format, int width, int height, int channels) {

  /**
   * Number of pixels.
   *
   * @return {@code width * height}
   */
  public long pixels() {
    return (long) width * height;
  }
}
