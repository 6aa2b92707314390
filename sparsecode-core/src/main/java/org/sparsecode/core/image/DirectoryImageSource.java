package org.sparsecode.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.io.IoErrors;

/**
 * The image files of one directory ({@link ImageFiles#EXTENSIONS}, case-insensitive; not recursive, hidden
 * files skipped), sorted by file name. Files with other extensions or none are skipped, so a directory may
 * carry its {@code CREDITS.md}, {@code LICENSES} or notes next to the photographs. The directory is listed
 * once, when the source is opened; each {@link #get(int)} reads and preprocesses its file afresh, so large
 * sets stream from disk. The id of an image is its file name without extension.
 */
public final class DirectoryImageSource implements ImageSource {
  private final Path directory;
  private final List<Path> files;
  private final ImagePreprocessor preprocessor;

  private DirectoryImageSource(Path directory, List<Path> files, ImagePreprocessor preprocessor) {
    this.directory = directory;
    this.files = List.copyOf(files);
    this.preprocessor = preprocessor;
  }

  /**
   * Lists a directory.
   *
   * @param directory the directory
   * @param preprocessor applied to every image read
   * @return the source
   * @throws ConfigException on key {@code path} when the directory is missing, is a file, holds no image
   *     file, or holds two files with the same id ({@code a.png} and {@code a.jpg})
   */
  public static DirectoryImageSource open(Path directory, ImagePreprocessor preprocessor) {
    Objects.requireNonNull(preprocessor, "preprocessor");
    if (!Files.exists(directory)) {
      throw new ConfigException("path", "image directory " + directory.toAbsolutePath() + " does not exist");
    }
    if (!Files.isDirectory(directory)) {
      throw new ConfigException("path", directory.toAbsolutePath() + " is a file, not a directory of images");
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> listing = Files.list(directory)) {
      listing.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .filter(ImageFiles::isSupported)
          .forEach(found::add);
    } catch (IOException e) {
      throw new ConfigException("path", "cannot list image directory " + directory.toAbsolutePath() + ": "
          + IoErrors.describe(e));
    }
    if (found.isEmpty()) {
      throw new ConfigException("path", "image directory " + directory.toAbsolutePath()
          + " holds no image file (extensions " + String.join(", ", ImageFiles.EXTENSIONS) + ")");
    }
    found.sort(Comparator.comparing(p -> p.getFileName().toString()));
    Map<String, Path> ids = new HashMap<>();
    for (Path p : found) {
      Path other = ids.put(ImageFiles.id(p), p);
      if (other != null) {
        throw new ConfigException("path", "image directory " + directory.toAbsolutePath() + " holds "
            + other.getFileName() + " and " + p.getFileName() + ", which would both be image '"
            + ImageFiles.id(p) + "'");
      }
    }
    return new DirectoryImageSource(directory, found, preprocessor);
  }

  /**
   * The images with the given ids (file names without extension), in the given order.
   *
   * @param ids the ids, each one of this source's, without repetition
   * @param key the configuration key the ids come from, for errors (e.g. {@code names})
   * @return a source over those files, with the same preprocessing
   * @throws ConfigException on {@code key[i]} for an id that is not in the directory, naming the ids there
   */
  public DirectoryImageSource select(List<String> ids, String key) {
    Map<String, Path> byId = new LinkedHashMap<>();
    for (Path p : files) {
      byId.put(ImageFiles.id(p), p);
    }
    List<Path> chosen = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Path p = byId.get(ids.get(i));
      if (p == null) {
        throw new ConfigException(key + "[" + i + "]", "no image '" + ids.get(i) + "' in directory "
            + directory.toAbsolutePath() + "; available: " + byId.keySet());
      }
      chosen.add(p);
    }
    return new DirectoryImageSource(directory, chosen, preprocessor);
  }

  /**
   * Lists the directory a configuration names, resolved as {@link PluginContext#resolve(String)} does.
   *
   * @param context gives the directory relative paths are resolved against
   * @param path the directory as written in the configuration (key {@code path})
   * @param preprocessor applied to every image read
   * @return the source
   * @throws ConfigException as {@link #open(Path, ImagePreprocessor)}; for a relative path that does not
   *     exist the message says which directory it was resolved against
   */
  public static DirectoryImageSource open(PluginContext context, String path, ImagePreprocessor preprocessor) {
    Path resolved = context.resolve(path);
    if (!Path.of(path).isAbsolute() && !Files.exists(resolved)) {
      throw new ConfigException("path", "image directory " + resolved.toAbsolutePath() + " does not exist ('"
          + path + "' is resolved against the configuration file's directory "
          + context.baseDirectory().toAbsolutePath() + "; on the command line give an absolute path)");
    }
    return open(resolved, preprocessor);
  }

  @Override
  public int size() {
    return files.size();
  }

  /**
   * Reads every file's header without decoding the pixels ({@link ImageFiles#header(Path)}): each file is a
   * readable image of at least two pixels whose pixels fit in the heap; a PNG ends with its IEND chunk; a
   * {@code .npy} holds a 2-D array of a supported dtype and all its data. The plugins call this when the
   * source is built, so that {@code validate} and {@code run} report a bad file before any work.
   *
   * @return the headers, in file order
   * @throws ConfigException on key {@code path} naming the first bad file and its problem
   */
  public List<ImageHeader> checkHeaders() {
    List<ImageHeader> headers = new ArrayList<>(files.size());
    for (Path f : files) {
      ImageHeader h;
      try {
        h = ImageFiles.header(f);
      } catch (ConfigException e) {
        throw e;
      } catch (SparsecodeException e) {
        throw new ConfigException("path", e.getMessage() + " (in image directory " + directory.toAbsolutePath()
            + ")");
      }
      if (h.pixels() < 2) {
        throw new ConfigException("path", "image file " + f + " is 1x1 pixel: a single pixel is constant, so its"
            + " PSNR (peak = the image's range) is undefined and there is nothing to code; remove it from the"
            + " directory");
      }
      headers.add(h);
    }
    return headers;
  }

  /**
   * Reads and preprocesses file {@code index}, checking the image as read and after each step
   * ({@link ImageChecks#prepare}).
   *
   * @throws SparsecodeException naming the file when it is not a readable image, holds a NaN or infinite
   *     value, or is constant (as read or after a preprocessing step)
   */
  @Override
  public Image get(int index) {
    Path file = files.get(index);
    return ImageChecks.prepare(ImageFiles.read(file), preprocessor, file.toString());
  }

  @Override
  public String id(int index) {
    return ImageFiles.id(files.get(index));
  }

  /**
   * The image files, in order.
   *
   * @return the paths
   */
  public List<Path> files() {
    return files;
  }

  /**
   * The preprocessing applied by {@link #get(int)}.
   *
   * @return the preprocessor
   */
  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  @Override
  public String toString() {
    return "directory " + directory + " (" + files.size() + " images, preprocess " + preprocessor + ")";
  }
}
