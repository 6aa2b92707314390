package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code scale} preprocessing step ({@link Scale}) as a plugin. */
public final class ScalePlugin extends TypedPlugin<ImagePreprocessor, ScaleSettings> {

  /** Creates the plugin (ServiceLoader). */
  public ScalePlugin() {
    super("scale", ImagePreprocessor.class, ScaleSettings.class, "multiply by factor (default 1/255)");
  }

  @Override
  protected ImagePreprocessor build(ScaleSettings settings, PluginContext context) {
    return new Scale(settings.factor());
  }
}
