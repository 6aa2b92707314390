package org.sparsecode.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sparsecode.api.SparsecodeException;

/**
 * Writes files atomically: the bytes go to a temporary file in the same directory, which is then renamed
 * over the destination, so a reader (or a crash) never sees a half-written file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes bytes atomically, creating parent directories.
   *
   * @param file the destination
   * @param bytes the content
   * @throws SparsecodeException naming the file when it cannot be written
   */
  public static void write(Path file, byte[] bytes) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original error is the one to report
        }
      }
      throw new SparsecodeException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes UTF-8 text atomically.
   *
   * @param file the destination
   * @param text the content
   */
  public static void writeString(Path file, String text) {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }
}
