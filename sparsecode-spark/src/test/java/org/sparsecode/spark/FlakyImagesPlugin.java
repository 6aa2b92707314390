package org.sparsecode.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.image.EmbeddedSourcePlugin;
import org.sparsecode.core.image.EmbeddedSourceSettings;
import org.sparsecode.core.plugin.TypedPlugin;

/**
 * {@code test-flaky-embedded}: the embedded images, whose image {@code failAt} fails while the marker file does
 * not exist. With {@code broken: false} (the default) the first read brings down the task (an {@link Error}, as a
 * lost executor or a crashed JVM would, not an exception the unit records) and makes the marker: a transient
 * failure, which Spark's retry must absorb. With {@code broken: true} every read fails with an exception, as a
 * corrupt image would, until the test makes the marker (the image repaired).
 */
public final class FlakyImagesPlugin extends TypedPlugin<ImageSource, FlakyImagesPlugin.Settings> {
  /**
   * The settings.
   *
   * @param size the images' side
   * @param names the embedded images
   * @param failAt the index of the image whose first read fails
   * @param marker the file whose absence makes the image fail
   * @param broken whether the image fails with an exception on every read (until the marker exists)
   */
  public record Settings(Integer size, List<String> names, Integer failAt, String marker, Boolean broken) {}

  /** A failure that no unit records: Spark sees the task fail. */
  static final class TransientFailure extends Error {
    private static final long serialVersionUID = 1L;

    TransientFailure(String message) {
      super(message);
    }
  }

  /** Creates the plugin (ServiceLoader). */
  public FlakyImagesPlugin() {
    super("test-flaky-embedded", ImageSource.class, Settings.class, "embedded images, one of which fails");
  }

  @Override
  protected ImageSource build(Settings s, PluginContext context) {
    ImageSource embedded = new EmbeddedSourcePlugin().create(new EmbeddedSourceSettings(null, s.size(), s.names(),
        null), context);
    Path marker = Path.of(s.marker());
    return new ImageSource() {
      @Override
      public int size() {
        return embedded.size();
      }

      @Override
      public Image get(int index) {
        if (index == s.failAt() && !Files.exists(marker) && Boolean.TRUE.equals(s.broken())) {
          throw new SparsecodeException("image " + index + " (" + embedded.id(index) + "): corrupt data");
        }
        if (index == s.failAt() && !Files.exists(marker)) {
          try {
            Files.createFile(marker);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new TransientFailure("image " + index + ": a transient failure (first read)");
        }
        return embedded.get(index);
      }

      @Override
      public String id(int index) {
        return embedded.id(index);
      }
    };
  }
}
