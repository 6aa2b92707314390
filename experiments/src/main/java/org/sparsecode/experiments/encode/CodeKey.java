package org.sparsecode.experiments.encode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.experiments.config.ExperimentConfig;
import org.sparsecode.experiments.results.Json;

/**
 * What a set of codes depends on, and its hash: the name of its directory in the cache.
 *
 * <p>The key's tree holds: the format of the files ({@value #FORMAT}); the resolved {@code data:} block (type,
 * paths as written, {@code train}, {@code test}, {@code seed}, {@code size}, {@code preprocess}) and the digests
 * of both splits' raw content ({@link org.sparsecode.api.data.LabelledImages#digest()}), so that other files at
 * the same path are other data; the SHA-256 of the dictionary's kernels (not its block: a learned dictionary's
 * file counts by its content); the resolved {@code solver:} block; the precision and the FFT engine that runs
 * (they change the codes' rounding); and the stored form (variable, size, dtype, images per shard). It leaves
 * out what does not change the files: the experiment's name and top-level seed (solvers are deterministic, and
 * the data's subsets have their own seed), the threads, the cache's location.
 *
 * @param tree the key's tree (ordered maps and scalars), as written to the manifest
 * @param sha256 the SHA-256 of the tree's canonical JSON
 */
public record CodeKey(Map<String, Object> tree, String sha256) {
  /** The version of the on-disk layout ({@link Layout}); a change of the files' meaning raises it. */
  public static final int FORMAT = 1;
  /** The variable stored: the solver's code (for ADMM the thresholded Y, as SPORCO returns). */
  public static final String VARIABLE = "code";

  /**
   * The key of one experiment's codes.
   *
   * @param config the experiment (its {@code data:}, {@code solver:}, precision and FFT engine)
   * @param data the data set the configuration made
   * @param dictionary the dictionary the configuration made
   * @param layout the stored form
   * @return the key
   */
  public static CodeKey of(ExperimentConfig config, LabelledData data, Dictionary dictionary, Layout layout) {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("format", FORMAT);
    tree.put("data", config.resolved().get("data"));
    tree.put("trainSha256", data.train().digest());
    tree.put("testSha256", data.test().digest());
    Map<String, Object> dict = new LinkedHashMap<>();
    dict.put("kernels", dictionary.count());
    dict.put("size", dictionary.size());
    dict.put("sha256", sha256(dictionary));
    tree.put("dictionary", dict);
    tree.put("solver", config.resolved().get("solver"));
    tree.put("precision", config.precision().yamlName());
    tree.put("fft", config.resolved().get("fft"));
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("variable", VARIABLE);
    stored.put("size", layout.size());
    stored.put("dtype", layout.dtype().yamlName());
    stored.put("shard", layout.shard());
    tree.put("stored", stored);
    return new CodeKey(Collections.unmodifiableMap(tree), Json.sha256(tree));
  }

  /**
   * The SHA-256 of a dictionary's content: its kernel size and count, then its kernels as little-endian
   * float64.
   *
   * @param dictionary the dictionary
   * @return lower-case hexadecimal
   */
  public static String sha256(Dictionary dictionary) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
    ByteBuffer b = ByteBuffer.allocate(8 + 8 * dictionary.kernels().length).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(dictionary.size()).putInt(dictionary.count());
    b.asDoubleBuffer().put(dictionary.kernels());
    md.update(b.array());
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * A short form of the hash for directory names and log lines.
   *
   * @return the first 16 hexadecimal digits
   */
  public String shortSha() {
    return sha256.substring(0, 16);
  }
}
