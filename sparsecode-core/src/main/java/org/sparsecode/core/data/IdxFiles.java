package org.sparsecode.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.IoErrors;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, ...), gzipped or not (recognised by the gzip magic bytes, not by the name).
 *
 * <p>The format: two zero bytes, a type byte ({@code 0x08}: unsigned bytes, the only type read here), the
 * number of dimensions, each dimension as a big-endian 32-bit integer, then the values in C order. A labels file
 * has one dimension (the count), an images file three (count, rows, columns).
 *
 * <p>Every problem (a missing file, a wrong magic number, another value type, a file shorter or longer than its
 * header announces, corrupt gzip data, an array too large for the heap) is a {@link SparsecodeException} naming
 * the file; the header is checked before an array of the announced size is allocated.
 */
public final class IdxFiles {
  /** The type byte of unsigned 8-bit values. */
  static final int UBYTE = 0x08;
  /** The largest array read (a few VMs reserve header words). */
  static final long MAX_VALUES = Integer.MAX_VALUE - 8;

  private IdxFiles() {}

  /**
   * An IDX array of unsigned bytes.
   *
   * @param dims the dimensions, outermost first
   * @param data the values in C order, unsigned (read {@code data[i] & 0xFF})
   */
  public record Idx(int[] dims, byte[] data) {

    /**
     * The number of items (the first dimension).
     *
     * @return {@code dims[0]}
     */
    public int count() {
      return dims[0];
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Idx i && Arrays.equals(i.dims, dims) && Arrays.equals(i.data, data);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
      return "Idx" + Arrays.toString(dims);
    }
  }

  /**
   * Reads a labels file: one dimension.
   *
   * @param file the file, gzipped or not
   * @return the labels, as unsigned bytes
   * @throws SparsecodeException naming the file when it is not a labels file of unsigned bytes
   */
  public static Idx readLabels(Path file) {
    return read(file, 1, "labels");
  }

  /**
   * Reads an images file: three dimensions (count, rows, columns).
   *
   * @param file the file, gzipped or not
   * @return the images, row-major, one after the other
   * @throws SparsecodeException naming the file when it is not an images file of unsigned bytes
   */
  public static Idx readImages(Path file) {
    return read(file, 3, "images");
  }

  /**
   * Reads the header of a file (its dimensions) without its data.
   *
   * @param file the file, gzipped or not
   * @return the dimensions
   * @throws SparsecodeException naming the file when its header is not an IDX header of unsigned bytes
   */
  public static int[] dims(Path file) {
    try (InputStream in = open(file)) {
      return header(new DataInputStream(in), file, 0, null);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  private static Idx read(Path file, int rank, String what) {
    try (InputStream in = open(file)) {
      DataInputStream data = new DataInputStream(in);
      int[] dims = header(data, file, rank, what);
      long count = 1;
      for (int d : dims) {
        count *= d;
      }
      long max = Runtime.getRuntime().maxMemory();
      if (count > MAX_VALUES || count > max / 2) {
        throw new SparsecodeException(String.format(Locale.ROOT, "%s: the IDX header announces %s (%d values),"
            + " more than this JVM can hold (heap %d MiB): raise -Xmx or use a smaller file", file,
            shape(dims), count, max >> 20));
      }
      // readNBytes grows its buffer as bytes arrive: a short file allocates no more than it holds
      byte[] values = data.readNBytes((int) count);
      if (values.length < count) {
        throw new SparsecodeException(file + ": truncated IDX file: its header announces " + shape(dims) + " ("
            + count + " bytes of data) but only " + values.length + " bytes follow the header");
      }
      if (data.read() >= 0) {
        throw new SparsecodeException(file + ": the IDX file is longer than its header announces (" + shape(dims)
            + ", " + count + " bytes of data): it is corrupt, or not the file its header describes");
      }
      return new Idx(dims, values);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  /** Opens a file, through gzip when it starts with gzip's magic bytes. */
  private static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new SparsecodeException(file + " is a directory, not an IDX file");
    }
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 < 0) {
      raw.close();
      throw new SparsecodeException(file + " is empty (0 bytes), not an IDX file");
    }
    if (b0 == 0x1f && b1 == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
    }
    return raw;
  }

  /**
   * Reads and checks the magic number and the dimensions.
   *
   * @param rank the number of dimensions expected, or 0 for any
   * @param what {@code labels} or {@code images}, for messages; {@code null} with rank 0
   */
  private static int[] header(DataInputStream in, Path file, int rank, String what) throws IOException {
    byte[] magic = new byte[4];
    int got = in.readNBytes(magic, 0, 4);
    if (got < 4 || magic[0] != 0 || magic[1] != 0) {
      throw new SparsecodeException(String.format(Locale.ROOT, "%s is not an IDX file (bad magic number%s: an IDX"
          + " file starts with 0x0000 then its type and rank, e.g. 0x00000801 for labels, 0x00000803 for images)",
          file, got < 4 ? "; the file has only " + got + " bytes" : String.format(Locale.ROOT, " 0x%02X%02X%02X%02X",
          magic[0], magic[1], magic[2], magic[3])));
    }
    int type = magic[2] & 0xFF;
    int dims = magic[3] & 0xFF;
    if (type != UBYTE) {
      throw new SparsecodeException(String.format(Locale.ROOT, "%s: unsupported IDX value type 0x%02X (%s); only"
          + " unsigned bytes (0x08) are read, as MNIST and Fashion-MNIST store them", file, type, typeName(type)));
    }
    if (rank > 0 && dims != rank) {
      throw new SparsecodeException(file + ": an IDX " + what + " file has " + rank + " dimension"
          + (rank == 1 ? "" : "s") + (rank == 3 ? " (count, rows, columns)" : " (the count)") + ", this one has "
          + dims + (dims == 3 ? ": is it an images file given as labels?" : dims == 1
          ? ": is it a labels file given as images?" : ""));
    }
    if (dims == 0) {
      throw new SparsecodeException(file + ": the IDX header has no dimension");
    }
    int[] out = new int[dims];
    try {
      for (int i = 0; i < dims; i++) {
        out[i] = in.readInt();
        if (out[i] < 0) {
          throw new SparsecodeException(file + ": corrupt IDX header: dimension " + i + " is " + out[i]);
        }
      }
    } catch (EOFException e) {
      throw new SparsecodeException(file + ": truncated IDX file (it ends inside the header)", e);
    }
    for (int i = 1; i < dims; i++) {
      if (out[i] == 0) {
        throw new SparsecodeException(file + ": the IDX header announces an empty " + shape(out) + " array");
      }
    }
    return out;
  }

  private static SparsecodeException failure(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new SparsecodeException(file + " does not exist");
    }
    if (e instanceof ZipException || e instanceof EOFException && e.getMessage() != null
        && e.getMessage().contains("ZLIB")) {
      return new SparsecodeException(file + ": corrupt or truncated gzip data (" + e.getMessage() + "); download or"
          + " install the file again", e);
    }
    return new SparsecodeException("cannot read " + file + ": " + IoErrors.describe(e), e);
  }

  private static String typeName(int type) {
    return switch (type) {
      case 0x09 -> "signed bytes";
      case 0x0B -> "16-bit integers";
      case 0x0C -> "32-bit integers";
      case 0x0D -> "32-bit floats";
      case 0x0E -> "64-bit floats";
      default -> "not an IDX type";
    };
  }

  /** {@code 60000 x 28 x 28}. */
  static String shape(int[] dims) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      sb.append(i > 0 ? " x " : "").append(dims[i]);
    }
    return sb.toString();
  }
}
