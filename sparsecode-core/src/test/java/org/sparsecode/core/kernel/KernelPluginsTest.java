package org.sparsecode.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.api.kernel.KernelGenerator;
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

  @Test
  void logGaborPluginWithThePresetFullBuildsTheReferenceDictionary() {
    PluginContext context = new PluginContext(0L, Precision.FLOAT64, 1, Path.of("."));
    Dictionary d = new LogGaborPlugin().create(LogGaborSettings.preset("full"), context).generate();
    Dictionary expected = DictionaryFiles.read(KernelFixtures.path("dict_full_D.npy"));
    // fixtures README section 1: kernels to 1e-12 absolute
    assertThat(KernelFixtures.maxAbsDiff(d.kernels(), expected.kernels())).isLessThanOrEqualTo(1e-12);
  }
}
