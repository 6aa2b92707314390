package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code whiten} preprocessing step ({@link OlshausenWhitening}) as a plugin. */
public final class WhitenPlugin extends TypedPlugin<ImagePreprocessor, WhitenSettings> {

  /** Creates the plugin (ServiceLoader). */
  public WhitenPlugin() {
    super("whiten", ImagePreprocessor.class, WhitenSettings.class,
        "SLIP Olshausen whitening: K = P^-1/2 exp(-(f/f0)^steepness), P = f^-2alpha (alpha 1.4, f0 0.4, "
            + "steepness 4)");
  }

  @Override
  protected ImagePreprocessor build(WhitenSettings settings, PluginContext context) {
    return new OlshausenWhitening(settings);
  }
}
