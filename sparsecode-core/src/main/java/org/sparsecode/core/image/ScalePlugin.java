package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code scale} preprocessing step ({@link Scale}) as a plugin. */
public final class ScalePlugin extends StepPlugin {

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public Class<ScaleSettings> settings() {
    return ScaleSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    return new Scale(cast(settings, ScaleSettings.class).factor());
  }

  @Override
  public String description() {
    return "multiply by factor (default 1/255)";
  }
}
