package org.sparsecode.core.solver.mp;

import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.fft.ParallelLoop;

/**
 * The last {@link KernelGram} a solver built, reused while the dictionary stays the same (a run codes many
 * images with one dictionary; the table costs about 0.2 s and 88 MB at the paper's size). Thread-safe.
 */
final class GramCache {
  private Dictionary dictionary;
  private KernelGram gram;

  /**
   * The table of a dictionary: the cached one if the dictionary equals the last one, else a new one.
   *
   * @param d the dictionary
   * @param loop workers for a new table
   * @return the table
   */
  synchronized KernelGram get(Dictionary d, ParallelLoop loop) {
    if (gram == null || !(d == dictionary || d.equals(dictionary))) {
      gram = null;
      dictionary = null;
      KernelGram g = new KernelGram(d, loop);
      gram = g;
      dictionary = d;
    }
    return gram;
  }

  /**
   * The memory a new table would need beyond the cached one.
   *
   * @param d the dictionary
   * @return bytes: 0 when the cached table serves
   */
  synchronized long bytesFor(Dictionary d) {
    return gram != null && (d == dictionary || d.equals(dictionary)) ? 0 : KernelGram.bytes(d.count(), d.size());
  }
}
