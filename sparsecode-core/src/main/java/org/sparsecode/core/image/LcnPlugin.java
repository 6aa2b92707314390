package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;

/** The {@code lcn} preprocessing step ({@link LocalContrastNormalisation}) as a plugin. */
public final class LcnPlugin extends StepPlugin {

  @Override
  public String name() {
    return "lcn";
  }

  @Override
  public Class<LcnSettings> settings() {
    return LcnSettings.class;
  }

  @Override
  public ImagePreprocessor create(Record settings, PluginContext context) {
    return new LocalContrastNormalisation(cast(settings, LcnSettings.class).n());
  }

  @Override
  public String description() {
    return "SPORCO local contrast normalisation, (2n+1)^2 Gaussian window (n = 7)";
  }
}
