package org.sparsecode.learning.parametric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sparsecode.api.SparsecodeException;
import org.sparsecode.core.io.NpyArray;
import org.sparsecode.core.io.Npz;

/**
 * The state of the parametric log-Gabor learner after some steps: its parameters and Adam's moments
 * exactly, the objectives and the recorded trajectories. Stored as {@value #FILE_NAME}, a {@code .npz}
 * written atomically with the entries {@code step} (1,), {@code parameters}, {@code firstMoment},
 * {@code secondMoment} (K, 5), {@code objective} (steps done,), {@code trajectories} (rows, 7) and
 * {@code fingerprint} (32,), the bytes of a SHA-256 identifying the configuration.
 *
 * @param step the number of steps done
 * @param parameters kernel-major parameters, five per kernel
 * @param firstMoment Adam's first moments
 * @param secondMoment Adam's second moments
 * @param objective each done step's objective
 * @param trajectories the recorded rows, flat, seven values each
 * @param fingerprint hex SHA-256 of the configuration
 */
public record ParametricCheckpoint(int step, double[] parameters, double[] firstMoment, double[] secondMoment,
    double[] objective, double[] trajectories, String fingerprint) {
  /** The checkpoint's file name. */
  public static final String FILE_NAME = "parametric-checkpoint.npz";
  private static final int P = LogGaborJacobian.PARAMETERS;

  /**
   * Copies and validates.
   *
   * @throws IllegalArgumentException on mismatched lengths
   */
  public ParametricCheckpoint {
    Objects.requireNonNull(fingerprint, "fingerprint");
    parameters = parameters.clone();
    firstMoment = firstMoment.clone();
    secondMoment = secondMoment.clone();
    objective = objective.clone();
    trajectories = trajectories.clone();
    if (step < 0 || objective.length != step || parameters.length % P != 0 || parameters.length == 0
        || firstMoment.length != parameters.length || secondMoment.length != parameters.length
        || trajectories.length % Trajectories.COLUMNS != 0) {
      throw new IllegalArgumentException("parametric checkpoint: inconsistent lengths");
    }
  }

  /**
   * The checkpoint file of a directory.
   *
   * @param directory the directory
   * @return the file
   */
  public static Path file(Path directory) {
    return directory.resolve(FILE_NAME);
  }

  /**
   * Writes atomically into the directory (created when needed).
   *
   * @param directory the directory
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
    int count = parameters.length / P;
    Map<String, NpyArray> a = new LinkedHashMap<>();
    a.put("step", NpyArray.of(new double[] {step}, 1));
    a.put("parameters", NpyArray.of(parameters.clone(), count, P));
    a.put("firstMoment", NpyArray.of(firstMoment.clone(), count, P));
    a.put("secondMoment", NpyArray.of(secondMoment.clone(), count, P));
    a.put("objective", NpyArray.of(objective.clone(), objective.length));
    a.put("trajectories", NpyArray.of(trajectories.clone(), trajectories.length / Trajectories.COLUMNS,
        Trajectories.COLUMNS));
    a.put("fingerprint", NpyArray.of(hashValues, hashValues.length));
    Npz.write(file(directory), a);
  }

  /**
   * Reads the checkpoint of a directory.
   *
   * @param directory the directory
   * @return the checkpoint, or empty when there is none
   * @throws SparsecodeException naming the file when it is damaged
   */
  public static Optional<ParametricCheckpoint> read(Path directory) {
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
    for (String key : new String[] {"step", "parameters", "firstMoment", "secondMoment", "objective", "trajectories",
        "fingerprint"}) {
      if (!a.containsKey(key)) {
        throw damaged(f, "no '" + key + "' entry");
      }
    }
    double[] s = a.get("step").data();
    if (s.length != 1 || !(s[0] >= 0) || s[0] != Math.rint(s[0]) || s[0] > Integer.MAX_VALUE) {
      throw damaged(f, "'step' must be one non-negative integer");
    }
    double[] hv = a.get("fingerprint").data();
    if (hv.length != 32) {
      throw damaged(f, "'fingerprint' must hold 32 bytes");
    }
    byte[] hash = new byte[32];
    for (int i = 0; i < 32; i++) {
      if (!(hv[i] >= 0 && hv[i] <= 255 && hv[i] == Math.rint(hv[i]))) {
        throw damaged(f, "'fingerprint' value " + i + " is not a byte");
      }
      hash[i] = (byte) hv[i];
    }
    try {
      return Optional.of(new ParametricCheckpoint((int) s[0], a.get("parameters").data(),
          a.get("firstMoment").data(), a.get("secondMoment").data(), a.get("objective").data(),
          a.get("trajectories").data(), HexFormat.of().formatHex(hash)));
    } catch (IllegalArgumentException e) {
      throw damaged(f, e.getMessage());
    }
  }

  private static SparsecodeException damaged(Path f, String why) {
    return new SparsecodeException("learning checkpoint " + f + " is damaged or not a checkpoint: " + why
        + "; delete it to start learning from step 0");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParametricCheckpoint c && c.step == step && Arrays.equals(c.parameters, parameters)
        && Arrays.equals(c.firstMoment, firstMoment) && Arrays.equals(c.secondMoment, secondMoment)
        && Arrays.equals(c.objective, objective) && Arrays.equals(c.trajectories, trajectories)
        && c.fingerprint.equals(fingerprint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(step, Arrays.hashCode(parameters), Arrays.hashCode(objective), fingerprint);
  }

  @Override
  public String toString() {
    return "ParametricCheckpoint[step " + step + ", " + parameters.length / P + " kernels]";
  }
}
