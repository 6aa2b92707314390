package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code none} preprocessing step ({@link NoPreprocessing}) as a plugin. */
public final class NoPreprocessingPlugin extends TypedPlugin<ImagePreprocessor, NoSettings> {

  /** Creates the plugin (ServiceLoader). */
  public NoPreprocessingPlugin() {
    super("none", ImagePreprocessor.class, NoSettings.class, "identity: images as read");
  }

  @Override
  protected ImagePreprocessor build(NoSettings settings, PluginContext context) {
    return new NoPreprocessing();
  }
}
