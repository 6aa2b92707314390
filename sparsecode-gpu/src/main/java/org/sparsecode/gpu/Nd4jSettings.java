package org.sparsecode.gpu;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;

/** The two settings every ND4J solver adds to its core solver's: {@code batch} and {@code dtype}. */
final class Nd4jSettings {
  /** Default images per batch: fits a GPU of 4 GiB at the paper's size (144 kernels, 256 × 256) in float32. */
  static final int DEFAULT_BATCH = 8;
  /** The largest batch accepted: a typo such as 1e6 is caught at load time. */
  static final int MAX_BATCH = 4096;
  /** Default arithmetic. */
  static final String DEFAULT_DTYPE = "float32";

  private Nd4jSettings() {}

  /**
   * Validates {@code batch}.
   *
   * @param batch the value, or null for the default
   * @return the value to use
   * @throws ConfigException ({@code batch}) outside {@code [1, MAX_BATCH]}
   */
  static int batch(Integer batch) {
    int b = Checks.atLeast("batch", batch != null ? batch : DEFAULT_BATCH, 1);
    if (b > MAX_BATCH) {
      throw new ConfigException("batch", "must be in [1, " + MAX_BATCH + "] (images coded at once), got " + b);
    }
    return b;
  }

  /**
   * Validates {@code dtype}.
   *
   * @param dtype the value, or null for the default
   * @return its canonical spelling
   * @throws ConfigException ({@code dtype}) for an unknown type
   */
  static String dtype(String dtype) {
    return Dtype.parse(dtype != null ? dtype : DEFAULT_DTYPE).yamlName();
  }
}
