package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * The {@code embedded} image source ({@link EmbeddedImageSource}) as a plugin; with {@code path} set it reads
 * that directory as the {@code directory} source does ({@link DirectoryImageSource}), {@code names} then
 * choosing file stems.
 */
public final class EmbeddedSourcePlugin extends TypedPlugin<ImageSource, EmbeddedSourceSettings> {

  /** Creates the plugin (ServiceLoader). */
  public EmbeddedSourcePlugin() {
    super("embedded", ImageSource.class, EmbeddedSourceSettings.class,
        "the public-domain/CC0 photographs shipped in the jar (256x256 grey); with path: a directory's images");
  }

  @Override
  protected ImageSource build(EmbeddedSourceSettings s, PluginContext context) {
    ImagePreprocessor preprocessor = Preprocessing.build(s.preprocess(), s.size(), context);
    if (s.path() == null) {
      return new EmbeddedImageSource(s.names(), preprocessor);
    }
    DirectoryImageSource directory = DirectoryImageSource.open(context, s.path(), preprocessor);
    DirectoryImageSource chosen = s.names() == null ? directory : directory.select(s.names(), "names");
    // the headers of the chosen files now, so that a bad file stops validate and run before any work
    chosen.checkHeaders();
    return chosen;
  }
}
