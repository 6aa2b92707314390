package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code circular-mask} preprocessing step ({@link CircularMask}) as a plugin. */
public final class CircularMaskPlugin extends TypedPlugin<ImagePreprocessor, CircularMaskSettings> {

  /** Creates the plugin (ServiceLoader). */
  public CircularMaskPlugin() {
    super("circular-mask", ImagePreprocessor.class, CircularMaskSettings.class,
        "SLIP spatial mask: ((cos(pi R) + 1)/2 [R < 1])^(1/exponent), exponent 3; corners 0");
  }

  @Override
  protected ImagePreprocessor build(CircularMaskSettings settings, PluginContext context) {
    return new CircularMask(settings.exponent());
  }
}
