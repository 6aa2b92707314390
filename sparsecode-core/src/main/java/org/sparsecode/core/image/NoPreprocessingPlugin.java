package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code none} preprocessing step ({@link NoPreprocessing}) as a plugin. */
public final class NoPreprocessingPlugin extends StepPlugin {

  @Override
  public String name() {
    return "none";
  }

  @Override
  public Class<NoSettings> settings() {
    return NoSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    cast(settings, NoSettings.class);
    return new NoPreprocessing();
  }

  @Override
  public String description() {
    return "identity: images as read";
  }
}
