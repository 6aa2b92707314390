package org.sparsecode.core.io;

import java.io.ByteArrayInputStream;
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
   * Reads every array of an archive (compressed or not).
   *
   * @param file the archive
   * @return the arrays by name (without {@code .npy}), in archive order
   * @throws SparsecodeException naming the file when it cannot be read
   */
  public static Map<String, NpyArray> read(Path file) {
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(raw)) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4)
            : e.getName();
        byte[] bytes = Npy.readAll(zip);
        arrays.put(name, Npy.read(new ByteArrayInputStream(bytes), file + ":" + e.getName()));
      }
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e, e);
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
      throw new SparsecodeException("cannot write " + file + ": " + e, e);
    }
    AtomicFiles.write(file, bytes.toByteArray());
  }
}
