package org.sparsecode.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
      // createTempFile makes the file owner-only (0600); results are meant to be shared like any file
      // written with the process's umask, so give the usual rw-r--r-- where the file system has modes.
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep its defaults
      }
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
