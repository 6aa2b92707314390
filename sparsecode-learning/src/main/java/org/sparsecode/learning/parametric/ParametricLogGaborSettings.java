package org.sparsecode.learning.parametric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginBlock;
import org.sparsecode.api.Setting;
import org.sparsecode.api.solver.SparseSolver;

/**
 * Settings of the {@code parametric-log-gabor} learner ({@link ParametricLogGabor}). Every component may be
 * null (YAML key left out) and then takes its default.
 *
 * @param steps the number of learning steps, at least 1; default {@value #DEFAULT_STEPS}
 * @param solver the solver block that codes each image, with its {@code type} (a {@link PluginBlock}, checked
 *     when the file is read); default (null) the
 *     online-CDL learner's coding, the paper's learning call: {@code cbpdn-admm} with λ 1e-2, ρ 10 fixed (no
 *     AutoRho), relaxation 1.8, 300 iterations, RelStopTol 1e-2 ({@link #defaultSolver()})
 * @param learn which parameters move, a non-empty subset of {@code theta}, {@code bTheta}, {@code sf0},
 *     {@code bsf}, {@code phase}; default {@code [theta, bTheta]}
 * @param learningRate Adam's step α in the unconstrained coordinates (radians for θ and the phase, the log
 *     of B_θ and B_sf, the logit of 2·sf0), {@code > 0}; default {@value #DEFAULT_LEARNING_RATE}
 * @param beta1 Adam's first-moment decay, in [0, 1); default {@value #DEFAULT_BETA1}
 * @param beta2 Adam's second-moment decay, in [0, 1); default {@value #DEFAULT_BETA2}
 * @param normalise how the regenerated kernels are scaled: {@code peak} (max-abs 1, the paper's),
 *     {@code unit-l2}, or {@code auto} (the initial dictionary's: peak when every kernel has max-abs 1,
 *     unit-l2 when every kernel has ℓ2 norm 1); default {@code auto}
 * @param imageOrder {@code random} (drawn with replacement from a generator derived from the run's seed and
 *     the draw's index) or {@code sequential}; default {@code random}
 * @param minibatch images per step, their gradients summed; at least 1; default 1
 * @param crop {@code none} or an integer c ≥ 1 (a random c×c crop per image); default {@code none}
 * @param checkpointEvery write a checkpoint every this many steps (and after the last), {@code ≥ 0}, 0
 *     never; default {@value #DEFAULT_CHECKPOINT_EVERY}
 * @param recordEvery record the parameters in {@code trajectories.csv} every this many steps (and after
 *     the last), at least 1; default 1
 */
public record ParametricLogGaborSettings(Integer steps,
    @PluginBlock(SparseSolver.class) @Setting(form = "a solver block {type: NAME, ...}")
    Map<String, Object> solver,
    @Setting(form = "a list of theta, bTheta, sf0, bsf, phase") List<String> learn, Double learningRate,
    Double beta1, Double beta2, @Setting(oneOf = {"auto", "peak", "unit-l2"}) String normalise,
    @Setting(oneOf = {"random", "sequential"}) String imageOrder, Integer minibatch,
    @Setting(form = "none or an integer c >= 1 (a random c x c crop)") Object crop, Integer checkpointEvery,
    Integer recordEvery) {

  /** Default number of steps. */
  public static final int DEFAULT_STEPS = 100;
  /** Default Adam step. */
  public static final double DEFAULT_LEARNING_RATE = 0.01;
  /** Default Adam β1. */
  public static final double DEFAULT_BETA1 = 0.9;
  /** Default Adam β2. */
  public static final double DEFAULT_BETA2 = 0.999;
  /** Default checkpoint period. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 10;
  /** The parameters that may be learned, in the order of the trajectories' columns. */
  public static final List<String> PARAMETERS = List.of("theta", "bTheta", "sf0", "bsf", "phase");
  /** The default learned parameters. */
  public static final List<String> DEFAULT_LEARN = List.of("theta", "bTheta");
  /** The accepted values of {@code normalise}. */
  public static final List<String> NORMALISATIONS = List.of("auto", "peak", "unit-l2");
  /** The accepted values of {@code imageOrder}. */
  public static final List<String> IMAGE_ORDERS = List.of("random", "sequential");
  /** The most steps. */
  public static final int MAX_STEPS = 1_000_000;
  /** The most images per step. */
  public static final int MAX_MINIBATCH = 10_000;
  /** The largest crop. */
  public static final int MAX_CROP = 16384;

  /**
   * Fills defaults and validates.
   *
   * @throws ConfigException naming the key of an invalid value
   */
  public ParametricLogGaborSettings {
    steps = Checks.atLeast("steps", steps != null ? steps : DEFAULT_STEPS, 1);
    if (steps > MAX_STEPS) {
      throw new ConfigException("steps", "must be in [1, " + MAX_STEPS + "], got " + steps);
    }
    if (solver != null) {
      Object type = solver.get("type");
      if (!(type instanceof String t) || t.isBlank()) {
        throw new ConfigException("solver.type", "is required in the solver block (e.g. cbpdn-admm), got " + type);
      }
      solver = Collections.unmodifiableMap(new LinkedHashMap<>(solver));
    }
    learn = checkLearn(learn != null ? learn : DEFAULT_LEARN);
    learningRate = Checks.positive("learningRate", learningRate != null ? learningRate : DEFAULT_LEARNING_RATE);
    beta1 = unitInterval("beta1", beta1 != null ? beta1 : DEFAULT_BETA1);
    beta2 = unitInterval("beta2", beta2 != null ? beta2 : DEFAULT_BETA2);
    normalise = oneOf("normalise", normalise != null ? normalise : "auto", NORMALISATIONS);
    imageOrder = oneOf("imageOrder", imageOrder != null ? imageOrder : "random", IMAGE_ORDERS);
    minibatch = Checks.atLeast("minibatch", minibatch != null ? minibatch : 1, 1);
    if (minibatch > MAX_MINIBATCH) {
      throw new ConfigException("minibatch", "must be in [1, " + MAX_MINIBATCH + "], got " + minibatch);
    }
    crop = normaliseCrop(crop);
    checkpointEvery = Checks.atLeast("checkpointEvery",
        checkpointEvery != null ? checkpointEvery : DEFAULT_CHECKPOINT_EVERY, 0);
    recordEvery = Checks.atLeast("recordEvery", recordEvery != null ? recordEvery : 1, 1);
  }

  /**
   * Every default with the given number of steps.
   *
   * @param steps the number of steps
   * @return the settings
   */
  public static ParametricLogGaborSettings defaults(int steps) {
    return new ParametricLogGaborSettings(steps, null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The coding used without a {@code solver} block: the online-CDL learner's (the paper's learning call).
   *
   * @return the solver block
   */
  public static Map<String, Object> defaultSolver() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "cbpdn-admm");
    m.put("lambda", 1e-2);
    m.put("rho", 10.0);
    m.put("relaxation", 1.8);
    m.put("maxIterations", 300);
    m.put("relStopTol", 1e-2);
    m.put("autoRho", Map.of("enabled", false));
    return m;
  }

  /**
   * Which parameters move, by index of {@link LogGaborJacobian#NAMES}.
   *
   * @return five flags
   */
  public boolean[] learned() {
    boolean[] out = new boolean[PARAMETERS.size()];
    for (String s : learn) {
      out[PARAMETERS.indexOf(s)] = true;
    }
    return out;
  }

  /**
   * The crop side.
   *
   * @return c, or 0 for the whole image
   */
  public int cropSize() {
    return crop instanceof Integer c ? c : 0;
  }

  private static List<String> checkLearn(List<String> learn) {
    if (learn.isEmpty()) {
      throw new ConfigException("learn", "must name at least one of " + String.join(", ", PARAMETERS));
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < learn.size(); i++) {
      Object v = learn.get(i);
      if (!(v instanceof String s) || !PARAMETERS.contains(s)) {
        throw new ConfigException("learn[" + i + "]", "must be one of " + String.join(", ", PARAMETERS) + ", got '"
            + v + "'");
      }
      if (out.contains(s)) {
        throw new ConfigException("learn[" + i + "]", "'" + s + "' is listed twice");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private static double unitInterval(String key, double v) {
    if (!(v >= 0 && v < 1)) {
      throw new ConfigException(key, "must be in [0, 1), got " + v);
    }
    return v;
  }

  private static String oneOf(String key, String value, List<String> allowed) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new ConfigException(key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
    return v;
  }

  private static Object normaliseCrop(Object crop) {
    if (crop == null || (crop instanceof String s && "none".equalsIgnoreCase(s.trim()))) {
      return "none";
    }
    if (crop instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      if (n.doubleValue() > MAX_CROP) {
        throw new ConfigException("crop", "must be 'none' or an integer in [1, " + MAX_CROP + "], got " + crop);
      }
      return Checks.atLeast("crop", n.intValue(), 1);
    }
    throw new ConfigException("crop", "must be 'none' (the whole image) or an integer >= 1 (a random crop of that"
        + " size per step), got " + crop);
  }
}
