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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.io.IoErrors;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.core.io.NpyHeader;

/**
 * Reads image files into {@link Image}s with values as stored, and their headers ({@link #header(Path)})
 * without decoding the pixels.
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
 * The image's id is the file name without its extension. Every problem of a file (missing, empty,
 * truncated, damaged, too large for the heap) is a {@link SparsecodeException} naming the file, whatever the
 * decoder threw.
 */
public final class ImageFiles {
  /** The extensions (lower case, without dot) a directory source picks up. */
  public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "npy");
  /** The most values one Java array holds (a few VMs reserve header words). */
  private static final long MAX_VALUES = Integer.MAX_VALUE - 8;
  /** How many bytes at the end of a PNG are searched for its IEND chunk. */
  private static final int TAIL = 1024;

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
   * Reads an image file. Its header is read first: a file whose pixels cannot fit in the heap (or in one
   * Java array) is refused before decoding, with the memory it would need.
   *
   * @param file a PNG, JPEG, TIFF, BMP or {@code .npy} file
   * @return the image, id = file name without extension
   * @throws SparsecodeException naming the file when it is missing, empty, truncated, too large, or not a
   *     readable image
   */
  public static Image read(Path file) {
    String name = checkFile(file);
    if (isNpy(name)) {
      return fromNpy(Npy.read(file), name, id(file));
    }
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      return (Image) decode(in, name, id(file), false);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image file " + name + ": " + IoErrors.describe(e), e);
    }
  }

  /**
   * Reads an image file's header without decoding its pixels: its format and size. Checks what can be
   * checked without decoding: that a decoder accepts the file, that its pixels fit in the heap, that a PNG
   * ends with its {@code IEND} chunk (else it was cut short) and, for {@code .npy}, the dtype, the rank (2)
   * and that the file holds all the data its header announces.
   *
   * @param file a PNG, JPEG, TIFF, BMP or {@code .npy} file
   * @return the header
   * @throws SparsecodeException naming the file when it is missing, empty, truncated, too large, or not a
   *     readable image
   */
  public static ImageHeader header(Path file) {
    String name = checkFile(file);
    if (isNpy(name)) {
      NpyHeader h = Npy.header(file);
      int[] shape = h.shape();
      if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
        throw notTwoD(name, shape);
      }
      checkSize(name, shape[1], shape[0], 1, h.itemSize());
      return new ImageHeader(file, "npy", shape[1], shape[0], 1);
    }
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      ImageHeader h = (ImageHeader) decode(in, name, id(file), true);
      return new ImageHeader(file, h.format(), h.width(), h.height(), h.channels());
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image file " + name + ": " + IoErrors.describe(e), e);
    }
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
    if (isNpy(name)) {
      return fromNpy(Npy.read(stream, name), name, id);
    }
    byte[] bytes;
    try {
      bytes = stream.readAllBytes();
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image " + name + ": " + IoErrors.describe(e), e);
    }
    if (bytes.length == 0) {
      throw new SparsecodeException(name + " is empty (0 bytes), not an image");
    }
    // In memory: ImageIO.createImageInputStream would cache a stream in a temporary file.
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      return (Image) decode(in, name, id, false);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image " + name + ": " + IoErrors.describe(e), e);
    }
  }

  /** Checks that a file exists, is a regular file and is not empty; returns its name for messages. */
  private static String checkFile(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new SparsecodeException("image file " + name + " does not exist");
    }
    if (!Files.isRegularFile(file)) {
      throw new SparsecodeException(name + " is not a regular file, so not an image");
    }
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read image file " + name + ": " + IoErrors.describe(e), e);
    }
    if (size == 0) {
      throw new SparsecodeException("image file " + name + " is empty (0 bytes)");
    }
    return name;
  }

  private static boolean isNpy(String name) {
    return "npy".equals(extension(name));
  }

  private static Image fromNpy(NpyArray a, String name, String id) {
    if (a.rank() != 2 || a.dim(0) < 1 || a.dim(1) < 1) {
      throw notTwoD(name, a.shape());
    }
    return Image.grey(id, a.dim(1), a.dim(0), a.data());
  }

  private static SparsecodeException notTwoD(String name, int[] shape) {
    return new SparsecodeException(name + ": an image .npy must hold a non-empty 2-D array [row, col], got shape "
        + Arrays.toString(shape));
  }

  /**
   * Decodes an image, or only its header: the header is read and its size checked before any pixel is.
   *
   * @return an {@link Image}, or an {@link ImageHeader} (without file) when {@code headerOnly}
   */
  private static Object decode(ImageInputStream in, String name, String id, boolean headerOnly) {
    ImageReader reader = reader(in, name);
    try {
      // before the decoder reads forward-only and flushes what it has read
      checkTail(in, reader.getFormatName(), name);
      reader.setInput(in, true, true);
      int w = reader.getWidth(0);
      int h = reader.getHeight(0);
      ImageTypeSpecifier raw = rawType(reader);
      int bands = raw == null ? 3 : raw.getNumBands();
      int channels = bands >= 3 ? 3 : 1;
      int bytes = raw == null ? 4 : Math.max(1, (raw.getColorModel().getPixelSize() + 7) / 8);
      checkSize(name, w, h, channels, bytes);
      if (headerOnly) {
        return new ImageHeader(null, reader.getFormatName().toLowerCase(Locale.ROOT), w, h, channels);
      }
      List<String> truncation = new ArrayList<>();
      reader.addIIOReadWarningListener((source, warning) -> {
        // Java's JPEG decoder fills a cut-short file with grey and only warns: that must not pass as an image
        String lower = warning.toLowerCase(Locale.ROOT);
        if (lower.contains("premature end") || lower.contains("truncated") || lower.contains("missing eoi")) {
          truncation.add(warning);
        }
      });
      ImageReadParam param = reader.getDefaultReadParam();
      ImageTypeSpecifier stored = storedType(reader);
      if (stored != null) {
        param.setDestinationType(stored);
      }
      BufferedImage img = reader.read(0, param);
      if (!truncation.isEmpty()) {
        throw new SparsecodeException(name + " is truncated or damaged: the decoder reports '"
            + truncation.get(0) + "' (the file was probably cut short; replace it)");
      }
      return fromBuffered(img, id);
    } catch (SparsecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // ImageIO's decoders report damaged files as IIOException but also as IndexOutOfBounds,
      // NegativeArraySize, IllegalArgument or IllegalState exceptions
      throw new SparsecodeException(name + " is not a readable image (" + formatName(reader)
          + " decoder): " + IoErrors.describe(e), e);
    } catch (OutOfMemoryError e) {
      // a damaged field (a chunk or strip length) made the decoder ask for a huge array; nothing else holds it
      throw new SparsecodeException(name + " could not be decoded within the heap limit of "
          + (Runtime.getRuntime().maxMemory() >> 20) + " MiB: the file is probably damaged (its size fields"
          + " announce more data than it holds)", e);
    } finally {
      reader.dispose();
    }
  }

  private static String formatName(ImageReader reader) {
    try {
      return reader.getFormatName().toUpperCase(Locale.ROOT);
    } catch (IOException e) {
      return "image";
    }
  }

  /** The first decoder that accepts the stream, WBMP excepted: it has no signature, so it accepts noise. */
  private static ImageReader reader(ImageInputStream in, String name) {
    Iterator<ImageReader> readers;
    try {
      readers = ImageIO.getImageReaders(in);
    } catch (RuntimeException e) {
      throw new SparsecodeException(name + " is not a readable image: " + IoErrors.describe(e), e);
    }
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      String format;
      try {
        format = r.getFormatName();
      } catch (IOException e) {
        continue;
      }
      if (!"wbmp".equalsIgnoreCase(format)) {
        return r;
      }
      r.dispose();
    }
    throw new SparsecodeException(name + " is not a readable image: no PNG/JPEG/TIFF/BMP decoder accepted it"
        + describeStart(in));
  }

  /** What the file starts with, to tell a text file or an archive from a damaged image. */
  private static String describeStart(ImageInputStream in) {
    try {
      in.seek(0);
      byte[] b = new byte[16];
      int n = in.read(b);
      if (n <= 0) {
        return "";
      }
      int printable = 0;
      for (int i = 0; i < n; i++) {
        int c = b[i] & 0xff;
        printable += c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c < 127) ? 1 : 0;
      }
      if (printable == n) {
        return " (it starts with the text '" + new String(b, 0, n, StandardCharsets.US_ASCII).strip()
            + "'; is it a text file?)";
      }
      return " (it starts with bytes " + HexFormat.ofDelimiter(" ").formatHex(b, 0, Math.min(n, 8)) + ")";
    } catch (IOException e) {
      return "";
    }
  }

  private static ImageTypeSpecifier rawType(ImageReader reader) throws IOException {
    ImageTypeSpecifier raw = reader.getRawImageType(0);
    if (raw != null) {
      return raw;
    }
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    return types != null && types.hasNext() ? types.next() : null;
  }

  /**
   * Refuses an image whose pixels cannot be held: more values than one Java array holds, or more memory
   * than the heap allows (the decoded raster, the image's doubles and one preprocessing copy of them).
   *
   * @param name the file, for the message
   * @param width the width the header announces
   * @param height the height the header announces
   * @param channels the channels of the image read (1 or 3)
   * @param rasterBytes bytes per pixel of the decoded raster
   * @throws SparsecodeException naming the file, its size, the memory needed and the -Xmx to use
   */
  static void checkSize(String name, int width, int height, int channels, int rasterBytes) {
    if (width < 1 || height < 1) {
      throw new SparsecodeException(name + " announces a size of " + width + "x" + height + " pixels: not an"
          + " image (damaged header?)");
    }
    long pixels = (long) width * height;
    String size = name + " is " + width + "x" + height + " pixels (" + megapixels(pixels) + " megapixels)";
    if (pixels * channels > MAX_VALUES || pixels * rasterBytes > MAX_VALUES) {
      throw new SparsecodeException(size + ": more values than one Java array can hold (2^31), whatever the"
          + " heap; shrink the image (a few thousand pixels a side is plenty) or check that its header is not"
          + " damaged");
    }
    long need = pixels * (rasterBytes + 2L * Double.BYTES * channels);
    long max = Runtime.getRuntime().maxMemory();
    if (need > max) {
      long gib = (need >> 30) + 2;
      throw new SparsecodeException(String.format(Locale.ROOT, "%s: decoding it needs about %d MiB, more than"
          + " the heap limit of %d MiB: run with more heap (JAVA_OPTS=-Xmx%dg) or shrink the image", size,
          need >> 20, max >> 20, gib));
    }
  }

  private static String megapixels(long pixels) {
    return String.format(Locale.ROOT, pixels >= 10_000_000 ? "%.0f" : "%.2g", pixels / 1e6);
  }

  /**
   * A PNG must end with its IEND chunk: without it the file was cut short (the decoder may still fill the
   * missing rows). Tolerates a little trailing junk; skipped when the stream's length is unknown.
   */
  private static void checkTail(ImageInputStream in, String format, String name) throws IOException {
    long length = in.length();
    if (!"png".equalsIgnoreCase(format) || length < 0) {
      return;
    }
    long pos = in.getStreamPosition();
    int n = (int) Math.min(length, TAIL);
    byte[] tail = new byte[n];
    in.seek(length - n);
    in.readFully(tail);
    in.seek(pos);
    String text = new String(tail, StandardCharsets.ISO_8859_1);
    if (!text.contains("IEND")) {
      throw new SparsecodeException(name + " is truncated: the PNG does not end with its IEND chunk (" + length
          + " bytes; the file was probably cut short by an interrupted copy or download: replace it)");
    }
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
