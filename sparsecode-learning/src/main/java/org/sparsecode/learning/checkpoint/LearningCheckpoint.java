package org.sparsecode.learning.checkpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.io.Npz;
import org.sparsecode.core.io.NpyArray;

/**
 * The state of a dictionary learner after some steps: enough to continue exactly as if never interrupted.
 * The image draws are not stored: a learner derives the draw of step j from (seed, j), so the step index is
 * the generator's state. Stored as a {@code .npz} archive written atomically (temporary file, then rename):
 * {@code dictionary} (k, k, K) float64, {@code step} (1,), {@code objective} (steps done,) and
 * {@code fingerprint} (32,) — the bytes of a SHA-256 of everything that determines the run except its length,
 * so a checkpoint of another configuration is recognised and ignored.
 *
 * @param step the number of steps done (the next step's index)
 * @param dictionary the dictionary after those steps
 * @param objective each done step's objective, in order
 * @param fingerprint the hex SHA-256 identifying the learner, its settings (except the number of steps and the
 *     checkpoint period), the seed, the precision, the initial dictionary and the image count
 */
public record LearningCheckpoint(int step, Dictionary dictionary, double[] objective, String fingerprint) {

  /** The checkpoint's file name inside the checkpoint directory. */
  public static final String FILE_NAME = "learning-checkpoint.npz";
  /** Length of the fingerprint: a SHA-256. */
  private static final int FINGERPRINT_BYTES = 32;

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the objective count differs from the step count
   */
  public LearningCheckpoint {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(fingerprint, "fingerprint");
    objective = objective.clone();
    if (step < 0 || objective.length != step) {
      throw new IllegalArgumentException("checkpoint: " + objective.length + " objectives for step " + step);
    }
  }

  /**
   * The checkpoint file inside a directory.
   *
   * @param directory the checkpoint directory
   * @return {@code directory/learning-checkpoint.npz}
   */
  public static Path file(Path directory) {
    return directory.resolve(FILE_NAME);
  }

  /**
   * Writes the checkpoint atomically into {@code directory} (created when needed).
   *
   * @param directory the checkpoint directory
   * @throws SparsecodeException when it cannot be written
   */
  public void write(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new SparsecodeException("cannot create checkpoint directory " + directory + ": " + e.getMessage(), e);
    }
    byte[] hash = HexFormat.of().parseHex(fingerprint);
    double[] hashValues = new double[hash.length];
    for (int i = 0; i < hash.length; i++) {
      hashValues[i] = hash[i] & 0xff;
    }
    Map<String, NpyArray> arrays = new LinkedHashMap<>();
    arrays.put("dictionary", DictionaryFiles.toArray(dictionary));
    arrays.put("step", NpyArray.of(new double[] {step}, 1));
    arrays.put("objective", NpyArray.of(objective.clone(), objective.length));
    arrays.put("fingerprint", NpyArray.of(hashValues, hashValues.length));
    Npz.write(file(directory), arrays);
  }

  /**
   * Reads the checkpoint of a directory, if there is a readable one.
   *
   * @param directory the checkpoint directory
   * @return the checkpoint, or empty when the file is absent
   * @throws SparsecodeException naming the file when it exists but is not a readable checkpoint (damaged
   *     archive, missing entry, entries of the wrong shape, a non-finite or all-zero kernel)
   */
  public static Optional<LearningCheckpoint> read(Path directory) {
    Path f = file(directory);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    Map<String, NpyArray> a;
    try {
      a = Npz.read(f);
    } catch (SparsecodeException e) {
      throw damaged(f, e.getMessage());
    }
    for (String key : new String[] {"dictionary", "step", "objective", "fingerprint"}) {
      if (!a.containsKey(key)) {
        throw damaged(f, "no '" + key + "' entry");
      }
    }
    double[] stepValue = a.get("step").data();
    if (a.get("step").rank() != 1 || stepValue.length != 1 || !(stepValue[0] >= 0)
        || stepValue[0] > Integer.MAX_VALUE || stepValue[0] != Math.rint(stepValue[0])) {
      throw damaged(f, "'step' must be one non-negative integer, got " + a.get("step") + " "
          + Arrays.toString(Arrays.copyOf(stepValue, Math.min(3, stepValue.length))));
    }
    int step = (int) stepValue[0];
    NpyArray objective = a.get("objective");
    if (objective.rank() != 1 || objective.dim(0) != step) {
      throw damaged(f, "'objective' must hold one value per step done (" + step + "), got " + objective);
    }
    double[] hashValues = a.get("fingerprint").data();
    if (a.get("fingerprint").rank() != 1 || hashValues.length != FINGERPRINT_BYTES) {
      throw damaged(f, "'fingerprint' must hold " + FINGERPRINT_BYTES + " bytes, got " + a.get("fingerprint"));
    }
    byte[] hash = new byte[hashValues.length];
    for (int i = 0; i < hash.length; i++) {
      double v = hashValues[i];
      if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
        throw damaged(f, "'fingerprint' value " + i + " is " + v + ", not a byte");
      }
      hash[i] = (byte) v;
    }
    Dictionary dictionary;
    try {
      dictionary = DictionaryFiles.fromArray(a.get("dictionary"), f + ":dictionary.npy");
    } catch (SparsecodeException e) {
      throw damaged(f, e.getMessage());
    }
    return Optional.of(new LearningCheckpoint(step, dictionary, objective.data(), HexFormat.of().formatHex(hash)));
  }

  /** A checkpoint that cannot be used: say which file, why, and that deleting it restarts learning. */
  private static SparsecodeException damaged(Path f, String why) {
    return new SparsecodeException("learning checkpoint " + f + " is damaged or not a checkpoint: " + why
        + "; delete it to start learning from step 0");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LearningCheckpoint c && c.step == step && c.dictionary.equals(dictionary)
        && Arrays.equals(c.objective, objective) && c.fingerprint.equals(fingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, dictionary, Arrays.hashCode(objective), fingerprint);
  }

  @Override
  public String toString() {
    return "LearningCheckpoint[step " + step + ", " + dictionary + "]";
  }
}
