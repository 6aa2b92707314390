package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The paper's coding path, {@code local-contrast} ({@link Preprocessing#localContrast(int)}), as a plugin: the
 * default {@code preprocess:} of the image sources, so that the default is a name {@code sparsecode plugins}
 * lists and that it may also open a list of steps. Its {@code size} (see {@link ResizeSettings}) is the
 * source's {@code size} when left out.
 */
public final class LocalContrastPlugin extends TypedPlugin<ImagePreprocessor, ResizeSettings> {

  /** Creates the plugin (ServiceLoader). */
  public LocalContrastPlugin() {
    super(Preprocessing.LOCAL_CONTRAST, ImagePreprocessor.class, ResizeSettings.class,
        "the paper's coding path and the image sources' default: center-crop, resize to size, grey, "
            + "scale 1/255, lcn n = 7");
  }

  @Override
  protected ImagePreprocessor build(ResizeSettings settings, PluginContext context) {
    return Preprocessing.localContrast(settings.size());
  }
}
