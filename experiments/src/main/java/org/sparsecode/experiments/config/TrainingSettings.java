package org.sparsecode.experiments.config;

import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * The {@code training:} block of an experiment with a {@code network:} block. Every key may be left out.
 *
 * @param epochs passes over the training set, 1 to 10 000; default 10 (the paper's 100)
 * @param batch images per step, 1 to 65 536; default 64 (the paper's 800)
 * @param learningRate Adam's (peak) learning rate, above 0; default 2e-4 (the paper's)
 * @param weightDecay the weight decay, at least 0; default 5e-2 (the paper's)
 * @param decay {@code l2} (the default: the decay times the weights added to the gradient before Adam, as
 *     PyTorch's {@code Adam(weight_decay=...)} the paper uses) or {@code decoupled} (AdamW: subtracted from the
 *     weights after Adam's step, times the learning rate)
 * @param schedule the learning rate's schedule over the steps: {@code one-cycle} (the default: PyTorch's
 *     OneCycleLR with its defaults, as the paper), {@code cosine} (from the rate down to 0) or {@code constant}
 * @param runs trainings of the same network with seeds {@code seed}, {@code seed + 1}, …, 1 to 100; default 1
 *     (the paper's 4 runs, seeds 42 to 45)
 * @param logEvery a progress line every this many batches (0: one per epoch only); default 20
 * @param window shards of training codes shuffled together, and held in memory at once, 1 to 1 000 000: each
 *     epoch permutes the order of the shards, then the images within each run of this many shards, so that a
 *     set far larger than the memory (the paper's 50 000 × 144 × 32 × 32) trains while reading its shards as it
 *     goes, two windows in memory at most (the one being trained on and the next, read ahead on a background
 *     thread). Left out: as many shards as take {@value #WINDOW_BYTES_MIB} MiB as floats, at least one; a set
 *     that fits in one window is shuffled whole (the images of every shard together). The window changes the
 *     order of the images, so the results; a computed default is not written into the resolved configuration
 *     (it follows from the codes' shape and the shard size, which are)
 */
public record TrainingSettings(Integer epochs, Integer batch, Double learningRate, Double weightDecay,
    @Setting(oneOf = {"l2", "decoupled"}) String decay,
    @Setting(oneOf = {"one-cycle", "cosine", "constant"}) String schedule, Integer runs, Integer logEvery,
    Integer window) {
  /** The memory a window takes when {@code window} is left out, in MiB of floats. */
  public static final int WINDOW_BYTES_MIB = 512;

  /** Fills the defaults and validates. */
  public TrainingSettings {
    epochs = epochs == null ? 10 : epochs;
    if (epochs < 1 || epochs > 10_000) {
      throw new ConfigException("epochs", "must be in [1, 10000], got " + epochs);
    }
    batch = batch == null ? 64 : batch;
    if (batch < 1 || batch > 65_536) {
      throw new ConfigException("batch", "must be in [1, 65536] images, got " + batch);
    }
    learningRate = learningRate == null ? 2e-4 : learningRate;
    if (!(learningRate > 0 && learningRate <= 10)) {
      throw new ConfigException("learningRate", "must be in (0, 10], got " + learningRate);
    }
    weightDecay = weightDecay == null ? 5e-2 : weightDecay;
    if (!(weightDecay >= 0 && weightDecay <= 10)) {
      throw new ConfigException("weightDecay", "must be in [0, 10], got " + weightDecay);
    }
    decay = decay == null ? "l2" : decay;
    if (!decay.equals("l2") && !decay.equals("decoupled")) {
      throw new ConfigException("decay", "must be l2 or decoupled, got '" + decay + "'");
    }
    schedule = schedule == null ? "one-cycle" : schedule;
    if (!schedule.equals("one-cycle") && !schedule.equals("cosine") && !schedule.equals("constant")) {
      throw new ConfigException("schedule", "must be one-cycle, cosine or constant, got '" + schedule + "'");
    }
    runs = runs == null ? 1 : runs;
    if (runs < 1 || runs > 100) {
      throw new ConfigException("runs", "must be in [1, 100], got " + runs);
    }
    logEvery = logEvery == null ? 20 : logEvery;
    if (logEvery < 0) {
      throw new ConfigException("logEvery", "must be at least 0 batches (0: a line per epoch only), got "
          + logEvery);
    }
    if (window != null && (window < 1 || window > 1_000_000)) {
      throw new ConfigException("window", "must be in [1, 1000000] shards of codes held in memory at once (leave it"
          + " out for as many as take " + WINDOW_BYTES_MIB + " MiB), got " + window);
    }
  }

  /**
   * The settings without a window (its default).
   *
   * @param epochs see {@link #epochs()}
   * @param batch see {@link #batch()}
   * @param learningRate see {@link #learningRate()}
   * @param weightDecay see {@link #weightDecay()}
   * @param decay see {@link #decay()}
   * @param schedule see {@link #schedule()}
   * @param runs see {@link #runs()}
   * @param logEvery see {@link #logEvery()}
   */
  public TrainingSettings(Integer epochs, Integer batch, Double learningRate, Double weightDecay, String decay,
      String schedule, Integer runs, Integer logEvery) {
    this(epochs, batch, learningRate, weightDecay, decay, schedule, runs, logEvery, null);
  }

  /**
   * The shards of a window.
   *
   * @param shardBytes the bytes one shard of codes takes as floats
   * @return {@link #window()}, or when left out as many shards as take {@value #WINDOW_BYTES_MIB} MiB, at least 1
   */
  public int windowShards(long shardBytes) {
    if (window != null) {
      return window;
    }
    return (int) Math.max(1, Math.min(1_000_000, ((long) WINDOW_BYTES_MIB << 20) / Math.max(1, shardBytes)));
  }

  /**
   * The defaults.
   *
   * @return every key left out
   */
  public static TrainingSettings defaults() {
    return new TrainingSettings(null, null, null, null, null, null, null, null);
  }
}
