package org.sparsecode.core.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntFunction;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.image.ImageChecks;

/**
 * One split of a labelled data set held in memory as read: 8-bit images (planar channels, row-major, one after
 * the other) and their labels. {@link #get(int)} turns an image into values 0–255 and preprocesses it, checking it
 * after each step ({@link ImageChecks#prepare}); nothing else is cached, so that a split costs its raw bytes.
 */
public final class LabelledImageSet implements LabelledImages {
  private final String split;
  private final byte[] pixels;
  private final int channels;
  private final int height;
  private final int width;
  private final int[] labels;
  private final int[] sources;
  private final List<String> classes;
  private final ImagePreprocessor preprocessor;
  private final IntFunction<String> origin;
  private final String digest;

  /**
   * Creates the split.
   *
   * @param split {@code train} or {@code test}: the prefix of the images' ids ({@code train-00042})
   * @param pixels {@code labels.length * channels * height * width} bytes, unsigned, planar per image
   * @param channels 1 (grey) or 3 (RGB)
   * @param height rows of every image
   * @param width columns of every image
   * @param labels the class of each image
   * @param sources each image's index in the split's files
   * @param classes the class names
   * @param preprocessor the preprocessing {@link #get(int)} applies
   * @param origin where image {@code i} comes from, for messages ({@code FILE[index]})
   * @throws IllegalArgumentException when the sizes disagree or a label is out of range
   */
  public LabelledImageSet(String split, byte[] pixels, int channels, int height, int width, int[] labels,
      int[] sources, List<String> classes, ImagePreprocessor preprocessor, IntFunction<String> origin) {
    this.split = Objects.requireNonNull(split, "split");
    this.pixels = Objects.requireNonNull(pixels, "pixels");
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.labels = labels.clone();
    this.sources = sources.clone();
    this.classes = List.copyOf(classes);
    this.preprocessor = Objects.requireNonNull(preprocessor, "preprocessor");
    this.origin = Objects.requireNonNull(origin, "origin");
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected || sources.length != labels.length) {
      throw new IllegalArgumentException(split + ": " + pixels.length + " bytes and " + sources.length
          + " sources for " + labels.length + " images of " + channels + "x" + height + "x" + width);
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes.size()) {
        throw new IllegalArgumentException(split + ": image " + i + " has label " + labels[i] + " of "
            + classes.size() + " classes");
      }
    }
    this.digest = computeDigest();
  }

  @Override
  public int size() {
    return labels.length;
  }

  @Override
  public Image get(int index) {
    return ImageChecks.prepare(raw(index), preprocessor, origin.apply(sources[index]));
  }

  /**
   * Image {@code index} as read, values 0–255, before preprocessing.
   *
   * @param index from 0 to {@code size() - 1}
   * @return the image
   */
  public Image raw(int index) {
    int n = channels * height * width;
    double[] px = new double[n];
    int offset = index * n;
    for (int i = 0; i < n; i++) {
      px[i] = pixels[offset + i] & 0xFF;
    }
    return new Image(id(index), width, height, channels, px);
  }

  @Override
  public String id(int index) {
    Objects.checkIndex(index, labels.length);
    return String.format(Locale.ROOT, "%s-%05d", split, sources[index]);
  }

  @Override
  public int label(int index) {
    return labels[index];
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public int sourceIndex(int index) {
    return sources[index];
  }

  @Override
  public String digest() {
    return digest;
  }

  /** SHA-256 of the shape, the class names, then each image's label byte and raw bytes, in order. */
  private String computeDigest() {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    md.update((channels + "x" + height + "x" + width + ":" + String.join(",", classes) + "\n")
        .getBytes(StandardCharsets.UTF_8));
    int n = channels * height * width;
    for (int i = 0; i < labels.length; i++) {
      md.update((byte) labels[i]);
      md.update(pixels, i * n, n);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  @Override
  public String toString() {
    return split + "[" + labels.length + " images " + channels + "x" + height + "x" + width + ", " + classes.size()
        + " classes]";
  }
}
