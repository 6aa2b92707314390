package org.sparsecode.api;

/** The floating-point width of a numerical stage (YAML {@code precision: float32 | float64}). */
public enum Precision {
  /** IEEE single precision: half the memory, the default for coding. */
  FLOAT32,
  /** IEEE double precision: what the reference fixtures are compared against. */
  FLOAT64;

  /**
   * The YAML spelling.
   *
   * @return {@code "float32"} or {@code "float64"}
   */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses the YAML spelling.
   *
   * @param text {@code float32} or {@code float64}
   * @return the precision
   * @throws ConfigException for any other text
   */
  public static Precision parse(String text) {
    for (Precision p : values()) {
      if (p.yamlName().equals(text)) {
        return p;
      }
    }
    throw new ConfigException("precision", "must be float32 or float64, got '" + text + "'");
  }
}
