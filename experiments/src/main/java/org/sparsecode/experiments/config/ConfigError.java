package org.sparsecode.experiments.config;

import org.sparsecode.api.SparsecodeException;

/** An error in an experiment file or a {@code --set} override, located by file:line:column and key path. */
public class ConfigError extends SparsecodeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message {@code FILE:LINE:COLUMN: key.path: problem}
   */
  public ConfigError(String message) {
    super(message);
  }

  /**
   * Creates the error with a cause.
   *
   * @param message {@code FILE:LINE:COLUMN: key.path: problem}
   * @param cause the underlying error
   */
  public ConfigError(String message, Throwable cause) {
    super(message, cause);
  }
}
