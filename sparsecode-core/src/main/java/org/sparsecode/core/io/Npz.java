package org.sparsecode.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.sparsecode.api.SparsecodeException;

/** Reads and writes NumPy {@code .npz} archives: a zip of {@code name.npy} entries. */
public final class Npz {
  /**
   * Every entry's time stamp: the zip format's earliest, as NumPy's {@code savez} writes, so that the same
   * arrays always give the same bytes (a resumed run's files compare equal to an uninterrupted run's).
   */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private Npz() {}

  /**
   * Reads every array of an archive (compressed or not). Each entry is read as a stream, its {@code .npy}
   * header checked before its data is read, so a damaged archive (or one whose entry would inflate beyond
   * what its header announces) is an error, never an {@link OutOfMemoryError}.
   *
   * @param file the archive
   * @return the arrays by name (without {@code .npy}), in archive order
   * @throws SparsecodeException naming the file when it is missing, empty, not a zip archive, holds an entry
   *     that is not a valid {@code .npy} or two entries of the same name
   */
  public static Map<String, NpyArray> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SparsecodeException(file + (Files.exists(file) ? " is not a regular file" : " does not exist"));
    }
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4)
            : e.getName();
        NpyArray array = Npy.read(zip, file + ":" + e.getName());
        if (arrays.put(name, array) != null) {
          throw new SparsecodeException(file + " is not a valid .npz archive: entry '" + e.getName()
              + "' appears twice");
        }
      }
    } catch (IOException | RuntimeException e) {
      // ZipInputStream reports damage as ZipException, EOFException, or IllegalArgumentException (bad names)
      if (e instanceof SparsecodeException se) {
        throw se;
      }
      throw new SparsecodeException("cannot read " + file + " as a .npz archive: " + IoErrors.describe(e), e);
    }
    if (arrays.isEmpty()) {
      throw new SparsecodeException(file + " is not a .npz archive (no entries)");
    }
    return arrays;
  }

  /**
   * Writes arrays to a compressed archive atomically; the bytes depend on the names and arrays only.
   *
   * @param file the destination
   * @param arrays the arrays by name
   */
  public static void write(Path file, Map<String, NpyArray> arrays) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(Npy.toBytes(e.getValue()));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new SparsecodeException("cannot write " + file + ": " + IoErrors.describe(e), e);
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
