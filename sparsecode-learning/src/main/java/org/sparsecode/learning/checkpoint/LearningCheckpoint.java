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
      throw new SparsecodeException("cannot create checkpoint directory " + directory + ": " + e, e);
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
   * @throws SparsecodeException when the file exists but is not a checkpoint
   */
  public static Optional<LearningCheckpoint> read(Path directory) {
    Path f = file(directory);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    Map<String, NpyArray> a = Npz.read(f);
    for (String key : new String[] {"dictionary", "step", "objective", "fingerprint"}) {
      if (!a.containsKey(key)) {
        throw new SparsecodeException(f + " is not a learning checkpoint: no '" + key + "' entry");
      }
    }
    double[] hashValues = a.get("fingerprint").data();
    byte[] hash = new byte[hashValues.length];
    for (int i = 0; i < hash.length; i++) {
      hash[i] = (byte) hashValues[i];
    }
    return Optional.of(new LearningCheckpoint((int) a.get("step").data()[0],
        DictionaryFiles.fromArray(a.get("dictionary"), f.toString()), a.get("objective").data(),
        HexFormat.of().formatHex(hash)));
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
