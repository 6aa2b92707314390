package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code lcn} preprocessing step ({@link LocalContrastNormalisation}) as a plugin. */
public final class LcnPlugin extends TypedPlugin<ImagePreprocessor, LcnSettings> {

  /** Creates the plugin (ServiceLoader). */
  public LcnPlugin() {
    super("lcn", ImagePreprocessor.class, LcnSettings.class,
        "SPORCO local contrast normalisation, (2n+1)^2 Gaussian window (n = 7)");
  }

  @Override
  protected ImagePreprocessor build(LcnSettings settings, PluginContext context) {
    return new LocalContrastNormalisation(settings.n());
  }
}
