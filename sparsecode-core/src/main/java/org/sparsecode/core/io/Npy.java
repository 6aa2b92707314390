package org.sparsecode.core.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparsecode.api.SparsecodeException;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1.0–3.0): little- or big-endian float64,
 * float32, float16, int8–int64, uint8–uint64 and bool, C or Fortran order on read; float64 or float32, C order,
 * version 1.0 on write. The format: {@code \x93NUMPY}, version, header length, a Python dict literal
 * header padded to 64 bytes, then the raw data.
 *
 * <p>Every problem of a file (bad magic, version, header, dtype, shape, truncation, a size the heap cannot
 * hold) is a {@link SparsecodeException} naming the file; the header is checked before any array of the
 * announced size is allocated.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern STRUCTURED = Pattern.compile("'descr'\\s*:\\s*\\[");
  /** The longest header read; numpy itself refuses headers over 10000 bytes by default. */
  private static final int MAX_HEADER = 1 << 20;
  /** The longest Java array (a few VMs reserve header words). */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Npy() {}

  /**
   * Reads a {@code .npy} file. The header is checked against the file's length before any array is
   * allocated, so a damaged or edited header is reported, never an {@link OutOfMemoryError}.
   *
   * @param file the file
   * @return the array, as doubles in C order
   * @throws SparsecodeException naming the file when it is missing, empty, truncated, too large for the heap
   *     or not a valid {@code .npy}
   */
  public static NpyArray read(Path file) {
    return open(file, true).array();
  }

  /**
   * Reads the header of a {@code .npy} file and checks that the file holds all the data it announces,
   * without reading the data.
   *
   * @param file the file
   * @return the header
   * @throws SparsecodeException naming the file when it is missing, empty, truncated or has a bad header
   */
  public static NpyHeader header(Path file) {
    return open(file, false).header();
  }

  /** A file's header, and its data when asked for. */
  private record Opened(NpyHeader header, NpyArray array) { }

  /**
   * Reads the header, checks that the file holds all the data it announces, and reads that data when {@code
   * data} is set: the checks come before any array is allocated.
   */
  private static Opened open(Path file, boolean data) {
    String name = file.toString();
    long length = length(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      NpyHeader header = readHeader(new DataInputStream(in), name);
      long available = length - header.dataOffset();
      if (available < header.dataBytes()) {
        throw truncated(name, header, available);
      }
      return new Opened(header, data ? readData(in, header, name) : null);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + name + ": " + IoErrors.describe(e), e);
    }
  }

  /**
   * Reads a {@code .npy} stream.
   *
   * @param stream the bytes, positioned at the magic string; read up to the end of the array's data
   * @param name the name used in error messages
   * @return the array
   * @throws SparsecodeException naming {@code name} when the content is not a valid {@code .npy}, is
   *     truncated, or is too large for the heap
   */
  public static NpyArray read(InputStream stream, String name) {
    try {
      NpyHeader header = readHeader(new DataInputStream(stream), name);
      return readData(stream, header, name);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + name + ": " + IoErrors.describe(e), e);
    }
  }

  private static long length(Path file) {
    if (!Files.exists(file)) {
      throw new SparsecodeException(file + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new SparsecodeException(file + " is a directory, not a .npy file");
    }
    long length;
    try {
      length = Files.size(file);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + IoErrors.describe(e), e);
    }
    if (length == 0) {
      throw new SparsecodeException(file + " is empty (0 bytes), not a .npy file");
    }
    return length;
  }

  private static SparsecodeException truncated(String name, NpyHeader header, long available) {
    return new SparsecodeException(name + ": truncated .npy file: its header announces "
        + header.describe() + " (" + header.dataBytes() + " data bytes) but only "
        + Math.max(0, available) + " bytes follow the header");
  }

  /** Reads and checks the magic string, version and header dict; the stream is left at the data. */
  private static NpyHeader readHeader(DataInputStream in, String name) throws IOException {
    byte[] magic = new byte[MAGIC.length];
    int got = in.readNBytes(magic, 0, magic.length);
    for (int i = 0; i < MAGIC.length; i++) {
      if (i >= got || magic[i] != MAGIC[i]) {
        throw new SparsecodeException(name + " is not a .npy file (bad magic string: it must start with"
            + " \\x93NUMPY" + (got < MAGIC.length ? "; the file has only " + got + " bytes" : "") + ")");
      }
    }
    try {
      int major = in.readUnsignedByte();
      in.readUnsignedByte();
      long headerLength;
      int prefix;
      if (major == 1) {
        headerLength = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
        prefix = 10;
      } else if (major == 2 || major == 3) {
        byte[] b = new byte[4];
        in.readFully(b);
        headerLength = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        prefix = 12;
      } else {
        throw new SparsecodeException(name + ": unsupported .npy version " + major + " (supported: 1, 2, 3)");
      }
      if (headerLength > MAX_HEADER) {
        throw new SparsecodeException(name + ": corrupt .npy header: it claims " + headerLength
            + " bytes (at most " + MAX_HEADER + " are read)");
      }
      byte[] headerBytes = new byte[(int) headerLength];
      in.readFully(headerBytes);
      String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      return parseHeader(header, name, prefix + (int) headerLength);
    } catch (EOFException e) {
      throw new SparsecodeException(name + ": truncated .npy file (it ends inside the header)", e);
    }
  }

  private static NpyHeader parseHeader(String header, String name, int dataOffset) {
    String text = header.strip();
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw new SparsecodeException(name + ": corrupt .npy header: expected a Python dict {...}, got "
          + abbreviate(text));
    }
    Matcher structured = STRUCTURED.matcher(text);
    if (structured.find()) {
      throw new SparsecodeException(name + ": the .npy file holds a structured array (fields); save a plain"
          + " numeric array instead");
    }
    String descr = group(DESCR, text, name, "descr");
    boolean fortran = "True".equals(group(FORTRAN, text, name, "fortran_order"));
    int[] shape = parseShape(group(SHAPE, text, name, "shape"), name);
    Dtype type = Dtype.parse(descr, name);
    long count = 1;
    for (int d : shape) {
      count *= d;
      if (count > Integer.MAX_VALUE) {
        // one Java array cannot hold it: refuse before multiplying further (no overflow)
        throw new SparsecodeException(name + ": array of shape " + shapeText(shape) + " is too large to read"
            + " into one Java array (at most " + MAX_ARRAY + " values)");
      }
    }
    if (count * type.bytes > MAX_ARRAY) {
      throw new SparsecodeException(name + ": array of " + count + " elements (" + count * type.bytes
          + " bytes) is too large to read into one Java array");
    }
    return new NpyHeader(descr, fortran, shape, type.bytes, dataOffset);
  }

  private static String abbreviate(String text) {
    String oneLine = text.replaceAll("[\\p{Cntrl}]", "?");
    return oneLine.length() <= 80 ? "'" + oneLine + "'" : "'" + oneLine.substring(0, 80) + "...'";
  }

  /** Reads the data the header announces, after checking that it fits in the heap. */
  private static NpyArray readData(InputStream in, NpyHeader header, String name) throws IOException {
    Dtype type = Dtype.parse(header.dtype(), name);
    long count = header.count();
    long need = header.dataBytes() + count * Double.BYTES;
    long max = Runtime.getRuntime().maxMemory();
    if (need > max / 2) {
      throw new SparsecodeException(String.format(Locale.ROOT, "%s: the array %s needs about %d MiB to read,"
          + " more than half of the %d MiB heap: raise -Xmx (JAVA_OPTS=-Xmx%dg) or use a smaller array", name,
          header.describe(), need >> 20, max >> 20, Math.max(1, (2 * need >> 30) + 1)));
    }
    // readNBytes grows its buffer as bytes arrive: a stream shorter than announced allocates no more than it holds
    byte[] raw = in.readNBytes((int) header.dataBytes());
    if (raw.length < header.dataBytes()) {
      throw truncated(name, header, raw.length);
    }
    ByteBuffer buf = ByteBuffer.wrap(raw).order(type.order);
    double[] data = new double[(int) count];
    for (int i = 0; i < data.length; i++) {
      data[i] = type.get(buf);
    }
    int[] shape = header.shape();
    if (header.fortranOrder() && shape.length > 1) {
      data = fortranToC(data, shape);
    }
    return new NpyArray(shape, data, header.dtype());
  }

  /**
   * Writes a float64 {@code .npy} file atomically (temporary file, then rename).
   *
   * @param file the destination
   * @param array the array (written as {@code <f8} whatever its dtype)
   */
  public static void write(Path file, NpyArray array) {
    AtomicFiles.write(file, toBytes(array.data(), array.shape(), false));
  }

  /**
   * Writes a float32 {@code .npy} file atomically.
   *
   * @param file the destination
   * @param data the values in C order
   * @param shape the dimensions
   */
  public static void writeFloat32(Path file, double[] data, int... shape) {
    AtomicFiles.write(file, toBytes(data, shape, true));
  }

  /**
   * Encodes an array in the {@code .npy} format, version 1.0, C order.
   *
   * @param data the values in C order
   * @param shape the dimensions
   * @param float32 {@code true} for {@code <f4}, {@code false} for {@code <f8}
   * @return the file's bytes
   */
  public static byte[] toBytes(double[] data, int[] shape, boolean float32) {
    StringBuilder dims = new StringBuilder();
    for (int d : shape) {
      dims.append(d).append(", ");
    }
    if (shape.length > 1) {
      dims.setLength(dims.length() - 2);
    } else if (shape.length == 1) {
      dims.setLength(dims.length() - 1);
    }
    String dict = "{'descr': '" + (float32 ? "<f4" : "<f8") + "', 'fortran_order': False, 'shape': ("
        + dims + "), }";
    int unpadded = 10 + dict.length() + 1;
    int pad = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(pad) + "\n";
    int elem = float32 ? 4 : 8;
    ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + data.length * elem).order(ByteOrder.LITTLE_ENDIAN);
    buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
    buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
    for (double v : data) {
      if (float32) {
        buf.putFloat((float) v);
      } else {
        buf.putDouble(v);
      }
    }
    return buf.array();
  }

  /**
   * Encodes an array as {@code .npy} bytes into a stream (for {@code .npz} entries).
   *
   * @param array the array, written as float64
   * @return the bytes
   */
  static byte[] toBytes(NpyArray array) {
    return toBytes(array.data(), array.shape(), "<f4".equals(array.dtype()));
  }

  private static String group(Pattern p, String header, String name, String key) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new SparsecodeException(name + ": corrupt .npy header: no '" + key + "' entry in " + abbreviate(header));
    }
    return m.group(1);
  }

  private static int[] parseShape(String text, String name) {
    List<Integer> dims = new ArrayList<>();
    String[] parts = text.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      String t = parts[i].trim();
      if (t.endsWith("L")) {
        t = t.substring(0, t.length() - 1);
      }
      if (t.isEmpty()) {
        // a trailing comma, as in (3,), or the empty shape () of a scalar
        if (i == parts.length - 1 && (i > 0 || parts.length == 1)) {
          continue;
        }
        throw new SparsecodeException(name + ": bad .npy shape (" + text + ")");
      }
      int d;
      try {
        d = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw new SparsecodeException(name + ": bad .npy shape (" + text + "): '" + t
            + "' is not a dimension (a non-negative integer below 2^31)", e);
      }
      if (d < 0) {
        throw new SparsecodeException(name + ": negative dimension in .npy shape (" + text + ")");
      }
      dims.add(d);
    }
    if (dims.size() > 32) {
      throw new SparsecodeException(name + ": .npy shape of rank " + dims.size() + " (numpy allows at most 32)");
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
  }

  static String shapeText(int[] shape) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      sb.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return sb.append(shape.length == 1 ? ",)" : ")").toString();
  }

  private static double[] fortranToC(double[] f, int[] shape) {
    double[] c = new double[f.length];
    int n = shape.length;
    int[] idx = new int[n];
    for (int flat = 0; flat < f.length; flat++) {
      // flat runs over Fortran order: first index fastest
      int cIndex = 0;
      for (int a = 0; a < n; a++) {
        cIndex = cIndex * shape[a] + idx[a];
      }
      c[cIndex] = f[flat];
      for (int a = 0; a < n; a++) {
        if (++idx[a] < shape[a]) {
          break;
        }
        idx[a] = 0;
      }
    }
    return c;
  }

  /** The element types we read. */
  private enum Kind { F8, F4, F2, I1, I2, I4, I8, U1, U2, U4, U8, B1 }

  private record Dtype(Kind kind, int bytes, ByteOrder order) {
    static Dtype parse(String descr, String name) {
      char byteOrder = descr.isEmpty() ? '?' : descr.charAt(0);
      if (descr.length() < 2 || "<>|=".indexOf(byteOrder) < 0) {
        throw new SparsecodeException(name + ": unsupported dtype '" + descr + "' (" + SUPPORTED + ")");
      }
      ByteOrder order = byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      String code = descr.substring(1);
      return switch (code) {
        case "f8" -> new Dtype(Kind.F8, 8, order);
        case "f4" -> new Dtype(Kind.F4, 4, order);
        case "f2" -> new Dtype(Kind.F2, 2, order);
        case "i1" -> new Dtype(Kind.I1, 1, order);
        case "i2" -> new Dtype(Kind.I2, 2, order);
        case "i4" -> new Dtype(Kind.I4, 4, order);
        case "i8" -> new Dtype(Kind.I8, 8, order);
        case "u1" -> new Dtype(Kind.U1, 1, order);
        case "u2" -> new Dtype(Kind.U2, 2, order);
        case "u4" -> new Dtype(Kind.U4, 4, order);
        case "u8" -> new Dtype(Kind.U8, 8, order);
        case "b1" -> new Dtype(Kind.B1, 1, order);
        default -> throw new SparsecodeException(name + ": unsupported dtype '" + descr + "'" + what(code)
            + " (" + SUPPORTED + ")");
      };
    }

    private static String what(String code) {
      return switch (code.isEmpty() ? '?' : code.charAt(0)) {
        case 'c' -> ": complex values; save the real part (numpy: a.real)";
        case 'U', 'S', 'a' -> ": strings, not numbers";
        case 'O' -> ": Python objects, not numbers";
        case 'f' -> ": a float size other than 2, 4 or 8 bytes; convert with a.astype(numpy.float64)";
        case 'M', 'm' -> ": dates or time spans, not numbers";
        case 'V' -> ": raw bytes (void), not numbers";
        default -> "";
      };
    }

    double get(ByteBuffer b) {
      return switch (kind) {
        case F8 -> b.getDouble();
        case F4 -> b.getFloat();
        case F2 -> Float16.toFloat(b.getShort());
        case I1 -> b.get();
        case I2 -> b.getShort();
        case I4 -> b.getInt();
        case I8 -> b.getLong();
        case U1, B1 -> b.get() & 0xff;
        case U2 -> b.getShort() & 0xffff;
        case U4 -> b.getInt() & 0xffffffffL;
        case U8 -> unsigned(b.getLong());
      };
    }

    private static double unsigned(long v) {
      return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }
  }

  private static final String SUPPORTED = "supported: float64, float32, float16, int8-int64, uint8-uint64, bool";
}
