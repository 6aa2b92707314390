package org.sparsecode.core.image;

import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.image.ImageSource;

/** The {@code directory} image source ({@link DirectoryImageSource}) as a plugin. */
public final class DirectorySourcePlugin implements Plugin<ImageSource> {

  @Override
  public String name() {
    return "directory";
  }

  @Override
  public Class<ImageSource> role() {
    return ImageSource.class;
  }

  @Override
  public Class<DirectorySourceSettings> settings() {
    return DirectorySourceSettings.class;
  }

  @Override
  public ImageSource create(Record settings, PluginContext context) {
    DirectorySourceSettings s = cast(settings, DirectorySourceSettings.class);
    return DirectoryImageSource.open(context.resolve(s.path()),
        Preprocessing.build(s.preprocess(), s.size(), context));
  }

  @Override
  public String description() {
    return "the image files of a directory (png, jpg, tif, bmp, npy), sorted by name";
  }

  private static <S extends Record> S cast(Record settings, Class<S> type) {
    if (!type.isInstance(settings)) {
      throw new IllegalArgumentException("directory expects " + type.getSimpleName() + ", got "
          + (settings == null ? "null" : settings.getClass().getName()));
    }
    return type.cast(settings);
  }
}
