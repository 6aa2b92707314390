package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.NoSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code center-crop} preprocessing step ({@link CenterCrop}) as a plugin. */
public final class CenterCropPlugin extends TypedPlugin<ImagePreprocessor, NoSettings> {

  /** Creates the plugin (ServiceLoader). */
  public CenterCropPlugin() {
    super("center-crop", ImagePreprocessor.class, NoSettings.class, "largest centred square, as the paper's PIL crop");
  }

  @Override
  protected ImagePreprocessor build(NoSettings settings, PluginContext context) {
    return new CenterCrop();
  }
}
