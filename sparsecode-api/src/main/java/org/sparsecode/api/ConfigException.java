package org.sparsecode.api;

/**
 * An invalid setting. The message names the key (relative to the plugin's block, e.g. {@code lambda};
 * the loader prefixes the block path, e.g. {@code solver.lambda}), the value and the rule.
 */
public class ConfigException extends SparsecodeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * Creates the exception.
   *
   * @param key the offending key, relative to the block being validated
   * @param problem what is wrong, e.g. {@code "must be > 0, got -1.0"}
   */
  public ConfigException(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
  }

  /**
   * The offending key.
   *
   * @return the key path relative to the block being validated
   */
  public String key() {
    return key;
  }

  /**
   * The message without the key prefix.
   *
   * @return what is wrong
   */
  public String problem() {
    return getMessage().substring(key.length() + 2);
  }
}
