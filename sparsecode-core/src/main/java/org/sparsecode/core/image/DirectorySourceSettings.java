package org.sparsecode.core.image;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.Setting;
import org.sparsecode.api.image.ImagePreprocessor;

/**
 * Settings of the {@code directory} image source.
 *
 * @param path the directory holding the images (PNG, JPEG, TIFF, BMP, {@code .npy}); relative paths are
 *     resolved against the configuration file's directory; required
 * @param preprocess how images are prepared: {@code local-contrast} (default: centre crop, bicubic resize
 *     to {@code size}, grey, {@code / 255}, LCN n = 7, as the paper), {@code none}, or a list of steps
 *     (see {@link Preprocessing})
 * @param size the side in pixels of the square images produced by {@code local-contrast} and by steps
 *     that leave their {@code size} out, at least 8; default 256 ({@link Preprocessing#DEFAULT_SIZE})
 */
public record DirectorySourceSettings(String path,
    @PluginBlock(value = ImagePreprocessor.class, byName = true, list = true, inherit = "size")
    @Setting(form = Preprocessing.FORM) Object preprocess, Integer size) {

  /** Fills the defaults and validates. */
  public DirectorySourceSettings {
    Checks.required("path", path);
    if (path.isBlank()) {
      throw new ConfigException("path", "must name a directory, got ''");
    }
    preprocess = Preprocessing.checkSpec(preprocess);
    if (size == null) {
      size = Preprocessing.DEFAULT_SIZE;
    }
    Checks.atLeast("size", size, Preprocessing.MIN_SIZE);
    if (size > ResizeSettings.MAX_SIZE) {
      throw new ConfigException("size", "must be in [" + Preprocessing.MIN_SIZE + ", " + ResizeSettings.MAX_SIZE
          + "] pixels, got " + size);
    }
  }
}
