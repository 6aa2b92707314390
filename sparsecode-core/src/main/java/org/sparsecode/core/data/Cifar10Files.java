package org.sparsecode.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.IoErrors;

/**
 * Reads CIFAR-10's binary version ({@code cifar-10-binary.tar.gz}, unpacked: {@code cifar-10-batches-bin/}):
 * {@code data_batch_1.bin} to {@code data_batch_5.bin} (10 000 records each), {@code test_batch.bin} and
 * {@code batches.meta.txt} (the class names, one a line). A record is one label byte (0–9) then 3072 bytes:
 * the 32×32 red plane, then green, then blue, each row-major — the planar layout of
 * {@link org.sparsecode.api.image.Image}.
 *
 * <p>Problems (a missing file, a length that is not a whole number of records, a label beyond the classes)
 * are {@link SparsecodeException}s naming the file.
 */
public final class Cifar10Files {
  /** The side of a CIFAR-10 image. */
  public static final int SIDE = 32;
  /** Bytes of one image: three 32×32 planes. */
  public static final int IMAGE_BYTES = 3 * SIDE * SIDE;
  /** Bytes of one record: the label, then the image. */
  public static final int RECORD_BYTES = 1 + IMAGE_BYTES;
  /** The training batches, in order. */
  public static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
      "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
  /** The test batch. */
  public static final String TEST_FILE = "test_batch.bin";
  /** The class names file. */
  public static final String META_FILE = "batches.meta.txt";
  /** CIFAR-10's classes, as {@code batches.meta.txt} lists them. */
  public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
      "horse", "ship", "truck");

  private Cifar10Files() {}

  /**
   * The records of one or more batch files, in order.
   *
   * @param labels one label per record
   * @param images {@link #IMAGE_BYTES} bytes per record, one after the other
   * @param files the file of each record, for messages
   * @param offsets the record's index within its file
   */
  public record Batch(int[] labels, byte[] images, List<Path> files, int[] offsets) {

    /**
     * The number of records.
     *
     * @return {@code labels.length}
     */
    public int count() {
      return labels.length;
    }
  }

  /**
   * Reads batch files one after the other.
   *
   * @param files the batch files
   * @param classes the number of classes, labels must be below it
   * @return their records, in order
   * @throws SparsecodeException naming the file at fault
   */
  public static Batch read(List<Path> files, int classes) {
    long total = 0;
    List<Long> counts = new ArrayList<>();
    for (Path f : files) {
      long n = recordCount(f);
      counts.add(n);
      total += n;
    }
    long bytes = total * IMAGE_BYTES;
    long max = Runtime.getRuntime().maxMemory();
    if (bytes > IdxFiles.MAX_VALUES || bytes > max / 2) {
      throw new SparsecodeException(String.format(Locale.ROOT, "%s: %d CIFAR-10 records (%d MiB) are more than"
          + " this JVM can hold (heap %d MiB): raise -Xmx", files.get(0), total, bytes >> 20, max >> 20));
    }
    int[] labels = new int[(int) total];
    byte[] images = new byte[(int) bytes];
    List<Path> owners = new ArrayList<>();
    int[] offsets = new int[(int) total];
    int at = 0;
    byte[] record = new byte[RECORD_BYTES];
    for (int fi = 0; fi < files.size(); fi++) {
      Path f = files.get(fi);
      try (InputStream in = Files.newInputStream(f)) {
        for (int r = 0; r < counts.get(fi); r++) {
          if (in.readNBytes(record, 0, RECORD_BYTES) < RECORD_BYTES) {
            throw new SparsecodeException(f + ": truncated CIFAR-10 batch: it ends inside record " + r
                + " (the file changed while it was read?)");
          }
          int label = record[0] & 0xFF;
          if (label >= classes) {
            throw new SparsecodeException(f + ": record " + r + " has label " + label + " but the data set has "
                + classes + " classes (labels 0-" + (classes - 1) + "): the file is corrupt or not a CIFAR-10"
                + " batch (CIFAR-100's binary records have two label bytes)");
          }
          labels[at] = label;
          System.arraycopy(record, 1, images, at * IMAGE_BYTES, IMAGE_BYTES);
          owners.add(f);
          offsets[at] = r;
          at++;
        }
      } catch (IOException e) {
        throw failure(f, e);
      }
    }
    return new Batch(labels, images, List.copyOf(owners), offsets);
  }

  /**
   * The number of records of a batch file, from its length.
   *
   * @param file the file
   * @return its records
   * @throws SparsecodeException when it is missing, empty or not a whole number of records
   */
  public static long recordCount(Path file) {
    if (Files.isDirectory(file)) {
      throw new SparsecodeException(file + " is a directory, not a CIFAR-10 batch file");
    }
    long length;
    try {
      length = Files.size(file);
    } catch (IOException e) {
      throw failure(file, e);
    }
    if (length == 0) {
      throw new SparsecodeException(file + " is empty (0 bytes), not a CIFAR-10 batch file");
    }
    if (length % RECORD_BYTES != 0) {
      throw new SparsecodeException(file + ": " + length + " bytes is not a whole number of CIFAR-10 records ("
          + RECORD_BYTES + " bytes each: 1 label byte and 3072 pixel bytes; " + length / RECORD_BYTES
          + " whole records and " + length % RECORD_BYTES + " bytes more): the file is truncated or not a"
          + " CIFAR-10 binary batch (the Python version's pickles are not read)");
    }
    return length / RECORD_BYTES;
  }

  /**
   * The class names: the non-blank lines of {@code batches.meta.txt} when the directory has one, else
   * {@link #CLASSES}.
   *
   * @param directory the batches' directory
   * @return the names, by class number
   * @throws SparsecodeException when the file exists but cannot be read or lists no class
   */
  public static List<String> classNames(Path directory) {
    Path meta = directory.resolve(META_FILE);
    if (!Files.exists(meta)) {
      return CLASSES;
    }
    List<String> names = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          names.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw failure(meta, e);
    }
    if (names.isEmpty()) {
      throw new SparsecodeException(meta + " lists no class name (one a line); remove it to use CIFAR-10's");
    }
    if (names.size() > 256) {
      throw new SparsecodeException(meta + " lists " + names.size() + " class names, but a label byte holds at most"
          + " 256 classes: is it the right file?");
    }
    return List.copyOf(names);
  }

  private static SparsecodeException failure(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new SparsecodeException(file + " does not exist");
    }
    return new SparsecodeException("cannot read " + file + ": " + IoErrors.describe(e), e);
  }
}
