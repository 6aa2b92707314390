package org.sparsecode.core.solver.lca;

/**
 * The LCA threshold function {@code T_λ} (Rozell et al. 2008, eq. 2.5 and §3): soft
 * {@code sign(u) max(|u| − λ, 0)} or hard {@code u · [|u| > λ]}, optionally one-sided (non-negative codes:
 * {@code max(u − λ, 0)}, {@code u · [u > λ]}).
 *
 * @param lambda the threshold λ, {@code > 0}
 * @param hard whether the threshold is hard
 * @param nonNegative whether negative potentials give zero
 */
record Threshold(double lambda, boolean hard, boolean nonNegative) {

  static Threshold of(LcaSettings s) {
    return new Threshold(s.lambda(), s.hard(), s.nonNegative());
  }

  /** T(u), outside the hot loops (they inline the same branches in the storage precision). */
  double apply(double u) {
    if (u > lambda) {
      return hard ? u : u - lambda;
    }
    if (!nonNegative && u < -lambda) {
      return hard ? u : u + lambda;
    }
    return 0;
  }

  /**
   * A potential u with {@code T(u) = x}, for warm starts: {@code x + λ sign(x)} for the soft threshold, x for
   * the hard one; 0 for 0. Values that T cannot produce (hard: {@code 0 < |x| ≤ λ}; non-negative: x &lt; 0)
   * start at x itself, below the threshold, so they count as zero from the first step on.
   */
  double inverse(double x) {
    if (x == 0 || hard || (nonNegative && x < 0)) {
      return x;
    }
    return x > 0 ? x + lambda : x - lambda;
  }
}
