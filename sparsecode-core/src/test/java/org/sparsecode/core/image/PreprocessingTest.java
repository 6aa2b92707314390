package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImagePreprocessor;
import org.sparsecode.api.image.ImageSource;
import org.sparsecode.core.plugin.PluginRegistry;

class PreprocessingTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  private static Image coffee() {
    return Resources.photo("coffee.png");
  }

  private static ConfigException configError(Object spec) {
    try {
      Preprocessing.build(spec, 64, CONTEXT);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no ConfigException for " + spec);
  }

  @Test
  void everyStepAndSourceIsRegistered() {
    PluginRegistry registry = PluginRegistry.load();
    for (String name : List.of("center-crop", "resize", "grey", "scale", "lcn", "none")) {
      assertThat(registry.find(ImagePreprocessor.class, name).name()).isEqualTo(name);
    }
    assertThat(registry.find(ImageSource.class, "directory").name()).isEqualTo("directory");
    assertThat(registry.find(ImageSource.class, "embedded").name()).isEqualTo("embedded");
  }

  @Test
  void defaultIsLocalContrast() {
    assertThat(Preprocessing.build(null, 64, CONTEXT).apply(coffee()))
        .isEqualTo(Preprocessing.localContrast(64).apply(coffee()));
  }

  @Test
  void noneLeavesImagesAsRead() {
    assertThat(Preprocessing.build("none", 64, CONTEXT).apply(coffee())).isEqualTo(coffee());
  }

  @Test
  void listOfStepNamesSpellsOutLocalContrast() {
    ImagePreprocessor steps = Preprocessing.build(List.of("center-crop", "resize", "grey", "scale", "lcn"), 64,
        CONTEXT);
    assertThat(steps.apply(coffee())).isEqualTo(Preprocessing.localContrast(64).apply(coffee()));
  }

  @Test
  void stepMapsCarryTheirSettings() {
    ImagePreprocessor steps = Preprocessing.build(
        List.of("center-crop", Map.of("type", "resize", "size", 40), "grey", Map.of("type", "lcn", "n", 3)), 64,
        CONTEXT);
    Image out = steps.apply(coffee());
    assertThat(out.width()).isEqualTo(40);
    assertThat(out.channels()).isEqualTo(1);
    Image expected = new LocalContrastNormalisation(3).apply(
        new Grey().apply(new Resize(40).apply(new CenterCrop().apply(coffee()))));
    assertThat(out).isEqualTo(expected);
  }

  @Test
  void resizeWithoutSizeTakesTheSourcesSize() {
    Image out = Preprocessing.build(List.of(Map.of("type", "resize")), 48, CONTEXT).apply(coffee());
    assertThat(out.width()).isEqualTo(48);
    assertThat(out.height()).isEqualTo(48);
  }

  @Test
  void singleStepNameIsAOneStepList() {
    assertThat(Preprocessing.build("grey", 64, CONTEXT).apply(coffee())).isEqualTo(new Grey().apply(coffee()));
  }

  @Test
  void unknownStepIsAConfigErrorOnPreprocessListingTheSteps() {
    ConfigException e = configError(List.of("center-crop", "gray"));
    assertThat(e.key()).isEqualTo("preprocess");
    assertThat(e.getMessage()).contains("gray").contains("center-crop").contains("lcn").contains("grey");
  }

  @Test
  void invalidStepSettingIsAConfigErrorNamingTheStepAndKey() {
    ConfigException e = configError(List.of("center-crop", Map.of("type", "resize", "size", 2)));
    assertThat(e.key()).isEqualTo("preprocess[1].size");
  }

  @Test
  void unknownStepSettingIsAConfigError() {
    ConfigException e = configError(List.of(Map.of("type", "lcn", "window", 3)));
    assertThat(e.key()).startsWith("preprocess[0]");
    assertThat(e.getMessage()).contains("window");
  }

  @Test
  void stepMapWithoutTypeIsAConfigError() {
    assertThat(configError(List.of(Map.of("size", 3))).key()).isEqualTo("preprocess[0].type");
  }

  @Test
  void valueOfTheWrongShapeIsAConfigError() {
    assertThat(configError(42).key()).isEqualTo("preprocess");
    assertThat(configError(List.of("grey", 3)).key()).isEqualTo("preprocess[1]");
  }

  @Test
  void scaleDefaultsToOneOver255() {
    assertThat(new ScaleSettings(null).factor()).isEqualTo(1.0 / 255.0);
    assertThat(new LcnSettings(null).n()).isEqualTo(7);
    assertThat(new ResizeSettings(null).size()).isEqualTo(256);
  }

  @Test
  void centreCropKeepsTheMiddleSquare() {
    // 5 wide x 2 high: the square starts at column (5 - 2) / 2 = 1, as PIL's crop box [1, 0, 3, 2].
    Image in = Image.grey("x", 5, 2, new double[] {0, 1, 2, 3, 4, 10, 11, 12, 13, 14});
    Image out = new CenterCrop().apply(in);
    assertThat(out.pixels()).containsExactly(1, 2, 11, 12);
  }

  @Test
  void greyUsesTorchvisionWeights() {
    Image rgb = new Image("x", 1, 1, 3, new double[] {100, 50, 200});
    assertThat(new Grey().apply(rgb).pixels()).containsExactly(0.2989 * 100 + 0.587 * 50 + 0.114 * 200);
  }

  @Test
  void defaultScaleDividesBy255() {
    // x / 255 and x * (1 / 255) differ in the last bit for some x; the reference divides.
    Image in = Image.grey("x", 2, 1, new double[] {3, 255});
    assertThat(new Scale(ScaleSettings.DEFAULT_FACTOR).apply(in).pixels()).containsExactly(3 / 255.0, 1.0);
  }
}
