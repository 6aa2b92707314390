package org.sparsecode.learning.online;

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
 * Settings of the {@code online-cdl} learner, SPORCO's {@code OnlineConvBPDNDictLearn} options as the paper
 * calls them (Ladret, Casanova and Perrinet 2024, code/cbpdn_learning.py): λ 1e-2, ρ 10 fixed, η_j = 100 /
 * (1000 + j), 300 CBPDN iterations with {@code RelStopTol} 1e-2 and over-relaxation 1.8. Every component may
 * be null (YAML key left out) and then takes its default.
 *
 * @param steps the number of learning steps (SGD updates) j = 0 … steps − 1, at least 1; default
 *     {@value #DEFAULT_STEPS} (the paper's 800 + 200)
 * @param lambda the ℓ1 weight λ of each step's CBPDN, {@code > 0}; default {@value #DEFAULT_LAMBDA}
 * @param rho the fixed ADMM penalty ρ of each step's CBPDN (no AutoRho), {@code > 0}; default
 *     {@value #DEFAULT_RHO}
 * @param etaA the numerator a of the paper's step size η_j = a / (b + j), {@code > 0}; default
 *     {@value #DEFAULT_ETA_A}
 * @param etaB the offset b of η_j = a / (b + j), {@code ≥ 0}; default {@value #DEFAULT_ETA_B}
 * @param stepSize {@code paper} (η_j = etaA / (etaB + j), SPORCO's) or {@code lipschitz} (η = stepScale / L_D,
 *     L_D = max over frequencies of Σ_k |Ẑ_k|², the Lipschitz constant of the step's D-gradient; summed over a
 *     minibatch); default {@code paper}
 * @param stepScale the factor s of η = s / L_D for {@code stepSize: lipschitz}, in (0, 2) for a descent step;
 *     {@code > 0}; default 1
 * @param maxIterations the CBPDN iteration limit per step ({@code MaxMainIter}), at least 1; default
 *     {@value #DEFAULT_MAX_ITERATIONS}
 * @param relStopTol the CBPDN relative stopping tolerance ({@code RelStopTol}), {@code ≥ 0}; default
 *     {@value #DEFAULT_REL_STOP_TOL}
 * @param relaxation the CBPDN over-relaxation α ({@code RelaxParam}), in (0, 2); default
 *     {@value #DEFAULT_RELAXATION}
 * @param imageOrder {@code random} (each image drawn uniformly with replacement, from a generator derived from
 *     the run's {@code seed} and the draw's index) or {@code sequential} (the source's order, cycling); default
 *     {@code random}
 * @param minibatch images per step, at least 1; their D-gradients are summed (as SPORCO sums over its signal
 *     axis); default 1
 * @param checkpointEvery write a checkpoint every this many steps (and after the last), {@code ≥ 0}; 0 never;
 *     only acts when the learner is given a checkpoint directory; default {@value #DEFAULT_CHECKPOINT_EVERY}
 * @param crop {@code none} (the whole image, as the paper) or an integer c ≥ 1: each step codes a c×c crop at
 *     a position drawn from the step's generator; default {@code none}
 * @param zeroMean whether atoms are made zero-mean before the normalisation (SPORCO {@code ZeroMean}); default
 *     false
 * @param nonNegative whether the codes are constrained non-negative (CBPDN {@code NonNegCoef}); default false
 * @param solver the solver block that codes each step's images, with its {@code type} and settings, e.g.
 *     {@code {type: fista, lambda: 0.01, maxIterations: 100}} (a {@link PluginBlock}: its keys are checked when
 *     the file is read, and again when the learner is created);
 *     default (null): the paper's {@code cbpdn-admm} (Y = U = 0, fixed ρ, no AutoRho) built from the flat keys
 *     {@link #SOLVER_KEYS}, which a block replaces: giving both is an error naming the two keys, and with a
 *     block those keys stay null. A block's solver is warm-started from an image's last code when it is a
 *     {@code WarmStartableSolver} with a λ, {@code crop} is {@code none} and {@code warmStart} is true (see {@link
 *     OnlineCdl})
 * @param warmStart with a solver block: whether its solver codes each image from the image's last code (when it
 *     can: a {@code WarmStartableSolver} with a λ, and {@code crop: none}); false codes every step from zero, as
 *     the default {@code cbpdn-admm} of the flat keys does, so that a {@code cbpdn-admm} block with those keys'
 *     values ({@code autoRho: {enabled: false}}) learns what they learn, bit for bit; default true. Without a
 *     block it stays null ({@code false} may be given; {@code true} is an error: the default solver always
 *     starts from zero)
 */
public record OnlineCdlSettings(Integer steps, Double lambda, Double rho, Double etaA, Double etaB,
    @Setting(oneOf = {"paper", "lipschitz"}) String stepSize, Double stepScale, Integer maxIterations,
    Double relStopTol, Double relaxation, @Setting(oneOf = {"random", "sequential"}) String imageOrder,
    Integer minibatch, Integer checkpointEvery, @Setting(form = "none or an integer c >= 1 (a random c x c crop)")
    Object crop, Boolean zeroMean, Boolean nonNegative,
    @PluginBlock(SparseSolver.class) @Setting(form = "a solver block {type: NAME, ...}")
    Map<String, Object> solver, Boolean warmStart) {

  /** Default number of steps (the paper's 800 + 200). */
  public static final int DEFAULT_STEPS = 1000;
  /** Default λ (the paper's learning). */
  public static final double DEFAULT_LAMBDA = 1e-2;
  /** Default fixed ρ (the paper's learning). */
  public static final double DEFAULT_RHO = 10.0;
  /** Default η numerator (SPORCO {@code eta_a}, the paper's). */
  public static final double DEFAULT_ETA_A = 100.0;
  /** Default η offset (SPORCO {@code eta_b}, the paper's). */
  public static final double DEFAULT_ETA_B = 1000.0;
  /** Default step-size rule. */
  public static final String DEFAULT_STEP_SIZE = "paper";
  /** Default factor of the Lipschitz step. */
  public static final double DEFAULT_STEP_SCALE = 1.0;
  /** Default CBPDN iterations per step (the paper's). */
  public static final int DEFAULT_MAX_ITERATIONS = 300;
  /** Default CBPDN relative stopping tolerance (the paper's). */
  public static final double DEFAULT_REL_STOP_TOL = 1e-2;
  /** Default over-relaxation (the paper's). */
  public static final double DEFAULT_RELAXATION = 1.8;
  /** Default image order. */
  public static final String DEFAULT_IMAGE_ORDER = "random";
  /** Default minibatch size. */
  public static final int DEFAULT_MINIBATCH = 1;
  /** Default checkpoint period in steps. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 10;
  /** The value of {@code crop} that means the whole image. */
  public static final String NO_CROP = "none";
  /** The accepted values of {@code stepSize}. */
  public static final List<String> STEP_SIZES = List.of("paper", "lipschitz");
  /** The accepted values of {@code imageOrder}. */
  public static final List<String> IMAGE_ORDERS = List.of("random", "sequential");
  /** The most steps (the objective of every step is kept): the paper's run has 1000. */
  public static final int MAX_STEPS = 1_000_000;
  /** The most CBPDN iterations per step. */
  public static final int MAX_ITERATIONS = 1_000_000;
  /** The most images per step. */
  public static final int MAX_MINIBATCH = 10_000;
  /** The largest crop: the largest image side. */
  public static final int MAX_CROP = 16384;
  /** The flat keys that configure the default {@code cbpdn-admm}, replaced by a {@code solver} block. */
  public static final List<String> SOLVER_KEYS = List.of("lambda", "rho", "maxIterations", "relStopTol",
      "relaxation", "nonNegative");

  /**
   * Fills the defaults and validates.
   *
   * @throws ConfigException naming the key of a value out of range
   */
  public OnlineCdlSettings {
    steps = Checks.atLeast("steps", steps != null ? steps : DEFAULT_STEPS, 1);
    if (steps > MAX_STEPS) {
      throw new ConfigException("steps", "must be in [1, " + MAX_STEPS + "], got " + steps);
    }
    if (solver != null) {
      solver = solverBlock(solver, lambda, rho, maxIterations, relStopTol, relaxation, nonNegative);
    } else {
      lambda = Checks.positive("lambda", lambda != null ? lambda : DEFAULT_LAMBDA);
      rho = Checks.positive("rho", rho != null ? rho : DEFAULT_RHO);
    }
    etaA = Checks.positive("etaA", etaA != null ? etaA : DEFAULT_ETA_A);
    etaB = Checks.nonNegative("etaB", etaB != null ? etaB : DEFAULT_ETA_B);
    stepSize = oneOf("stepSize", stepSize != null ? stepSize : DEFAULT_STEP_SIZE, STEP_SIZES);
    stepScale = Checks.positive("stepScale", stepScale != null ? stepScale : DEFAULT_STEP_SCALE);
    if (solver == null) {
      maxIterations = Checks.atLeast("maxIterations",
          maxIterations != null ? maxIterations : DEFAULT_MAX_ITERATIONS, 1);
      if (maxIterations > MAX_ITERATIONS) {
        throw new ConfigException("maxIterations", "must be in [1, " + MAX_ITERATIONS + "], got " + maxIterations);
      }
      relStopTol = Checks.nonNegative("relStopTol", relStopTol != null ? relStopTol : DEFAULT_REL_STOP_TOL);
      relaxation = relaxation != null ? relaxation : DEFAULT_RELAXATION;
      if (!(relaxation > 0 && relaxation < 2)) {
        throw new ConfigException("relaxation", "must be in (0, 2), got " + relaxation);
      }
    }
    imageOrder = oneOf("imageOrder", imageOrder != null ? imageOrder : DEFAULT_IMAGE_ORDER, IMAGE_ORDERS);
    minibatch = Checks.atLeast("minibatch", minibatch != null ? minibatch : DEFAULT_MINIBATCH, 1);
    if (minibatch > MAX_MINIBATCH) {
      throw new ConfigException("minibatch", "must be in [1, " + MAX_MINIBATCH + "], got " + minibatch);
    }
    checkpointEvery = Checks.atLeast("checkpointEvery",
        checkpointEvery != null ? checkpointEvery : DEFAULT_CHECKPOINT_EVERY, 0);
    crop = normaliseCrop(crop);
    zeroMean = zeroMean != null ? zeroMean : Boolean.FALSE;
    if (solver == null) {
      nonNegative = nonNegative != null ? nonNegative : Boolean.FALSE;
      if (Boolean.TRUE.equals(warmStart)) {
        throw new ConfigException("warmStart", "true needs a learning.solver block: the default cbpdn-admm of the"
            + " flat keys codes every step from zero; remove warmStart or add a solver block");
      }
      warmStart = null;
    } else {
      warmStart = warmStart != null ? warmStart : Boolean.TRUE;
    }
  }

  /**
   * The settings with a solver block or none, and the block's default warm start.
   *
   * @param steps see the record
   * @param lambda see the record
   * @param rho see the record
   * @param etaA see the record
   * @param etaB see the record
   * @param stepSize see the record
   * @param stepScale see the record
   * @param maxIterations see the record
   * @param relStopTol see the record
   * @param relaxation see the record
   * @param imageOrder see the record
   * @param minibatch see the record
   * @param checkpointEvery see the record
   * @param crop see the record
   * @param zeroMean see the record
   * @param nonNegative see the record
   * @param solver see the record
   */
  public OnlineCdlSettings(Integer steps, Double lambda, Double rho, Double etaA, Double etaB, String stepSize,
      Double stepScale, Integer maxIterations, Double relStopTol, Double relaxation, String imageOrder,
      Integer minibatch, Integer checkpointEvery, Object crop, Boolean zeroMean, Boolean nonNegative,
      Map<String, Object> solver) {
    this(steps, lambda, rho, etaA, etaB, stepSize, stepScale, maxIterations, relStopTol, relaxation, imageOrder,
        minibatch, checkpointEvery, crop, zeroMean, nonNegative, solver, null);
  }

  /**
   * The settings without a solver block (the default {@code cbpdn-admm} from the flat keys).
   *
   * @param steps see the record
   * @param lambda see the record
   * @param rho see the record
   * @param etaA see the record
   * @param etaB see the record
   * @param stepSize see the record
   * @param stepScale see the record
   * @param maxIterations see the record
   * @param relStopTol see the record
   * @param relaxation see the record
   * @param imageOrder see the record
   * @param minibatch see the record
   * @param checkpointEvery see the record
   * @param crop see the record
   * @param zeroMean see the record
   * @param nonNegative see the record
   */
  public OnlineCdlSettings(Integer steps, Double lambda, Double rho, Double etaA, Double etaB, String stepSize,
      Double stepScale, Integer maxIterations, Double relStopTol, Double relaxation, String imageOrder,
      Integer minibatch, Integer checkpointEvery, Object crop, Boolean zeroMean, Boolean nonNegative) {
    this(steps, lambda, rho, etaA, etaB, stepSize, stepScale, maxIterations, relStopTol, relaxation, imageOrder,
        minibatch, checkpointEvery, crop, zeroMean, nonNegative, null, null);
  }

  /**
   * Whether a solver block replaces the default {@code cbpdn-admm}.
   *
   * @return {@code solver != null}
   */
  public boolean hasSolverBlock() {
    return solver != null;
  }

  /**
   * Checks a solver block: a {@code type} is required, and none of the flat keys of the default solver may be
   * given with it (they would be silently ignored).
   *
   * @return an unmodifiable copy of the block
   * @throws ConfigException on {@code solver.type}, or on the first flat key given
   */
  private static Map<String, Object> solverBlock(Map<String, Object> solver, Double lambda, Double rho,
      Integer maxIterations, Double relStopTol, Double relaxation, Boolean nonNegative) {
    Object type = solver.get("type");
    if (!(type instanceof String t) || t.isBlank()) {
      throw new ConfigException("solver.type", "is required in the solver block (e.g. cbpdn-admm, fista, lca),"
          + " got " + type);
    }
    Object[] flat = {lambda, rho, maxIterations, relStopTol, relaxation, nonNegative};
    for (int i = 0; i < flat.length; i++) {
      if (flat[i] != null) {
        String key = SOLVER_KEYS.get(i);
        throw new ConfigException(key, "cannot be given together with learning.solver (type " + type + "): the"
            + " flat keys " + String.join(", ", SOLVER_KEYS) + " configure the default cbpdn-admm, which the"
            + " solver block replaces; move " + key + " into the block (learning.solver." + key + ", if " + type
            + " has that setting) or remove the block");
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(solver));
  }

  /**
   * The paper's settings with the given number of steps.
   *
   * @param steps the number of steps
   * @return the settings
   */
  public static OnlineCdlSettings paper(int steps) {
    return new OnlineCdlSettings(steps, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  /**
   * The crop side.
   *
   * @return c, or 0 for the whole image
   */
  public int cropSize() {
    return crop instanceof Integer c ? c : 0;
  }

  /**
   * Whether the step size is the Lipschitz one.
   *
   * @return {@code stepSize == lipschitz}
   */
  public boolean lipschitzStep() {
    return "lipschitz".equals(stepSize);
  }

  /**
   * Whether images are drawn at random.
   *
   * @return {@code imageOrder == random}
   */
  public boolean randomOrder() {
    return "random".equals(imageOrder);
  }

  private static String oneOf(String key, String value, List<String> allowed) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new ConfigException(key, "must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
    }
    return v;
  }

  private static Object normaliseCrop(Object crop) {
    if (crop == null || (crop instanceof String s && NO_CROP.equalsIgnoreCase(s.trim()))) {
      return NO_CROP;
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
