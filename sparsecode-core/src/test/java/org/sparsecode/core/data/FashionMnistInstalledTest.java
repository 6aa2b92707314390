package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.plugin.SettingsBinder;

/**
 * The real Fashion-MNIST files, where {@code scripts/install-fashion-mnist.sh} installed them (the test skips
 * itself otherwise): 60 000 + 10 000 images of 28×28, 6 000 + 1 000 per class.
 */
class FashionMnistInstalledTest {
  private static final Path DIR = Path.of(FashionMnistSettings.DEFAULT_PATH);

  private static LabelledData data(Map<String, Object> settings) {
    assumeTrue(Files.isRegularFile(DIR.resolve("train-images-idx3-ubyte.gz")), "Fashion-MNIST is not installed in "
        + DIR + " (scripts/install-fashion-mnist.sh)");
    return new FashionMnistPlugin().create(SettingsBinder.bind(FashionMnistSettings.class, settings),
        PluginContext.defaults(Precision.FLOAT32));
  }

  @Test
  void theInstalledFilesHoldSixtyAndTenThousandBalancedImages() {
    LabelledData d = data(Map.of());
    assertThat(d.train().size()).isEqualTo(60_000);
    assertThat(d.test().size()).isEqualTo(10_000);
    assertThat(d.nativeSize()).isEqualTo(28);
    int[] perClass = new int[10];
    for (int label : d.train().labels()) {
      perClass[label]++;
    }
    assertThat(perClass).containsOnly(6000);
    // the first training image of Fashion-MNIST is an ankle boot
    assertThat(d.train().label(0)).isEqualTo(9);
  }

  @Test
  void aBalancedSubsetOfTheRealFilesIsPreprocessedTo56x56() {
    Map<String, Object> s = new LinkedHashMap<>(Map.of("train", 100, "test", 50, "seed", 3));
    LabelledData d = data(s);
    int[] perClass = new int[10];
    for (int label : d.train().labels()) {
      perClass[label]++;
    }
    assertThat(perClass).containsOnly(10);
    Image img = d.test().get(7);
    assertThat(img.width()).isEqualTo(56);
    assertThat(img.isGrey()).isTrue();
  }
}
