package org.sparsecode.experiments.engine;

import java.io.Serializable;

/**
 * What became of a {@link WorkUnit}: small, so that it travels back from wherever the unit ran; the numbers stay
 * in the unit's directory.
 *
 * @param complete whether the unit's run finished
 * @param seconds its wall time
 * @param error the failure's message, or {@code null} when it completed
 * @param configError whether the failure is the configuration's (exit status 2 rather than 1)
 */
public record WorkResult(boolean complete, double seconds, String error, boolean configError)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Validates. */
  public WorkResult {
    if (complete != (error == null)) {
      throw new IllegalArgumentException("a complete result has no error, a failed one has one");
    }
  }

  /**
   * A finished unit.
   *
   * @param seconds its wall time
   * @return the result
   */
  public static WorkResult complete(double seconds) {
    return new WorkResult(true, seconds, null, false);
  }

  /**
   * A failed unit.
   *
   * @param seconds the time until it failed
   * @param error the message
   * @param configError whether the configuration is at fault
   * @return the result
   */
  public static WorkResult failed(double seconds, String error, boolean configError) {
    return new WorkResult(false, seconds, error, configError);
  }
}
