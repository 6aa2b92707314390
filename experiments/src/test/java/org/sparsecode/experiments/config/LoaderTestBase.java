package org.sparsecode.experiments.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.core.plugin.PluginRegistry;

/**
 * What the tests of the loader and of its parts share: a loader of the toy plugins, the test resources, and
 * files written into a temporary directory, with assertions on the exact error message.
 */
abstract class LoaderTestBase {
  /** The toy plugins only, so that the "Available:" lists do not change as real plugins are added. */
  static final PluginRegistry TOYS = PluginRegistry.of(PluginRegistry.load().all().stream()
      .filter(p -> p.name().startsWith("toy-")).toList());

  final ConfigLoader loader = new ConfigLoader(TOYS);

  static Path resource(String name) {
    try {
      return Path.of(LoaderTestBase.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  ExperimentPlan load(String name, String... overrides) {
    return loader.load(resource(name), List.of(overrides));
  }

  void assertFails(String name, String message) {
    Path file = resource(name);
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + message);
  }

  void assertSetFails(String name, String override, String message) {
    assertThatThrownBy(() -> load(name, override))
        .isInstanceOf(ConfigError.class)
        .hasMessage(message);
  }

  @TempDir
  Path tmp;

  static final String BASE = """
      images: { type: toy-images }
      dictionary: { type: toy-kernels }
      metrics: [toy-metric]
      """;

  /** Writes an experiment file: the {@link #BASE} blocks and then {@code rest}. */
  Path write(String name, String rest) throws IOException {
    return Files.writeString(tmp.resolve(name), BASE + rest);
  }

  void assertWrittenFails(String name, String rest, String message) throws IOException {
    Path file = write(name, rest);
    assertThatThrownBy(() -> loader.load(file, List.of()))
        .isInstanceOf(ConfigError.class)
        .hasMessage(file + message);
  }
}
