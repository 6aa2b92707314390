package org.sparsecode.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.Plugin;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.data.LabelledData;
import org.sparsecode.api.data.LabelledImages;
import org.sparsecode.api.image.Image;
import org.sparsecode.core.image.Preprocessing;
import org.sparsecode.core.plugin.PluginRegistry;
import org.sparsecode.core.plugin.SettingsBinder;

/** The {@code fashion-mnist} and {@code idx} data sets on small files the test writes. */
class LabelledDataPluginsTest {
  @TempDir
  Path dir;

  private PluginContext context() {
    return new PluginContext(0, Precision.FLOAT64, 1, dir);
  }

  private LabelledData fashion(Map<String, Object> settings) {
    Map<String, Object> s = new LinkedHashMap<>(settings);
    s.putIfAbsent("path", "fm");
    Plugin<LabelledData> p = PluginRegistry.load().find(LabelledData.class, "fashion-mnist");
    return p.create(SettingsBinder.bind(p.settings(), s), context());
  }

  @Test
  void theDataPluginsAreRegisteredUnderTheDataRole() {
    assertThat(PluginRegistry.load().ofRole(LabelledData.class).stream().map(Plugin::name))
        .containsExactly("cifar10", "fashion-mnist", "idx");
    assertThat(PluginRegistry.roleName(LabelledData.class)).isEqualTo("data");
  }

  @Test
  void fashionMnistGivesItsSplitsWithTheirLabelsAndClassNames() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    LabelledData d = fashion(Map.of());
    assertThat(d.train().size()).isEqualTo(40);
    assertThat(d.test().size()).isEqualTo(20);
    assertThat(d.train().label(13)).isEqualTo(3);
    assertThat(d.test().classes()).isEqualTo(FashionMnistPlugin.CLASSES);
    assertThat(d.nativeSize()).isEqualTo(12);
    assertThat(d.train().id(13)).isEqualTo("train-00013");
  }

  @Test
  void imagesComePreprocessedByTheDefaultPathAtTwiceTheNativeSide() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    LabelledImageSet test = (LabelledImageSet) fashion(Map.of("size", 24)).test();
    Image expected = Preprocessing.build(DataSettings.DEFAULT_PREPROCESS, 24, context()).apply(test.raw(5));
    assertThat(test.get(5)).isEqualTo(expected);
    assertThat(test.get(5).width()).isEqualTo(24);
  }

  @Test
  void rawImagesHoldTheFilesBytes() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    LabelledImageSet train = (LabelledImageSet) fashion(Map.of()).train();
    byte[] px = DataFiles.images(40, 12, 1);
    Image raw = train.raw(3);
    assertThat(raw.get(0, 2, 7)).isEqualTo(px[3 * 144 + 2 * 12 + 7] & 0xFF);
  }

  @Test
  void aBalancedSubsetHasItsCountPerClassAndKeepsTheSourceIndices() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    LabelledImages train = fashion(Map.of("train", 20, "seed", 4)).train();
    int[] perClass = new int[10];
    for (int i = 0; i < train.size(); i++) {
      perClass[train.label(i)]++;
      // labels i % 10 in the file: an image's label follows from its source index
      assertThat(train.label(i)).isEqualTo(train.sourceIndex(i) % 10);
    }
    assertThat(perClass).containsOnly(2);
  }

  @Test
  void theDigestFollowsTheContentAndTheSubset() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    String all = fashion(Map.of()).train().digest();
    assertThat(fashion(Map.of()).train().digest()).isEqualTo(all);
    assertThat(fashion(Map.of("train", 20)).train().digest()).isNotEqualTo(all);
    assertThat(fashion(Map.of("train", 20, "seed", 1)).train().digest())
        .isNotEqualTo(fashion(Map.of("train", 20, "seed", 2)).train().digest());
  }

  @Test
  void theTestSubsetDoesNotDependOnTheTrainCount() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    assertThat(fashion(Map.of("train", 10, "test", 10)).test().digest())
        .isEqualTo(fashion(Map.of("train", 30, "test", 10)).test().digest());
  }

  @Test
  void aMissingDirectoryPointsToTheInstallScript() {
    assertThatThrownBy(() -> fashion(Map.of("path", "nowhere"))).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("path: Fashion-MNIST not found: " + dir.resolve("nowhere") + " does not exist;")
        .hasMessageContaining("scripts/install-fashion-mnist.sh");
  }

  @Test
  void moreImagesThanTheFilesHoldIsAnErrorOnTrain() {
    DataFiles.fashionMnist(dir.resolve("fm"), 40, 20, 12);
    assertThatThrownBy(() -> fashion(Map.of("train", 41))).isInstanceOf(ConfigException.class)
        .hasMessage("train: asks for 41 images but the files hold 40; at most 40");
  }

  @Test
  void countsBelowOneAreRefusedWhenBound() {
    assertThatThrownBy(() -> SettingsBinder.bind(FashionMnistSettings.class, Map.of("test", 0)))
        .isInstanceOf(ConfigException.class)
        .hasMessage("test: must be in [1, 100000000] images (or left out for every image of the split), got 0");
  }

  @Test
  void idxPairsWhoseCountsDifferAreRefusedNamingBothFiles() {
    Path images = DataFiles.write(dir.resolve("a-images"), DataFiles.idx(new int[] {4, 8, 8},
        DataFiles.images(4, 8, 1)));
    Path labels = DataFiles.write(dir.resolve("a-labels"), DataFiles.idx(new int[] {3}, new byte[3]));
    Map<String, Object> s = Map.of("trainImages", "a-images", "trainLabels", "a-labels", "testImages", "a-images",
        "testLabels", "a-labels");
    Plugin<LabelledData> p = PluginRegistry.load().find(LabelledData.class, "idx");
    assertThatThrownBy(() -> p.create(SettingsBinder.bind(p.settings(), s), context()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("trainLabels: " + labels + " holds 3 labels but " + images + " holds 4 images: give the labels"
            + " file of those images");
  }

  @Test
  void idxClassesDefaultToTheLabelNumbersAndMustNameEveryLabel() {
    DataFiles.write(dir.resolve("i"), DataFiles.idx(new int[] {4, 8, 8}, DataFiles.images(4, 8, 1)));
    Path labels = DataFiles.write(dir.resolve("l"), DataFiles.idx(new int[] {4}, new byte[] {0, 2, 1, 2}));
    Map<String, Object> s = new LinkedHashMap<>(Map.of("trainImages", "i", "trainLabels", "l", "testImages", "i",
        "testLabels", "l"));
    Plugin<LabelledData> p = PluginRegistry.load().find(LabelledData.class, "idx");
    assertThat(p.create(SettingsBinder.bind(p.settings(), s), context()).train().classes())
        .containsExactly("0", "1", "2");
    assertThat(p.create(SettingsBinder.bind(p.settings(), s), context()).nativeSize()).isEqualTo(8);
    s.put("classes", List.of("x", "y"));
    assertThatThrownBy(() -> p.create(SettingsBinder.bind(p.settings(), s), context()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("classes: names 2 classes but " + labels + " holds label 2: name every class (labels 0-2)");
  }
}
