package org.sparsecode.experiments.config;

import org.sparsecode.api.Checks;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * The {@code encoding:} block of an experiment with a {@code data:} block: how the codes of the labelled images
 * are stored. The codes themselves come from the experiment's {@code dictionary:} and {@code solver:} (the
 * solver block is the encoding call: the paper's is 250 iterations, {@code relStopTol} 0.1, see
 * {@code experiments/downstream/encode-quick.yaml}). Every key may be left out.
 *
 * @param store the stored form of each code; default {@link Store#defaults()}
 * @param shard the number of images per shard file, in [1, {@value #MAX_SHARD}]; default
 *     {@value #DEFAULT_SHARD}. A shard is coded in parallel and written at once: a killed run loses at most the
 *     shard in flight
 * @param cache the directory of the code cache, where codes are kept under the hash of what they depend on and
 *     reused by every run that asks for the same codes; relative to the experiment file's directory; default
 *     {@code codes/} beside the run's output directory ({@code runs/codes/} for {@code runs/NAME-...})
 */
public record EncodingSettings(Store store, Integer shard, String cache) {
  /** Default images per shard. */
  public static final int DEFAULT_SHARD = 256;
  /** The most images per shard. */
  public static final int MAX_SHARD = 65_536;

  /** Fills the defaults and validates. */
  public EncodingSettings {
    store = store == null ? Store.defaults() : store;
    shard = shard == null ? DEFAULT_SHARD : shard;
    if (shard < 1 || shard > MAX_SHARD) {
      throw new ConfigException("shard", "must be in [1, " + MAX_SHARD + "] images, got " + shard);
    }
    if (cache != null && cache.isBlank()) {
      throw new ConfigException("cache", "must name a directory, got ''");
    }
  }

  /**
   * The defaults.
   *
   * @return every key left out
   */
  public static EncodingSettings defaults() {
    return new EncodingSettings(null, null, null);
  }

  /**
   * The stored form of each code: its {@code K} maps, averaged over {@code f × f} blocks down to {@code size ×
   * size} ({@code f} = the coded side / {@code size}), in {@code dtype}.
   *
   * @param size the stored side, which must divide the coded side ({@code data.size}); default the data's native
   *     side (28 for Fashion-MNIST, 32 for CIFAR-10: the classifier's input, as the paper resizes its 64×64
   *     codes to 32×32); the coded side itself stores the codes whole
   * @param dtype {@code float16} (the default: half the bytes, relative rounding below 2^-11) or
   *     {@code float32}
   */
  public record Store(Integer size, @Setting(oneOf = {"float16", "float32"}) String dtype) {
    /** Half precision, 2 bytes a value. */
    public static final String FLOAT16 = "float16";
    /** Single precision, 4 bytes a value. */
    public static final String FLOAT32 = "float32";

    /** Fills the defaults and validates. */
    public Store {
      if (size != null) {
        Checks.atLeast("size", size, 1);
      }
      dtype = dtype == null ? FLOAT16 : dtype;
      if (!dtype.equals(FLOAT16) && !dtype.equals(FLOAT32)) {
        throw new ConfigException("dtype", "must be float16 or float32, got '" + dtype + "'");
      }
    }

    /**
     * The defaults.
     *
     * @return the native side, float16
     */
    public static Store defaults() {
      return new Store(null, null);
    }

    /**
     * Bytes of one stored value.
     *
     * @return 2 or 4
     */
    public int bytes() {
      return dtype.equals(FLOAT16) ? 2 : 4;
    }
  }
}
