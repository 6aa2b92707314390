package org.sparsecode.core.image;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.Setting;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Settings of the {@code embedded} image source: the public-domain / CC0 photographs shipped in the jar
 * (256×256 grey, see {@link EmbeddedImageSource}), or, when {@code path} is given, the images of a directory.
 *
 * <p>{@code path} exists so that one experiment file serves any image set: a study written for the embedded
 * photographs runs unchanged on a directory of one's own with {@code --set images.path=DIR}, without
 * rewriting its {@code images:} block into a {@code directory} source.
 *
 * @param preprocess how images are prepared: {@code local-contrast} (default), {@code none}, or a list of
 *     steps (see {@link Preprocessing})
 * @param size the side in pixels of the images produced by {@code local-contrast} and by steps that leave
 *     their {@code size} out, at least 8; default 256 ({@link Preprocessing#DEFAULT_SIZE})
 * @param names without {@code path}: the photographs to use, in this order, each one of
 *     {@link EmbeddedImageSource#available()}, without repetition; default all of them in the index order.
 *     With {@code path}: the file stems (file names without extension) to use, in this order, each present
 *     in the directory (checked when the source is built), without repetition; default ({@code null})
 *     every image file of the directory, sorted by name
 * @param path optional; when set, the images are read from this directory exactly as the {@code directory}
 *     source reads them ({@link DirectoryImageSource}: PNG, JPEG, TIFF, BMP, {@code .npy}, other files
 *     such as {@code CREDITS.md} or {@code LICENSES} ignored; same {@code preprocess} and {@code size}),
 *     instead of from the jar. A relative path is resolved against the configuration file's directory
 *     ({@code PluginContext.baseDirectory}); an absolute path is safest on the command line. Default
 *     none (the embedded photographs)
 */
public record EmbeddedSourceSettings(
    @PluginBlock(value = ImagePreprocessor.class, byName = true, list = true, inherit = "size")
    @Setting(form = Preprocessing.FORM) Object preprocess, Integer size, List<String> names, String path) {

  /** Fills the defaults and validates. */
  public EmbeddedSourceSettings {
    preprocess = Preprocessing.checkSpec(preprocess);
    if (size == null) {
      size = Preprocessing.DEFAULT_SIZE;
    }
    Checks.atLeast("size", size, Preprocessing.MIN_SIZE);
    if (size > ResizeSettings.MAX_SIZE) {
      throw new ConfigException("size", "must be in [" + Preprocessing.MIN_SIZE + ", " + ResizeSettings.MAX_SIZE
          + "] pixels, got " + size);
    }
    if (path != null && path.isBlank()) {
      throw new ConfigException("path", "must name a directory of images, got '" + path + "'");
    }
    if (path == null) {
      names = checkEmbeddedNames(names);
    } else if (names != null) {
      names = checkStems(names);
    }
  }

  /**
   * Settings for the shipped photographs.
   *
   * @param preprocess see {@link #preprocess()}
   * @param size see {@link #size()}
   * @param names see {@link #names()}
   */
  public EmbeddedSourceSettings(Object preprocess, Integer size, List<String> names) {
    this(preprocess, size, names, null);
  }

  private static List<String> checkEmbeddedNames(List<String> names) {
    List<String> available = EmbeddedImageSource.available();
    if (names == null) {
      return available;
    }
    if (names.isEmpty()) {
      throw new ConfigException("names", "must name at least one image; available: " + available);
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || !available.contains(name)) {
        throw new ConfigException("names[" + i + "]", "no embedded image '" + name + "'; available: " + available);
      }
      if (!seen.add(name)) {
        throw new ConfigException("names[" + i + "]", "'" + name + "' is listed twice");
      }
    }
    return List.copyOf(names);
  }

  private static List<String> checkStems(List<String> names) {
    if (names.isEmpty()) {
      throw new ConfigException("names", "must name at least one image file stem, or be left out to use every"
          + " image of 'path'");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        throw new ConfigException("names[" + i + "]", "must be a file name without extension, got '" + name + "'");
      }
      if (!seen.add(name)) {
        throw new ConfigException("names[" + i + "]", "'" + name + "' is listed twice");
      }
    }
    return List.copyOf(names);
  }
}
