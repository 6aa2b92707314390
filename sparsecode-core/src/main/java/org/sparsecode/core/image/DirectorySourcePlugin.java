package org.sparsecode.core.image;

import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.TypedPlugin;

/** The {@code directory} image source ({@link DirectoryImageSource}) as a plugin. */
public final class DirectorySourcePlugin extends TypedPlugin<ImageSource, DirectorySourceSettings> {

  /** Creates the plugin (ServiceLoader). */
  public DirectorySourcePlugin() {
    super("directory", ImageSource.class, DirectorySourceSettings.class,
        "the image files of a directory (png, jpg, tif, bmp, npy), sorted by name");
  }

  @Override
  protected ImageSource build(DirectorySourceSettings s, PluginContext context) {
    DirectoryImageSource source = DirectoryImageSource.open(context, s.path(),
        Preprocessing.build(s.preprocess(), s.size(), context));
    // every header now, so that a bad file stops validate and run before any work
    source.checkHeaders();
    return source;
  }
}
