package org.sparsecode.api.image;

import java.util.Objects;

/**
 * An image: planar channels of {@code height × width} double values, row-major ({@code pixels[(c * height
 * + y) * width + x]}, row 0 at the top). Loaded 8-bit images hold values 0–255; the grey and LCN steps
 * produce real values. Doubles keep preprocessing within 1e-12 of the reference; solvers convert to their
 * own precision.
 *
 * <p>The array is not copied: treat it as read-only (preprocessors return new images).
 *
 * @param id the image's name (file name without extension)
 * @param width number of columns, at least 1
 * @param height number of rows, at least 1
 * @param channels 1 (grey) or 3 (RGB)
 * @param pixels {@code channels * height * width} values
 */
public record Image(String id, int width, int height, int channels, double[] pixels) {

  /**
   * Validates the shape.
   *
   * @throws IllegalArgumentException if the array length does not match the shape
   */
  public Image {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(pixels, "pixels");
    if (width < 1 || height < 1 || channels < 1) {
      throw new IllegalArgumentException("image " + id + ": bad shape " + channels + "x" + height + "x" + width);
    }
    if (pixels.length != (long) channels * width * height) {
      throw new IllegalArgumentException("image " + id + ": " + pixels.length + " values for shape "
          + channels + "x" + height + "x" + width);
    }
  }

  /**
   * A grey image.
   *
   * @param id the image's name
   * @param width number of columns
   * @param height number of rows
   * @param pixels {@code height * width} values, row-major
   * @return the image
   */
  public static Image grey(String id, int width, int height, double[] pixels) {
    return new Image(id, width, height, 1, pixels);
  }

  /**
   * The value at a pixel.
   *
   * @param channel the channel
   * @param y the row
   * @param x the column
   * @return the value
   */
  public double get(int channel, int y, int x) {
    return pixels[(channel * height + y) * width + x];
  }

  /**
   * Whether this image has a single channel.
   *
   * @return {@code channels == 1}
   */
  public boolean isGrey() {
    return channels == 1;
  }

  /**
   * Number of values in one channel.
   *
   * @return {@code width * height}
   */
  public int area() {
    return width * height;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image i && i.id.equals(id) && i.width == width && i.height == height
        && i.channels == channels && java.util.Arrays.equals(i.pixels, pixels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, width, height, channels, java.util.Arrays.hashCode(pixels));
  }

  @Override
  public String toString() {
    return "Image[" + id + ", " + channels + "x" + height + "x" + width + "]";
  }
}
