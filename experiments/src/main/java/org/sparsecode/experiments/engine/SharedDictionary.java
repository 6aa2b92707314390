package org.sparsecode.experiments.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;

/**
 * A dictionary made once where a run is driven (generated, read from its file, or learned) and shipped to
 * wherever its units run, so that no executor generates, reads or learns it again: its kernels bit for bit and
 * each kernel's parameters, which the orientation statistics read. A cluster engine sends it once per machine
 * (a Spark broadcast), not once per task.
 *
 * @param size the kernels' side
 * @param count the number of kernels
 * @param kernels the kernels, kernel-major as {@link Dictionary#kernels()}
 * @param info per kernel θ, B_θ, phase, f₀, B_f (NaN where unknown), 5 values each
 */
public record SharedDictionary(int size, int count, double[] kernels, double[] info) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Validates. */
  public SharedDictionary {
    Objects.requireNonNull(kernels, "kernels");
    Objects.requireNonNull(info, "info");
    if (kernels.length != size * size * count || info.length != 5 * count) {
      throw new IllegalArgumentException("a shared dictionary of " + count + " kernels of " + size + "x" + size
          + " needs " + size * size * count + " kernel values and " + 5 * count + " parameters, got "
          + kernels.length + " and " + info.length);
    }
  }

  /**
   * The dictionary as it travels.
   *
   * @param d the dictionary
   * @return the shared copy (the arrays are copied)
   */
  public static SharedDictionary of(Dictionary d) {
    return new SharedDictionary(d.size(), d.count(), d.kernels().clone(), DictionaryFiles.infoArray(d).data());
  }

  /**
   * The dictionary where it arrived, equal to the one shipped.
   *
   * @return the dictionary (with its own copy of the kernels)
   */
  public Dictionary dictionary() {
    return DictionaryFiles.withInfo(Dictionary.of(size, count, kernels.clone()), info);
  }

  /** Equal when the kernels and their parameters are, bit for bit (so that equal dictionaries travel once). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SharedDictionary d && d.size == size && d.count == count
        && Arrays.equals(d.kernels, kernels) && Arrays.equals(d.info, info);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(kernels) + Arrays.hashCode(info);
  }

  @Override
  public String toString() {
    return "SharedDictionary[" + count + " kernels of " + size + "x" + size + "]";
  }
}
