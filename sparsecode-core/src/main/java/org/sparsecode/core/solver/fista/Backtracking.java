package org.sparsecode.core.solver.fista;

import java.util.Locale;
import org.sparsecode.api.ConfigException;

/**
 * How the step {@code 1/L} is chosen each iteration (SPORCO's {@code Backtrack} option of
 * {@code pgm.PGM}), YAML key {@code backtracking}.
 */
public enum Backtracking {
  /** A fixed L (given, or the exact Lipschitz constant). */
  NONE,
  /**
   * SPORCO's {@code BacktrackStandard} (Beck &amp; Teboulle 2009, §2.3): before each step, L is multiplied by
   * {@link #STANDARD_GAMMA_U} until {@code F(x) ≤ Q_L(x, y)}, at most {@link #MAX_ITERATIONS} times; L never
   * decreases.
   */
  STANDARD,
  /**
   * SPORCO's {@code BacktrackRobust} (Florea &amp; Vorobyov 2017, "A robust FISTA-like algorithm"): L is
   * first multiplied by {@link #ROBUST_GAMMA_D}, then by {@link #ROBUST_GAMMA_U} until
   * {@code F(x) ≤ Q_L(x, y)}; the extrapolation point follows that method's own sequence (no Nesterov
   * momentum).
   */
  ROBUST;

  /** SPORCO's BacktrackStandard {@code gamma_u}. */
  public static final double STANDARD_GAMMA_U = 1.2;
  /** SPORCO's BacktrackRobust {@code gamma_d}. */
  public static final double ROBUST_GAMMA_D = 0.9;
  /** SPORCO's BacktrackRobust {@code gamma_u}. */
  public static final double ROBUST_GAMMA_U = 2.0;
  /** SPORCO's {@code maxiter} of both line searches. */
  public static final int MAX_ITERATIONS = 50;

  /**
   * The YAML spelling.
   *
   * @return {@code none}, {@code standard} or {@code robust}
   */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses the YAML spelling.
   *
   * @param text {@code none}, {@code standard} or {@code robust}
   * @return the mode
   * @throws ConfigException ({@code backtracking}) for any other text
   */
  public static Backtracking parse(String text) {
    for (Backtracking b : values()) {
      if (b.yamlName().equals(text)) {
        return b;
      }
    }
    throw new ConfigException("backtracking", "must be none, standard or robust, got '" + text + "'");
  }
}
