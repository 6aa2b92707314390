package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code grey} preprocessing step ({@link Grey}) as a plugin. */
public final class GreyPlugin extends StepPlugin {

  @Override
  public String name() {
    return "grey";
  }

  @Override
  public Class<NoSettings> settings() {
    return NoSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    cast(settings, NoSettings.class);
    return new Grey();
  }

  @Override
  public String description() {
    return "0.2989 R + 0.587 G + 0.114 B (torchvision Grayscale); identity on grey";
  }
}
