package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code grey} preprocessing step ({@link Grey}) as a plugin. */
public final class GreyPlugin extends TypedPlugin<ImagePreprocessor, NoSettings> {

  /** Creates the plugin (ServiceLoader). */
  public GreyPlugin() {
    super("grey", ImagePreprocessor.class, NoSettings.class,
        "0.2989 R + 0.587 G + 0.114 B (torchvision Grayscale); identity on grey");
  }

  @Override
  protected ImagePreprocessor build(NoSettings settings, PluginContext context) {
    return new Grey();
  }
}
