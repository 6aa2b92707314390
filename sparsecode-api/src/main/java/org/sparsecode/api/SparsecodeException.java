package org.sparsecode.api;

/** The root of the errors sparsecode reports to a user: each message says what went wrong and where. */
public class SparsecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong, naming the file, key or iteration concerned
   */
  public SparsecodeException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong, naming the file, key or iteration concerned
   * @param cause the underlying error
   */
  public SparsecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
