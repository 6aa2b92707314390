package org.sparsecode.api;

/**
 * Validation helpers for settings records. Every check takes the key name, so that the message reads
 * {@code lambda: must be > 0, got -1.0}.
 */
public final class Checks {
  private Checks() {}

  /**
   * Requires {@code value > 0} and finite.
   *
   * @param key the setting's key
   * @param value the value
   * @return the value
   * @throws ConfigException otherwise
   */
  public static double positive(String key, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new ConfigException(key, "must be > 0 and finite, got " + value);
    }
    return value;
  }

  /**
   * Requires {@code value >= 0} and finite.
   *
   * @param key the setting's key
   * @param value the value
   * @return the value
   * @throws ConfigException otherwise
   */
  public static double nonNegative(String key, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new ConfigException(key, "must be >= 0 and finite, got " + value);
    }
    return value;
  }

  /**
   * Requires {@code low <= value <= high}.
   *
   * @param key the setting's key
   * @param value the value
   * @param low the smallest allowed value
   * @param high the largest allowed value
   * @return the value
   * @throws ConfigException otherwise
   */
  public static double inRange(String key, double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new ConfigException(key, "must be in [" + low + ", " + high + "], got " + value);
    }
    return value;
  }

  /**
   * Requires {@code value >= min}.
   *
   * @param key the setting's key
   * @param value the value
   * @param min the smallest allowed value
   * @return the value
   * @throws ConfigException otherwise
   */
  public static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw new ConfigException(key, "must be >= " + min + ", got " + value);
    }
    return value;
  }

  /**
   * Requires a non-null value (a key without default).
   *
   * @param key the setting's key
   * @param value the value
   * @param <T> the value's type
   * @return the value
   * @throws ConfigException if it is null
   */
  public static <T> T required(String key, T value) {
    if (value == null) {
      throw new ConfigException(key, "is required");
    }
    return value;
  }
}
