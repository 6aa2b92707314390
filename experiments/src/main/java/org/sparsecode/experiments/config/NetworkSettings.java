package org.sparsecode.experiments.config;

import java.util.List;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Setting;

/**
 * The {@code network:} block of an experiment with a {@code data:} block: the classifier trained on the codes
 * of the labelled set (or on its pixels) by the downstream module. Every key may be left out.
 *
 * @param type the architecture: {@code resnet} (the only one: a CIFAR-style ResNet whose first convolution takes
 *     the input's channels, 3×3, stride 1, no bias, then batch normalisation, ReLU and a spatial dropout)
 * @param input {@code codes} (the default: the K maps of each image's code, as the encoding stored them) or
 *     {@code pixels} (the data set's images at their native side, one channel: the baseline; the dictionary and
 *     solver are then not used)
 * @param blocks the residual blocks of each stage (two 3×3 convolutions each); default {@code [1, 1]}. The
 *     paper's ResNet-18 is {@code [2, 2, 2, 2]}
 * @param widths the channels of each stage, one per stage, each stage after the first halving the side; default
 *     {@code [16, 32]}. The paper's are {@code [64, 128, 256, 512]}
 * @param dropout the probability of zeroing a whole channel after the first convolution (the paper's Dropout2d),
 *     in [0, 1); default 0.5
 * @param ceil the cutoff: every input entry with |v| below max(v)/ceil (max over the sample, after normalisation)
 *     is set to 0, at training and test time; {@code none} (the default) or a number above 1 (the paper's 4 and 2)
 * @param mean the normalisation's mean, subtracted from every input value; default 0.5 (the paper's)
 * @param std the normalisation's standard deviation, dividing every input value; above 0, default 0.225
 * @param flip whether training inputs are flipped left-right with probability 1/2 (the paper's
 *     RandomHorizontalFlip); default {@code true}
 */
public record NetworkSettings(@Setting(oneOf = {"resnet"}) String type,
    @Setting(oneOf = {"codes", "pixels"}) String input, List<Integer> blocks, List<Integer> widths, Double dropout,
    String ceil, Double mean, Double std, Boolean flip) {
  /** The cutoff's value that turns it off. */
  public static final String NO_CEIL = "none";

  /** Fills the defaults and validates. */
  public NetworkSettings {
    type = type == null ? "resnet" : type;
    if (!type.equals("resnet")) {
      throw new ConfigException("type", "must be resnet (the only architecture), got '" + type + "'");
    }
    input = input == null ? "codes" : input;
    if (!input.equals("codes") && !input.equals("pixels")) {
      throw new ConfigException("input", "must be codes or pixels, got '" + input + "'");
    }
    blocks = List.copyOf(blocks == null ? List.of(1, 1) : blocks);
    widths = List.copyOf(widths == null ? List.of(16, 32) : widths);
    if (blocks.isEmpty() || blocks.size() > 6) {
      throw new ConfigException("blocks", "must list the residual blocks of 1 to 6 stages, e.g. [1, 1] or the"
          + " paper's [2, 2, 2, 2]; got " + blocks.size() + " stages");
    }
    if (widths.size() != blocks.size()) {
      throw new ConfigException("widths", "must give one width per stage (" + blocks.size() + " in blocks),"
          + " got " + widths.size());
    }
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i) < 1 || blocks.get(i) > 64) {
        throw new ConfigException("blocks", "each stage has 1 to 64 blocks, got " + blocks.get(i));
      }
      if (widths.get(i) < 1 || widths.get(i) > 4096) {
        throw new ConfigException("widths", "each width is 1 to 4096 channels, got " + widths.get(i));
      }
    }
    dropout = dropout == null ? 0.5 : dropout;
    if (!(dropout >= 0 && dropout < 1)) {
      throw new ConfigException("dropout", "must be in [0, 1), got " + dropout);
    }
    ceil = ceil == null ? NO_CEIL : ceil.trim();
    if (!ceil.equals(NO_CEIL)) {
      double c;
      try {
        c = Double.parseDouble(ceil);
      } catch (NumberFormatException e) {
        throw new ConfigException("ceil", "must be none or a number above 1 (the paper's 4 or 2), got '" + ceil
            + "'");
      }
      if (!(c > 1) || Double.isInfinite(c)) {
        throw new ConfigException("ceil", "must be none or a number above 1 (the paper's 4 or 2: entries below"
            + " 1/4 or 1/2 of the sample's maximum are zeroed), got " + ceil);
      }
    }
    mean = mean == null ? 0.5 : mean;
    std = std == null ? 0.225 : std;
    if (!(std > 0)) {
      throw new ConfigException("std", "must be above 0, got " + std);
    }
    flip = flip == null || flip;
  }

  /**
   * The cutoff's divisor.
   *
   * @return {@code ceil} as a number, or 0 for {@code none}
   */
  public double ceilDivisor() {
    return ceil.equals(NO_CEIL) ? 0 : Double.parseDouble(ceil);
  }

  /**
   * Whether the network reads the pixels rather than the codes.
   *
   * @return {@code input == pixels}
   */
  public boolean pixels() {
    return input.equals("pixels");
  }
}
