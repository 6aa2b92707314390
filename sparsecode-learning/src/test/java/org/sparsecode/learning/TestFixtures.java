package org.sparsecode.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.sparsecode.api.kernel.Dictionary;
import org.sparsecode.core.io.DictionaryFiles;

/** Reads the reference fixtures copied under {@code src/test/resources/fixtures/} (fixtures README §1, §7). */
public final class TestFixtures {
  private TestFixtures() {}

  /** The file of fixture {@code name} on the test class path; fails the test if it was not copied there. */
  public static Path path(String name) {
    URL url = TestFixtures.class.getResource("/fixtures/" + name);
    assertThat(url).as("fixture %s on the test class path", name).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A dictionary fixture ({@code dict_*_D.npy} or a learned one). */
  public static Dictionary dictionary(String name) {
    return DictionaryFiles.read(path(name));
  }
}
