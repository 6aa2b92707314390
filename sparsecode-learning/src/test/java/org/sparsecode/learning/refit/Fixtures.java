package org.sparsecode.learning.refit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;

/** Reads the reference fixtures copied under {@code src/test/resources/fixtures/} (fixtures README §1). */
final class Fixtures {
  private Fixtures() {}

  static Path path(String name) {
    URL url = Fixtures.class.getResource("/fixtures/" + name);
    assertThat(url).as("fixture %s on the test class path", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Dictionary dictionary(String name) {
    return DictionaryFiles.read(path(name));
  }
}
