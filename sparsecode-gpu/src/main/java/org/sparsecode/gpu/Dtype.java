package org.sparsecode.gpu;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.sparsecode.api.ConfigException;

/**
 * The arithmetic of an ND4J solver (YAML {@code dtype}): the type of every array on the device. Scalars and
 * the per-image sums the statistics are made of are always float64 on the host.
 */
public enum Dtype {
  /** IEEE single precision: the default. */
  FLOAT32(DataType.FLOAT, 4),
  /** IEEE double precision: for checking against the core solvers in float64 (slow on most GPUs). */
  FLOAT64(DataType.DOUBLE, 8),
  /** IEEE half precision: 11 significant bits, largest value 65504 (CUDA backend only). */
  FLOAT16(DataType.FLOAT16, 2),
  /** bfloat16: float32's range with 8 significant bits (CUDA backend only). */
  BFLOAT16(DataType.BFLOAT16, 2);

  /** The YAML spellings, for messages. */
  public static final String NAMES = "float32, float64, float16 or bfloat16";

  private final DataType type;
  private final int bytes;

  Dtype(DataType type, int bytes) {
    this.type = type;
    this.bytes = bytes;
  }

  /**
   * ND4J's type.
   *
   * @return the data type of the solver's arrays
   */
  public DataType nd4j() {
    return type;
  }

  /**
   * Bytes per element.
   *
   * @return 2, 4 or 8
   */
  public int bytes() {
    return bytes;
  }

  /**
   * Whether this is a 16-bit type.
   *
   * @return true for float16 and bfloat16
   */
  public boolean half() {
    return bytes == 2;
  }

  /**
   * The YAML spelling.
   *
   * @return {@code float32}, {@code float64}, {@code float16} or {@code bfloat16}
   */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the YAML spelling.
   *
   * @param text the value of {@code dtype}
   * @return the type
   * @throws ConfigException ({@code dtype}) for any other text
   */
  public static Dtype parse(String text) {
    for (Dtype d : values()) {
      if (d.yamlName().equals(text)) {
        return d;
      }
    }
    throw new ConfigException("dtype", "must be " + NAMES + ", got '" + text + "'");
  }
}
