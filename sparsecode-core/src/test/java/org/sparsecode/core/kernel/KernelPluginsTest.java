package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
import org.sparsecode.core.TestFixtures;
import org.sparsecode.core.io.DictionaryFiles;
import org.sparsecode.core.plugin.PluginRegistry;

class KernelPluginsTest {

  @ParameterizedTest
  @ValueSource(strings = {"log-gabor", "gabor", "random", "npy-file"})
  void everyKernelPluginIsDiscoveredWithADescription(String name) {
    Plugin<KernelGenerator> p = PluginRegistry.load().find(KernelGenerator.class, name);
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.role()).isEqualTo(KernelGenerator.class);
    assertThat(p.description()).isNotBlank();
  }

  static Stream<Arguments> generators() {
    return Stream.of(
        Arguments.of(new LogGaborPlugin(), LogGaborSettings.preset("thin")),
        Arguments.of(new GaborPlugin(), new GaborSettings(null, null, null, null, null)),
        Arguments.of(new RandomKernelPlugin(), new RandomKernelSettings(null, null, null, null, null)));
  }

  @ParameterizedTest
  @MethodSource("generators")
  void generatorsAreDeterministicAndFinite(Plugin<KernelGenerator> plugin, Record settings) {
    // KernelGenerator laws: same settings and seed give equal dictionaries; values are finite float64
    PluginContext context = new PluginContext(7L, Precision.FLOAT32, 1, Path.of("."));
    Dictionary a = plugin.create(settings, context).generate();
    Dictionary b = plugin.create(settings, context).generate();
    assertThat(a).isEqualTo(b);
    assertThat(a.info()).hasSize(a.count());
    assertThat(Arrays.stream(a.kernels()).allMatch(Double::isFinite)).isTrue();
  }

  @Test
  void logGaborPluginWithThePresetFullBuildsTheReferenceDictionary() {
    PluginContext context = new PluginContext(0L, Precision.FLOAT64, 1, Path.of("."));
    Dictionary d = new LogGaborPlugin().create(LogGaborSettings.preset("full"), context).generate();
    Dictionary expected = DictionaryFiles.read(TestFixtures.path("dict_full_D.npy"));
    // fixtures README section 1: kernels to 1e-12 absolute
    assertThat(KernelFixtures.maxAbsDiff(d.kernels(), expected.kernels())).isLessThanOrEqualTo(1e-12);
  }
}
