package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code resize} preprocessing step ({@link Resize}) as a plugin. */
public final class ResizePlugin extends StepPlugin {

  @Override
  public String name() {
    return "resize";
  }

  @Override
  public Class<ResizeSettings> settings() {
    return ResizeSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    return new Resize(cast(settings, ResizeSettings.class).size());
  }

  @Override
  public String description() {
    return "to size x size, Pillow 9.4 BICUBIC (bit-exact on 8-bit images)";
  }
}
