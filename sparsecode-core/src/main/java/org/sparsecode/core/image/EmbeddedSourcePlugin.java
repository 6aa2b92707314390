package org.sparsecode.core.image;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;

/** The {@code embedded} image source ({@link EmbeddedImageSource}) as a plugin. */
public final class EmbeddedSourcePlugin implements Plugin<ImageSource> {

  @Override
  public String name() {
    return "embedded";
  }

  @Override
  public Class<ImageSource> role() {
    return ImageSource.class;
  }

  @Override
  public Class<EmbeddedSourceSettings> settings() {
    return EmbeddedSourceSettings.class;
  }

  @Override
  public ImageSource create(Record settings, PluginContext context) {
    EmbeddedSourceSettings s = cast(settings, EmbeddedSourceSettings.class);
    return new EmbeddedImageSource(s.names(), Preprocessing.build(s.preprocess(), s.size(), context));
  }

  @Override
  public String description() {
    return "the public-domain/CC0 photographs shipped in the jar (256x256 grey)";
  }

  private static <S extends Record> S cast(Record settings, Class<S> type) {
    if (!type.isInstance(settings)) {
      throw new IllegalArgumentException("embedded expects " + type.getSimpleName() + ", got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return type.cast(settings);
  }
}
