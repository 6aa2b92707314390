package org.sparsecode.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.sparsecode.api.SparsecodeException;

/**
 * Writes files atomically: the bytes go to a temporary file in the same directory, which is then renamed
 * over the destination, so a reader (or a crash) never sees a half-written file.
 *
 * <p>The temporary file is named {@code .<file name><digits>.tmp} (hidden, next to the destination). A
 * process killed between creating it and the rename leaves it behind; {@link #isTemporary(Path)} recognises
 * such a file and {@link #deleteTemporaries(Path)} removes them, which a writer that owns a directory does
 * before it starts writing there again.
 */
public final class AtomicFiles {
  /** {@code .<file name><digits>.tmp}: what {@link Files#createTempFile} makes of our prefix and suffix. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\d+\\.tmp");

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
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp"); // the TEMPORARY pattern
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

  /**
   * Whether a file is one of the temporary files {@link #write} creates: {@code .<name><digits>.tmp}.
   *
   * @param file the file (only its name is looked at)
   * @return {@code true} for a temporary of an atomic write
   */
  public static boolean isTemporary(Path file) {
    Path name = file.getFileName();
    return name != null && TEMPORARY.matcher(name.toString()).matches();
  }

  /**
   * Deletes the temporary files that writes killed before their rename left in a directory (not in its
   * sub-directories). Only the directory's single writer may call this: a temporary of a write in progress
   * in another process would be deleted too, and that write would fail.
   *
   * @param directory the directory; nothing happens when it does not exist
   * @return the deleted files, in no particular order
   * @throws SparsecodeException naming the directory or the file when one cannot be listed or deleted
   */
  public static List<Path> deleteTemporaries(Path directory) {
    List<Path> deleted = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return deleted;
    }
    try (var files = Files.newDirectoryStream(directory, AtomicFiles::isTemporary)) {
      for (Path p : files) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
          deleted.add(p);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      throw new SparsecodeException("cannot remove the temporary files of interrupted writes in " + directory
          + ": " + e.getMessage(), e);
    }
    return deleted;
  }
}
