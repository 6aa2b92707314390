package org.sparsecode.core.data;

import java.util.List;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.core.image.Preprocessing;
import org.sparsecode.core.image.ResizeSettings;

/**
 * The settings every labelled data set shares ({@code train}, {@code test}, {@code seed}, {@code size},
 * {@code preprocess}), checked the same way by each data plugin's settings record.
 */
public final class DataSettings {
  /**
   * The default preprocessing of a labelled data set, the paper's encoding path ({@code deep_learning_dataset}):
   * grey, then the resize to {@code size}, then local contrast normalisation (n = 7). The {@code scale} by 1/255
   * before the resize changes nothing after the normalisation (which is scale-invariant) but makes the resize
   * work on real values, as the paper's (a torch resize of a float tensor), rather than through Pillow's 8-bit
   * path, which rounds to integers.
   */
  public static final List<String> DEFAULT_PREPROCESS = List.of("grey", "scale", "resize", "lcn");
  /** The largest {@code train} or {@code test} count. */
  public static final int MAX_COUNT = 100_000_000;

  private DataSettings() {}

  /**
   * Checks a {@code train} or {@code test} count.
   *
   * @param key the key
   * @param count the count, or {@code null} for every image of the split
   * @return {@code count}
   * @throws ConfigException when it is below 1
   */
  public static Integer count(String key, Integer count) {
    if (count != null && (count < 1 || count > MAX_COUNT)) {
      throw new ConfigException(key, "must be in [1, " + MAX_COUNT + "] images (or left out for every image of"
          + " the split), got " + count);
    }
    return count;
  }

  /**
   * The subset seed.
   *
   * @param seed as given, or {@code null}
   * @return it, or 0: the subsets do not follow the experiment's top-level seed, so that runs with other seeds
   *     (networks trained with seeds 42, 43, ...) see the same images
   */
  public static long seed(Long seed) {
    return seed == null ? 0L : seed;
  }

  /**
   * Checks the {@code size}.
   *
   * @param size as given, or {@code null}
   * @param fallback the default ({@code null} when it depends on the files)
   * @return {@code size}, or the default
   * @throws ConfigException when it is outside [8, 16384]
   */
  public static Integer size(Integer size, Integer fallback) {
    Integer s = size == null ? fallback : size;
    if (s != null) {
      Checks.atLeast("size", s, Preprocessing.MIN_SIZE);
      if (s > ResizeSettings.MAX_SIZE) {
        throw new ConfigException("size", "must be in [" + Preprocessing.MIN_SIZE + ", " + ResizeSettings.MAX_SIZE
            + "] pixels, got " + s);
      }
    }
    return s;
  }

  /**
   * Checks the {@code preprocess} value.
   *
   * @param spec as given, or {@code null}
   * @return it, or {@link #DEFAULT_PREPROCESS}
   */
  public static Object preprocess(Object spec) {
    return spec == null ? DEFAULT_PREPROCESS : Preprocessing.checkSpec(spec);
  }

  /**
   * Checks a path setting.
   *
   * @param key the key
   * @param path the path, required
   * @return it
   * @throws ConfigException when missing or blank
   */
  public static String path(String key, String path) {
    Checks.required(key, path);
    if (path.isBlank()) {
      throw new ConfigException(key, "must name a file or directory, got ''");
    }
    return path;
  }
}
