package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code embedded} image source ({@link EmbeddedImageSource}) as a plugin. */
public final class EmbeddedSourcePlugin extends TypedPlugin<ImageSource, EmbeddedSourceSettings> {

  /** Creates the plugin (ServiceLoader). */
  public EmbeddedSourcePlugin() {
    super("embedded", ImageSource.class, EmbeddedSourceSettings.class,
        "the public-domain/CC0 photographs shipped in the jar (256x256 grey)");
  }

  @Override
  protected ImageSource build(EmbeddedSourceSettings s, PluginContext context) {
    return new EmbeddedImageSource(s.names(), Preprocessing.build(s.preprocess(), s.size(), context));
  }
}
