package org.sparsecode.core.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparsecode.api.SparsecodeException;

/**
 * Reads and writes NumPy's {@code .npy} format (versions 1.0–3.0): little- or big-endian float64,
 * float32, int8–int64, uint8–uint16 and bool, C or Fortran order on read; float64 or float32, C order,
 * version 1.0 on write. The format: {@code \x93NUMPY}, version, header length, a Python dict literal
 * header padded to 64 bytes, then the raw data.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

  private Npy() {}

  /**
   * Reads a {@code .npy} file.
   *
   * @param file the file
   * @return the array, as doubles in C order
   * @throws SparsecodeException naming the file when it is missing or not a valid {@code .npy}
   */
  public static NpyArray read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e, e);
    }
  }

  /**
   * Reads a {@code .npy} stream.
   *
   * @param stream the bytes, positioned at the magic string
   * @param name the name used in error messages
   * @return the array
   * @throws SparsecodeException naming {@code name} when the content is not a valid {@code .npy}
   */
  public static NpyArray read(InputStream stream, String name) {
    try {
      DataInputStream in = new DataInputStream(stream);
      byte[] magic = new byte[6];
      in.readFully(magic);
      for (int i = 0; i < 6; i++) {
        if (magic[i] != MAGIC[i]) {
          throw new SparsecodeException(name + " is not a .npy file (bad magic string)");
        }
      }
      int major = in.readUnsignedByte();
      in.readUnsignedByte();
      int headerLength;
      if (major == 1) {
        headerLength = in.readUnsignedByte() | (in.readUnsignedByte() << 8);
      } else if (major == 2 || major == 3) {
        byte[] b = new byte[4];
        in.readFully(b);
        headerLength = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (headerLength < 0) {
          throw new SparsecodeException(name + ": corrupt .npy header length " + headerLength);
        }
      } else {
        throw new SparsecodeException(name + ": unsupported .npy version " + major);
      }
      byte[] headerBytes = new byte[headerLength];
      in.readFully(headerBytes);
      String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
      String descr = group(DESCR, header, name, "descr");
      boolean fortran = "True".equals(group(FORTRAN, header, name, "fortran_order"));
      int[] shape = parseShape(group(SHAPE, header, name, "shape"), name);
      long count = 1;
      for (int d : shape) {
        count *= d;
      }
      Dtype type = Dtype.parse(descr, name);
      // the raw bytes are held in one Java array too: check before allocating
      if (count > (Integer.MAX_VALUE - 8) / type.bytes) {
        throw new SparsecodeException(name + ": array of " + count + " elements (" + count * type.bytes
            + " bytes) is too large to read into one Java array");
      }
      byte[] raw = new byte[Math.toIntExact(count * type.bytes)];
      in.readFully(raw);
      ByteBuffer buf = ByteBuffer.wrap(raw).order(type.order);
      double[] data = new double[(int) count];
      for (int i = 0; i < data.length; i++) {
        data[i] = type.get(buf);
      }
      if (fortran && shape.length > 1) {
        data = fortranToC(data, shape);
      }
      return new NpyArray(shape, data, descr);
    } catch (EOFException e) {
      throw new SparsecodeException(name + ": truncated .npy file", e);
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + name + ": " + e, e);
    }
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
      throw new SparsecodeException(name + ": .npy header has no '" + key + "': " + header.trim());
    }
    return m.group(1);
  }

  private static int[] parseShape(String text, String name) {
    List<Integer> dims = new ArrayList<>();
    for (String part : text.split(",")) {
      String t = part.trim();
      if (t.endsWith("L")) {
        t = t.substring(0, t.length() - 1);
      }
      if (!t.isEmpty()) {
        try {
          int d = Integer.parseInt(t);
          if (d < 0) {
            throw new SparsecodeException(name + ": negative dimension in .npy shape (" + text + ")");
          }
          dims.add(d);
        } catch (NumberFormatException e) {
          throw new SparsecodeException(name + ": bad .npy shape (" + text + ")", e);
        }
      }
    }
    return dims.stream().mapToInt(Integer::intValue).toArray();
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
  private enum Kind { F8, F4, I1, I2, I4, I8, U1, U2, B1 }

  private record Dtype(Kind kind, int bytes, ByteOrder order) {
    static Dtype parse(String descr, String name) {
      if (descr.length() < 3) {
        throw new SparsecodeException(name + ": unsupported dtype '" + descr + "'");
      }
      ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      String code = descr.substring(1);
      return switch (code) {
        case "f8" -> new Dtype(Kind.F8, 8, order);
        case "f4" -> new Dtype(Kind.F4, 4, order);
        case "i1" -> new Dtype(Kind.I1, 1, order);
        case "i2" -> new Dtype(Kind.I2, 2, order);
        case "i4" -> new Dtype(Kind.I4, 4, order);
        case "i8" -> new Dtype(Kind.I8, 8, order);
        case "u1" -> new Dtype(Kind.U1, 1, order);
        case "u2" -> new Dtype(Kind.U2, 2, order);
        case "b1" -> new Dtype(Kind.B1, 1, order);
        default -> throw new SparsecodeException(name + ": unsupported dtype '" + descr
            + "' (supported: float64, float32, int8-int64, uint8, uint16, bool)");
      };
    }

    double get(ByteBuffer b) {
      return switch (kind) {
        case F8 -> b.getDouble();
        case F4 -> b.getFloat();
        case I1 -> b.get();
        case I2 -> b.getShort();
        case I4 -> b.getInt();
        case I8 -> b.getLong();
        case U1, B1 -> b.get() & 0xff;
        case U2 -> b.getShort() & 0xffff;
      };
    }
  }

  /**
   * Reads all of a stream (helper for {@code .npz} entries).
   *
   * @param in the stream
   * @return its bytes
   */
  static byte[] readAll(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
