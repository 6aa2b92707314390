package org.sparsecode.experiments.encode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.data.CodeArrays;
import org.sparsecode.core.io.Npy;
import org.sparsecode.experiments.results.Json;

/**
 * A finished set of codes in the cache, read-only: what a training stage reads. {@link #open(Path)} takes the
 * directory an encoding wrote ({@link Encoder.Outcome#directory()}, or {@code encoding.json}'s {@code codes}).
 *
 * @param directory the codes' directory ({@code CACHE/<sha256>})
 * @param layout their layout
 * @param classes the class names, by label
 * @param manifest the manifest, as parsed
 */
public record CodeSet(Path directory, Layout layout, List<String> classes, Map<String, Object> manifest) {

  /**
   * Opens a complete set of codes.
   *
   * @param directory the codes' directory
   * @return the set
   * @throws SparsecodeException when the directory holds no manifest, or one of codes still being written
   */
  @SuppressWarnings("unchecked")
  public static CodeSet open(Path directory) {
    Map<String, Object> m = CodeStore.manifest(directory).orElseThrow(() -> new SparsecodeException(directory
        + " holds no " + CodeStore.MANIFEST + ": it is not a directory of codes (run the encoding first)"));
    if (!CodeStore.COMPLETE.equals(m.get("status"))) {
      throw new SparsecodeException(directory + ": the codes are not complete (status " + m.get("status") + "): run"
          + " the encoding again to finish them");
    }
    Map<String, Object> splits = (Map<String, Object>) m.get("splits");
    int train = (int) Json.number(((Map<String, Object>) splits.get("train")).get("count"));
    int test = (int) Json.number(((Map<String, Object>) splits.get("test")).get("count"));
    Layout layout = new Layout((int) Json.number(m.get("kernels")), (int) Json.number(m.get("size")),
        CodeArrays.Dtype.parse(String.valueOf(m.get("dtype"))), (int) Json.number(m.get("shard")), train, test);
    return new CodeSet(directory, layout, List.copyOf((List<String>) m.get("classes")), m);
  }

  /**
   * One shard's codes, as floats.
   *
   * @param split {@code train} or {@code test}
   * @param shard the shard, from 0 to {@code layout().shards(split) - 1}
   * @return shape {@code (n, K, size, size)} and values in C order
   */
  public CodeArrays.Floats codes(String split, int shard) {
    return CodeArrays.readFloats(Layout.file(directory, split, "codes", shard));
  }

  /**
   * One shard's labels.
   *
   * @param split {@code train} or {@code test}
   * @param shard the shard
   * @return the class of each of its images
   */
  public int[] labels(String split, int shard) {
    return ints(Layout.file(directory, split, "labels", shard));
  }

  /**
   * One shard's images' positions in the data set's files.
   *
   * @param split {@code train} or {@code test}
   * @param shard the shard
   * @return the index of each of its images in its split's files
   */
  public int[] indices(String split, int shard) {
    return ints(Layout.file(directory, split, "index", shard));
  }

  private static int[] ints(Path file) {
    double[] d = Npy.read(file).data();
    int[] out = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = (int) d[i];
    }
    return out;
  }
}
