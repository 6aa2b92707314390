package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code center-crop} preprocessing step ({@link CenterCrop}) as a plugin. */
public final class CenterCropPlugin extends StepPlugin {

  @Override
  public String name() {
    return "center-crop";
  }

  @Override
  public Class<NoSettings> settings() {
    return NoSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    cast(settings, NoSettings.class);
    return new CenterCrop();
  }

  @Override
  public String description() {
    return "largest centred square, as the paper's PIL crop";
  }
}
