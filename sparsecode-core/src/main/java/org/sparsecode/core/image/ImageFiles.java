package org.sparsecode.core.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;

/**
 * Reads image files into {@link Image}s with values as stored.
 *
 * <ul>
 *   <li>PNG, JPEG, TIFF, BMP (and whatever else {@link ImageIO} decodes): grey images give one channel,
 *       colour and palette images three (R, G, B; alpha is dropped). 8-bit samples are kept as 0–255;
 *       samples of other integer depths are scaled to 0–255 ({@code v · 255 / (2^bits - 1)}, e.g. 16-bit
 *       grey), floating-point samples are kept as stored. Grey samples are read from the raster, never
 *       through a colour conversion (that would apply a gamma).</li>
 *   <li>{@code .npy}: a 2-D array (any dtype {@link Npy} reads: float32, float64, uint8, ...) is a grey
 *       image with the values as stored, {@code [row, col]}.</li>
 * </ul>
 *
 * The image's id is the file name without its extension.
 */
public final class ImageFiles {
  /** The extensions (lower case, without dot) a directory source picks up. */
  public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "npy");

  private ImageFiles() {}

  /**
   * Whether a file name has one of {@link #EXTENSIONS} (case-insensitive).
   *
   * @param file the file
   * @return true for a supported image file name
   */
  public static boolean isSupported(Path file) {
    return EXTENSIONS.contains(extension(file.getFileName().toString()));
  }

  /**
   * The id of a file: its name without the last extension.
   *
   * @param file the file
   * @return e.g. {@code camera} for {@code /data/camera.png}
   */
  public static String id(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Reads an image file.
   *
   * @param file a PNG, JPEG, TIFF, BMP or {@code .npy} file
   * @return the image, id = file name without extension
   * @throws SparsecodeException naming the file when it is missing or not a readable image
   */
  public static Image read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image file " + file + ": " + e.getMessage(), e);
    }
    return decode(bytes, file.toString(), id(file));
  }

  /**
   * Reads an image from a stream (a class-path resource, say).
   *
   * @param stream the encoded bytes; read to the end, not closed
   * @param name the file name, used for the format ({@code .npy} or not) and in error messages
   * @param id the id of the image
   * @return the image
   * @throws SparsecodeException naming {@code name} when the content is not a readable image
   */
  public static Image read(InputStream stream, String name, String id) {
    try {
      return decode(stream.readAllBytes(), name, id);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image " + name + ": " + e.getMessage(), e);
    }
  }

  private static Image decode(byte[] bytes, String name, String id) {
    if ("npy".equals(extension(name))) {
      NpyArray a = Npy.read(new ByteArrayInputStream(bytes), name);
      if (a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
        throw new SparsecodeException(name + ": an image .npy must hold a non-empty 2-D array [row, col], got shape "
            + Arrays.toString(a.shape()));
      }
      return Image.grey(id, a.dim(1), a.dim(0), a.data());
    }
    BufferedImage img;
    // In memory: ImageIO.createImageInputStream would cache a stream in a temporary file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new SparsecodeException(name + " is not a readable image (no PNG/JPEG/TIFF/BMP decoder accepted it)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        ImageReadParam param = reader.getDefaultReadParam();
        ImageTypeSpecifier stored = storedType(reader);
        if (stored != null) {
          param.setDestinationType(stored);
        }
        img = reader.read(0, param);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof SparsecodeException se) {
        throw se;
      }
      throw new SparsecodeException(name + " is not a readable image: " + e.getMessage(), e);
    }
    return fromBuffered(img, id);
  }

  /**
   * The decoder's destination type that keeps the stored colour values. Java's JPEG decoder offers an
   * sRGB type first and converts through an embedded ICC profile to reach it; Pillow and scikit-image
   * ignore the profile (skimage's {@code rocket.jpg} differs by up to 55 grey levels otherwise), so the
   * type in the file's own colour space is chosen when there is one.
   */
  private static ImageTypeSpecifier storedType(ImageReader reader) throws IOException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (types == null || !types.hasNext()) {
      return null;
    }
    ImageTypeSpecifier first = types.next();
    if (!first.getColorModel().getColorSpace().isCS_sRGB()) {
      return null;
    }
    while (types.hasNext()) {
      ImageTypeSpecifier t = types.next();
      ColorSpace cs = t.getColorModel().getColorSpace();
      if (cs instanceof ICC_ColorSpace && !cs.isCS_sRGB() && cs.getType() == ColorSpace.TYPE_RGB
          && t.getNumBands() == first.getNumBands()) {
        return t;
      }
    }
    return null;
  }

  /**
   * Converts a decoded image.
   *
   * @param img the decoded image
   * @param id the id to give it
   * @return one channel for grey images, three (R, G, B) otherwise
   */
  static Image fromBuffered(BufferedImage img, String id) {
    int w = img.getWidth();
    int h = img.getHeight();
    ColorModel cm = img.getColorModel();
    Raster raster = img.getRaster();
    boolean indexed = cm instanceof IndexColorModel;
    int type = cm.getColorSpace().getType();
    if (!indexed && type == ColorSpace.TYPE_GRAY) {
      return new Image(id, w, h, 1, samples(raster, cm, 1, w, h));
    }
    if (!indexed && cm instanceof ComponentColorModel && type == ColorSpace.TYPE_RGB && raster.getNumBands() >= 3) {
      // Stored samples, whatever ICC profile is attached (no colour management, as Pillow).
      return new Image(id, w, h, 3, samples(raster, cm, 3, w, h));
    }
    // Palette, packed RGB and everything else: the colour model's sRGB conversion, 8 bits per channel.
    double[] px = new double[3 * w * h];
    int plane = w * h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int argb = img.getRGB(x, y);
        int i = y * w + x;
        px[i] = (argb >> 16) & 0xff;
        px[plane + i] = (argb >> 8) & 0xff;
        px[2 * plane + i] = argb & 0xff;
      }
    }
    return new Image(id, w, h, 3, px);
  }

  /** The first {@code bands} raster bands as planes, integer depths other than 8 bits scaled to 0–255. */
  private static double[] samples(Raster raster, ColorModel cm, int bands, int w, int h) {
    double[] px = new double[bands * w * h];
    int dataType = raster.getDataBuffer().getDataType();
    boolean real = dataType == DataBuffer.TYPE_FLOAT || dataType == DataBuffer.TYPE_DOUBLE;
    double[] row = new double[w];
    for (int b = 0; b < bands; b++) {
      int bits = cm.getComponentSize(b);
      double factor = real || bits == 8 ? 1.0 : 255.0 / ((1L << bits) - 1);
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, b, row);
        int base = (b * h + y) * w;
        for (int x = 0; x < w; x++) {
          px[base + x] = factor == 1.0 ? row[x] : row[x] * factor;
        }
      }
    }
    return px;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return dot > slash + 1 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
  }
}
