package org.sparsecode.api.kernel;

/**
 * Makes a dictionary from its settings (log-Gabor, Gabor, random, read from a file).
 *
 * <p>Laws: deterministic (same settings and seed give equal dictionaries); every kernel has the
 * normalisation its generator documents (log-Gabor: max-abs 1 after median centring, as SLIP's
 * {@code normalize}); kernels are computed in float64.
 */
@FunctionalInterface
public interface KernelGenerator {

  /**
   * Generates the dictionary.
   *
   * @return a new dictionary
   */
  Dictionary generate();
}
