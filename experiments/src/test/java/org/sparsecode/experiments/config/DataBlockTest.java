package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;

/**
 * The {@code data:} and {@code encoding:} blocks: bound (no file is read at load time), resolved in the
 * configuration in place of {@code images:}, and the rules of an experiment that encodes.
 */
class DataBlockTest {
  @TempDir
  Path tmp;

  private static final String BASE = """
      data: {type: fashion-mnist, train: 100, test: 50}
      dictionary: {type: log-gabor, preset: thin}
      solver: {type: cbpdn-admm, maxIterations: 250, relStopTol: 0.1}
      """;

  private Path write(String text) throws IOException {
    return Files.writeString(tmp.resolve("e.yaml"), text, StandardCharsets.UTF_8);
  }

  private ExperimentPlan load(String text, String... sets) throws IOException {
    return new ConfigLoader(PluginRegistry.load()).load(write(text), List.of(sets));
  }

  private void assertFails(String text, String message) throws IOException {
    Path file = write(text);
    assertThatThrownBy(() -> new ConfigLoader(PluginRegistry.load()).load(file, List.of()))
        .isInstanceOf(ConfigError.class).hasMessage(file + message);
  }

  @Test
  void anExperimentWithDataNeedsNoImagesAndResolvesDataAndEncodingWithTheirDefaults() throws IOException {
    ExperimentConfig c = load(BASE).experiments().get(0);
    assertThat(c.encodes()).isTrue();
    assertThat(c.images()).isNull();
    assertThat(c.resolved()).doesNotContainKey("images").containsKeys("data", "encoding");
    Map<?, ?> data = (Map<?, ?>) c.resolved().get("data");
    assertThat(data.get("path")).isEqualTo("/usr/share/datasets/fashion-mnist");
    assertThat(data.get("size")).isEqualTo(56);
    assertThat(data.get("seed")).isEqualTo(0L);
    assertThat(data.get("preprocess")).isEqualTo(List.of("grey", "scale", "resize", "lcn"));
    Map<?, ?> encoding = (Map<?, ?>) c.resolved().get("encoding");
    assertThat(encoding.get("shard")).isEqualTo(EncodingSettings.DEFAULT_SHARD);
    assertThat(((Map<?, ?>) encoding.get("store")).get("dtype")).isEqualTo("float16");
    assertThat(c.encoding().store().size()).isNull();
  }

  @Test
  void dataAndEncodingKeysMayBeSetFromTheCommandLine() throws IOException {
    ExperimentConfig c = load(BASE, "data.train=20", "encoding={store: {size: 14, dtype: float32}}").experiments()
        .get(0);
    assertThat(((Map<?, ?>) c.resolved().get("data")).get("train")).isEqualTo(20);
    assertThat(c.encoding().store().size()).isEqualTo(14);
    assertThat(c.encoding().store().bytes()).isEqualTo(4);
  }

  @Test
  void imagesAndDataTogetherAreRefused() throws IOException {
    assertFails(BASE + "images: {type: embedded, size: 32}\n", ":1:1: data: an experiment codes images: or encodes"
        + " a labelled set (data:), not both: remove images: to encode the data set, or data: to code the images");
  }

  @Test
  void anEncodingBlockWithoutDataIsRefused() throws IOException {
    assertFails("images: {type: embedded, size: 32}\ndictionary: {type: log-gabor, preset: thin}\n"
        + "solver: {type: fista}\nencoding: {shard: 4}\n", ":4:1: encoding: needs a data: block (it says how the"
        + " codes of a labelled set are stored); remove it, or add e.g. data: { type: fashion-mnist, train: 600,"
        + " test: 300 }");
  }

  @Test
  void learningAndMetricsHaveNoPlaceBesideData() throws IOException {
    assertThatThrownBy(() -> load(BASE + "learning: {type: online-cdl}\n")).isInstanceOf(ConfigError.class)
        .hasMessageContaining(":4:1: learning: an experiment that encodes data: codes with its dictionary: as it is");
    assertThatThrownBy(() -> load(BASE + "metrics: [psnr]\n")).isInstanceOf(ConfigError.class)
        .hasMessageContaining(":4:1: metrics: an experiment that encodes data: measures the PSNR and sparseness");
  }

  @Test
  void badEncodingValuesNameTheirKey() throws IOException {
    assertFails(BASE + "encoding: {store: {dtype: float64}}\n", ":4:27: encoding.store.dtype: must be float16 or"
        + " float32, got 'float64'");
    assertFails(BASE + "encoding: {shard: 0}\n", ":4:19: encoding.shard: must be in [1, 65536] images, got 0");
    assertFails(BASE + "encoding: {shards: 4}\n", ":4:12: encoding.shards: unknown key 'shards'; did you mean"
        + " 'shard'? Valid keys: store, shard, cache");
  }

  @Test
  void badDataValuesNameTheirKey() throws IOException {
    assertFails(BASE.replace("train: 100", "train: 0"), ":1:36: data.train: must be in [1, 100000000] images (or"
        + " left out for every image of the split), got 0");
    Path file = write(BASE.replace("fashion-mnist", "mnist"));
    assertThatThrownBy(() -> new ConfigLoader(PluginRegistry.load()).load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(file + ":1:14: data.type: unknown data type 'mnist'. Available: cifar10 (")
        .hasMessageContaining("fashion-mnist (").hasMessageContaining("idx (");
  }

  @Test
  void variantsMayChangeTheDictionaryOfAnEncoding() throws IOException {
    ExperimentPlan plan = load(BASE + "variants: {thin: {}, full: {dictionary: {preset: full}}}\n");
    assertThat(plan.experiments()).hasSize(2).allMatch(ExperimentConfig::encodes);
  }

  @Test
  void aSweepOfAnEncodingIsRefused() throws IOException {
    assertFails(BASE + "sweep: {solver.lambda: [0.01, 0.02]}\n", ":4:1: sweep: a sweep of an experiment that"
        + " encodes data: is not supported; write its cells as variants");
  }
}
