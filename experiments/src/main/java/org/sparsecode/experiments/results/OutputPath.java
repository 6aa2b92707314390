package org.sparsecode.experiments.results;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sparsecode.experiments.config.ConfigError;

/**
 * Checks an output directory given on the command line before any work starts, so that a run never computes
 * for an hour and then fails to write, and never writes somewhere the user did not mean (an empty {@code
 * --output} would otherwise be the current directory). Nothing is created: the directory itself, or its nearest
 * existing ancestor, is probed by creating and deleting a temporary file in it, which is the only test that
 * also holds for special file systems ({@code /proc}, {@code /sys}) and for root, whom permission bits do not
 * stop.
 */
public final class OutputPath {
  private OutputPath() {}

  /**
   * Fails clearly unless {@code dir} can hold a run.
   *
   * @param dir the directory as given with {@code --output}
   * @return the absolute, normalised directory
   * @throws ConfigError naming the path and what is wrong with it
   */
  public static Path check(Path dir) {
    String given = dir.toString();
    if (given.isBlank()) {
      throw new ConfigError("--output is empty: give a directory (it is created if missing), or leave --output"
          + " out to write into runs/<name>-<time>");
    }
    Path abs = dir.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw new ConfigError("--output " + given + ": no part of this path exists, not even its root");
    }
    if (!Files.isDirectory(existing)) {
      String what = Files.isRegularFile(existing) ? "a file" : "not a directory (a device or another special file)";
      throw new ConfigError("--output " + given + ": " + (existing.equals(abs) ? "it is " : existing + " is ") + what
          + "; give a directory");
    }
    probe(given, existing);
    return abs;
  }

  /** Creates and deletes a temporary file in {@code dir}; fails naming the path when that cannot be done. */
  private static void probe(String given, Path dir) {
    Path probe;
    try {
      probe = Files.createTempFile(dir, ".sparsecode-probe-", ".tmp");
    } catch (AccessDeniedException e) {
      throw new ConfigError("--output " + given + ": cannot write into " + dir + " (permission denied); give a"
          + " directory you can write to", e);
    } catch (IOException | UnsupportedOperationException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ConfigError("--output " + given + ": cannot write into " + dir + " (" + reason + "); give a"
          + " directory on a writable file system", e);
    }
    try {
      Files.deleteIfExists(probe);
    } catch (IOException e) {
      throw new ConfigError("--output " + given + ": a test file " + probe + " could not be deleted ("
          + e.getMessage() + ")", e);
    }
  }
}
