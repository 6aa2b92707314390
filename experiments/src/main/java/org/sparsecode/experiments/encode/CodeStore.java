package org.sparsecode.experiments.encode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.io.AtomicFiles;
import org.sparsecode.core.io.Npy;
import org.sparsecode.core.io.NpyHeader;
import org.sparsecode.experiments.results.Json;

/**
 * The directory of one key's codes in the cache ({@code CACHE/<sha256>/}, see {@link Layout}), held by one
 * process at a time: opening it takes a lock on {@value #LOCK}, removes the temporary files of writes a killed
 * process left, and writes the manifest as {@code running} unless it says {@code complete}. Every file is written
 * atomically ({@link AtomicFiles}); a shard is complete when its stats file, written last, is there and every
 * file of the shard has the shape the layout gives: a rerun codes the others again.
 */
final class CodeStore implements AutoCloseable {
  /** The manifest's file name. */
  static final String MANIFEST = "manifest.json";
  /** The lock file's name. */
  static final String LOCK = ".lock";
  /** The manifest's status while codes are missing. */
  static final String RUNNING = "running";
  /** The manifest's status once every shard is there. */
  static final String COMPLETE = "complete";

  private final Path root;
  private final CodeKey key;
  private final Layout layout;
  private final FileChannel channel;
  private final FileLock lock;

  private CodeStore(Path root, CodeKey key, Layout layout, FileChannel channel, FileLock lock) {
    this.root = root;
    this.key = key;
    this.layout = layout;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (creating) a key's directory in a cache.
   *
   * @param cache the cache's directory
   * @param key the codes' key
   * @param layout their layout
   * @param classes the class names (recorded in the manifest)
   * @return the store, locked until {@link #close()}
   * @throws SparsecodeException when the directory cannot be written, another process holds it, or it holds a
   *     manifest of another key
   */
  static CodeStore open(Path cache, CodeKey key, Layout layout, List<String> classes) {
    Path root = cache.resolve(key.sha256());
    FileChannel channel = null;
    try {
      for (String split : Layout.SPLITS) {
        Files.createDirectories(root.resolve(split));
      }
      channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new SparsecodeException("another run is encoding into " + root + " (it holds " + LOCK + "): wait for"
            + " it to finish, then run again to reuse its codes");
      }
      CodeStore store = new CodeStore(root, key, layout, channel, lock);
      channel = null;
      store.prepare(classes);
      return store;
    } catch (IOException e) {
      throw new SparsecodeException("cannot open the code cache " + root + ": " + e.getMessage(), e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the first error is the one reported
        }
      }
    }
  }

  private void prepare(List<String> classes) {
    AtomicFiles.deleteTemporaries(root);
    for (String split : Layout.SPLITS) {
      AtomicFiles.deleteTemporaries(root.resolve(split));
    }
    Map<String, Object> manifest = manifest(root).orElse(null);
    if (manifest != null && !key.sha256().equals(manifest.get("key"))) {
      throw new SparsecodeException(root.resolve(MANIFEST) + " holds the codes of key " + manifest.get("key")
          + ", not " + key.sha256() + ": the directory was edited or copied; remove it to encode again");
    }
    if (manifest == null || !COMPLETE.equals(manifest.get("status"))) {
      writeManifest(RUNNING, classes, null);
    }
  }

  /**
   * Marks the codes incomplete (before coding what is missing), whatever the manifest said.
   *
   * @param classes the class names
   */
  void markRunning(List<String> classes) {
    writeManifest(RUNNING, classes, null);
  }

  /**
   * The manifest of a key's directory.
   *
   * @param root the directory
   * @return its manifest, when there is one
   */
  static java.util.Optional<Map<String, Object>> manifest(Path root) {
    Path file = root.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    } catch (IOException e) {
      throw new SparsecodeException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether the manifest says every shard is there.
   *
   * @return {@code true} when complete
   */
  boolean isComplete() {
    return manifest(root).map(m -> COMPLETE.equals(m.get("status"))).orElse(false);
  }

  /**
   * The directory.
   *
   * @return {@code CACHE/<sha256>}
   */
  Path root() {
    return root;
  }

  /**
   * Whether a shard's files are all there with the layout's shapes.
   *
   * @param split {@code train} or {@code test}
   * @param index the shard
   * @return {@code true} when it need not be coded
   */
  boolean isDone(String split, int index) {
    int n = layout.imagesIn(split, index);
    return has(Layout.file(root, split, "stats", index), "<f8", n, Layout.STATS.size())
        && has(Layout.file(root, split, "codes", index), layout.dtype().descr(), n, layout.kernels(), layout.size(),
        layout.size())
        && has(Layout.file(root, split, "labels", index), "<i8", n)
        && has(Layout.file(root, split, "index", index), "<i8", n);
  }

  private static boolean has(Path file, String dtype, int... shape) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      NpyHeader h = Npy.header(file);
      return h.dtype().equals(dtype) && Arrays.equals(h.shape(), shape);
    } catch (SparsecodeException e) {
      return false;
    }
  }

  /**
   * Writes a shard: codes, labels and indices, then its stats, each atomically.
   *
   * @param split {@code train} or {@code test}
   * @param index the shard
   * @param codes the codes' file
   * @param labels the images' classes
   * @param sources the images' positions in the data set's files
   * @param stats {@code n × 4} values, row-major ({@link Layout#STATS})
   */
  void write(String split, int index, CodeArrays.FloatFile codes, long[] labels, long[] sources, double[] stats) {
    AtomicFiles.write(Layout.file(root, split, "codes", index), codes.bytes());
    AtomicFiles.write(Layout.file(root, split, "labels", index), CodeArrays.longs(labels));
    AtomicFiles.write(Layout.file(root, split, "index", index), CodeArrays.longs(sources));
    AtomicFiles.write(Layout.file(root, split, "stats", index), Npy.toBytes(stats,
        new int[] {labels.length, Layout.STATS.size()}, false));
  }

  /**
   * Marks the codes complete, with the summary of their stats.
   *
   * @param classes the class names
   * @param summary per split, the summaries of the stats columns
   */
  void complete(List<String> classes, Map<String, Object> summary) {
    writeManifest(COMPLETE, classes, summary);
  }

  private void writeManifest(String status, List<String> classes, Map<String, Object> summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key.sha256());
    m.put("status", status);
    m.put("layout", "train/ and test/: codes-NNNNN.npy (n, K, size, size), labels-NNNNN.npy (n,) int64,"
        + " index-NNNNN.npy (n,) int64 positions in the data files, stats-NNNNN.npy (n, 4) float64: "
        + String.join(", ", Layout.STATS));
    m.put("kernels", layout.kernels());
    m.put("size", layout.size());
    m.put("dtype", layout.dtype().yamlName());
    m.put("shard", layout.shard());
    Map<String, Object> splits = new LinkedHashMap<>();
    for (String split : Layout.SPLITS) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("count", layout.count(split));
      s.put("shards", layout.shards(split));
      if (summary != null && summary.get(split) != null) {
        s.put("summary", summary.get(split));
      }
      splits.put(split, s);
    }
    m.put("splits", splits);
    m.put("classes", classes);
    m.put("configuration", key.tree());
    AtomicFiles.writeString(root.resolve(MANIFEST), Json.pretty(m));
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new SparsecodeException("cannot release the lock of " + root + ": " + e.getMessage(), e);
    }
  }
}
