package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.kernel.Dictionary;

class RandomKernelsTest {

  private static PluginContext context(long seed) {
    return new PluginContext(seed, Precision.FLOAT64, 1, Path.of("."));
  }

  private static Dictionary generate(RandomKernelSettings s, long runSeed) {
    return new RandomKernelPlugin().create(s, context(runSeed)).generate();
  }

  @Test
  void sameSeedGivesTheSameDictionary() {
    RandomKernelSettings s = new RandomKernelSettings(10, 8, 7L, null, null);
    assertThat(generate(s, 1)).isEqualTo(generate(s, 2));
  }

  @Test
  void differentSeedsGiveDifferentDictionaries() {
    assertThat(generate(new RandomKernelSettings(10, 8, 7L, null, null), 0))
        .isNotEqualTo(generate(new RandomKernelSettings(10, 8, 8L, null, null), 0));
  }

  @Test
  void withoutASeedTheRunSeedIsUsed() {
    RandomKernelSettings s = new RandomKernelSettings(4, 6, null, null, null);
    assertThat(generate(s, 42)).isEqualTo(generate(new RandomKernelSettings(4, 6, 42L, null, null), 0));
    assertThat(generate(s, 42)).isNotEqualTo(generate(s, 43));
  }

  @Test
  void defaultsAreThePapersShapeWithUnitNorms() {
    Dictionary d = generate(new RandomKernelSettings(null, null, null, null, null), 3);
    assertThat(d.count()).isEqualTo(144);
    assertThat(d.size()).isEqualTo(12);
    for (int k = 0; k < d.count(); k++) {
      assertThat(d.norm(k)).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void peakNormalisationGivesMaxAbsOne() {
    Dictionary d = generate(new RandomKernelSettings(5, 6, 1L, "peak", null), 0);
    for (int k = 0; k < d.count(); k++) {
      assertThat(Arrays.stream(d.kernel(k)).map(Math::abs).max().orElseThrow()).isEqualTo(1.0);
    }
  }

  @Test
  void zeroMeanKernelsSumToZero() {
    Dictionary d = generate(new RandomKernelSettings(5, 6, 1L, "unit-l2", true), 0);
    for (int k = 0; k < d.count(); k++) {
      assertThat(Arrays.stream(d.kernel(k)).sum()).isCloseTo(0.0, within(1e-12));
      assertThat(d.norm(k)).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void withoutNormalisationValuesAreStandardGaussian() {
    Dictionary d = generate(new RandomKernelSettings(100, 10, 5L, "none", null), 0);
    double[] v = d.kernels();
    double mean = Arrays.stream(v).average().orElseThrow();
    double var = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
    // 10 000 draws: standard errors 0.01 (mean) and ~0.014 (variance)
    assertThat(mean).isCloseTo(0.0, within(0.05));
    assertThat(var).isCloseTo(1.0, within(0.07));
  }

  @Test
  void anUnknownNormalisationIsRejected() {
    assertThatThrownBy(() -> new RandomKernelSettings(null, null, null, "l2", null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("normalise:")
        .hasMessageContaining("unit-l2");
  }

  @Test
  void zeroKernelsIsRejected() {
    assertThatThrownBy(() -> new RandomKernelSettings(0, null, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("kernels:");
  }

  @Test
  void zeroSizeIsRejected() {
    assertThatThrownBy(() -> new RandomKernelSettings(null, 0, null, null, null))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("size:");
  }
}
