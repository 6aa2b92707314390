package org.sparsecode.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.Float16;
import org.sparsecode.core.io.IoErrors;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyHeader;

/**
 * The {@code .npy} arrays of the encoding stage's shards: codes as little-endian {@code float16} or {@code
 * float32} ({@code <f2}, {@code <f4}), built in place in the file's bytes so that a shard costs its file's size
 * in memory once; labels and indices as {@code <i8}; and the reading of codes into floats without going
 * through doubles. NumPy reads them all ({@code numpy.load}, {@code mmap_mode='r'} too).
 */
public final class CodeArrays {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

  private CodeArrays() {}

  /** The element type of stored codes. */
  public enum Dtype {
    /** Half precision, {@code <f2}. */
    FLOAT16("<f2", 2),
    /** Single precision, {@code <f4}. */
    FLOAT32("<f4", 4);

    private final String descr;
    private final int bytes;

    Dtype(String descr, int bytes) {
      this.descr = descr;
      this.bytes = bytes;
    }

    /**
     * The {@code .npy} type string.
     *
     * @return {@code <f2} or {@code <f4}
     */
    public String descr() {
      return descr;
    }

    /**
     * Bytes of one value.
     *
     * @return 2 or 4
     */
    public int bytes() {
      return bytes;
    }

    /**
     * The YAML spelling.
     *
     * @return {@code float16} or {@code float32}
     */
    public String yamlName() {
      return this == FLOAT16 ? "float16" : "float32";
    }

    /**
     * Parses the YAML spelling.
     *
     * @param name {@code float16} or {@code float32}
     * @return the type
     * @throws IllegalArgumentException for another name
     */
    public static Dtype parse(String name) {
      return switch (name) {
        case "float16" -> FLOAT16;
        case "float32" -> FLOAT32;
        default -> throw new IllegalArgumentException("dtype " + name);
      };
    }
  }

  /**
   * A float array being filled in place: the bytes of its {@code .npy} file, header included. Distinct
   * indices may be written from distinct threads.
   */
  public static final class FloatFile {
    private final byte[] bytes;
    private final ByteBuffer data;
    private final Dtype dtype;
    private final long count;

    /**
     * A zero-filled array.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @throws SparsecodeException when the file would exceed 2 GiB
     */
    public FloatFile(Dtype dtype, int... shape) {
      this.dtype = dtype;
      byte[] header = header(dtype.descr(), shape);
      long n = 1;
      for (int d : shape) {
        n *= d;
      }
      long size = header.length + n * dtype.bytes();
      if (size > Integer.MAX_VALUE - 8) {
        throw new SparsecodeException("an array of shape " + Arrays.toString(shape) + " in " + dtype.yamlName()
            + " is " + (size >> 20) + " MiB, more than one file of a shard may hold (2 GiB): use fewer images per"
            + " shard (encoding.shard)");
      }
      this.count = n;
      this.bytes = new byte[(int) size];
      System.arraycopy(header, 0, bytes, 0, header.length);
      this.data = ByteBuffer.wrap(bytes, header.length, bytes.length - header.length).slice()
          .order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Writes one value, rounded to the element type.
     *
     * @param index the flat index, C order
     * @param value the value, finite and, for float16, of magnitude at most {@link Float16#MAX_VALUE}
     * @throws SparsecodeException for a value the type cannot hold (no silent infinity)
     */
    public void put(long index, float value) {
      if (dtype == Dtype.FLOAT16) {
        if (!(Math.abs(value) <= Float16.MAX_VALUE)) {
          throw new SparsecodeException("the value " + value + " does not fit float16 (largest 65504): store the"
              + " codes as float32 (encoding.store.dtype: float32)");
        }
        data.putShort((int) index * 2, Float16.fromFloat(value));
      } else {
        data.putFloat((int) index * 4, value);
      }
    }

    /**
     * The number of values.
     *
     * @return the product of the dimensions
     */
    public long count() {
      return count;
    }

    /**
     * The file's bytes (not a copy).
     *
     * @return header and data
     */
    public byte[] bytes() {
      return bytes;
    }
  }

  /**
   * A 1-D {@code <i8} array's file.
   *
   * @param values the values
   * @return the {@code .npy} bytes
   */
  public static byte[] longs(long[] values) {
    byte[] header = header("<i8", new int[] {values.length});
    ByteBuffer b = ByteBuffer.allocate(header.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(header);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  /**
   * A float array read from a {@code .npy} file of {@code <f2}, {@code <f4} or {@code <f8} values.
   *
   * @param shape the dimensions
   * @param values the values in C order
   */
  public record Floats(int[] shape, float[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Floats f && Arrays.equals(f.shape, shape) && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Floats" + Arrays.toString(shape);
    }
  }

  /**
   * Reads a float array (as the shards store codes) into floats.
   *
   * @param file a {@code .npy} file of little-endian floats, C order
   * @return its shape and values
   * @throws SparsecodeException naming the file when it is not such a file, is truncated or too large
   */
  public static Floats readFloats(Path file) {
    NpyHeader h = Npy.header(file);
    int size = switch (h.dtype()) {
      case "<f2" -> 2;
      case "<f4" -> 4;
      case "<f8" -> 8;
      default -> throw new SparsecodeException(file + ": codes must be little-endian floats (<f2, <f4 or <f8), got "
          + h.dtype());
    };
    if (h.fortranOrder() && h.rank() > 1) {
      throw new SparsecodeException(file + ": codes must be in C order, the file is in Fortran order");
    }
    long n = h.count();
    long max = Runtime.getRuntime().maxMemory();
    if (n * (4 + size) > max / 2) {
      throw new SparsecodeException(file + ": " + n + " codes need " + (n * (4 + size) >> 20) + " MiB to read, more"
          + " than half of the " + (max >> 20) + " MiB heap: raise -Xmx");
    }
    float[] values = new float[(int) n];
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(h.dataOffset());
      byte[] chunk = new byte[1 << 16];
      ByteBuffer b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      int at = 0;
      int per = chunk.length / size;
      while (at < n) {
        int count = (int) Math.min(per, n - at);
        in.readNBytes(chunk, 0, count * size);
        for (int i = 0; i < count; i++) {
          values[at + i] = switch (size) {
            case 2 -> Float16.toFloat(b.getShort(i * 2));
            case 4 -> b.getFloat(i * 4);
            default -> (float) b.getDouble(i * 8);
          };
        }
        at += count;
      }
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + IoErrors.describe(e), e);
    }
    return new Floats(h.shape(), values);
  }

  /** A version 1.0 header for a C-order array, padded so that the data start on a 64-byte boundary. */
  static byte[] header(String descr, int[] shape) {
    StringBuilder dims = new StringBuilder();
    for (int i = 0; i < shape.length; i++) {
      dims.append(i > 0 ? ", " : "").append(shape[i]);
    }
    if (shape.length == 1) {
      dims.append(',');
    }
    String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
    int unpadded = 10 + dict.length() + 1;
    String text = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
    b.put(text.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }
}
