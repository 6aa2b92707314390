package org.sparsecode.core.io;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * Reasons of I/O errors in words a user reads, without Java class names: error messages say what is wrong
 * with a file ({@code permission denied}), not which exception carried it.
 */
public final class IoErrors {
  private static final Pattern CLASS_PREFIX = Pattern.compile(
      "\\b(?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error):\\s*");

  private IoErrors() {}

  /**
   * The reason of an error, for a message that already names the file.
   *
   * @param e the error
   * @return e.g. {@code no such file}, {@code permission denied}, {@code the file ends too early (truncated)}
   */
  public static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException) {
        return "the file ends too early (truncated)";
      }
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "a path component is not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && !m.isBlank()) {
        // a message built from a cause's toString() repeats its class name: drop it
        String plain = CLASS_PREFIX.matcher(m).replaceAll("").strip();
        if (!plain.isEmpty()) {
          return plain;
        }
      }
    }
    String kind = e.getClass().getSimpleName().replace("Exception", "").replace("Error", "");
    return kind.isEmpty() ? "an I/O error" : "an I/O error (" + kind + ")";
  }
}
