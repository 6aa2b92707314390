package org.sparsecode.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparsecode.api.ConfigException;
import org.sparsecode.api.PluginContext;
import org.sparsecode.api.Precision;
import org.sparsecode.api.image.Image;
import org.sparsecode.api.image.ImageSource;

class EmbeddedImageSourceTest {
  private static final PluginContext CONTEXT = PluginContext.defaults(Precision.FLOAT64);

  @Test
  void atLeastEightPhotographsAreShipped() {
    assertThat(EmbeddedImageSource.available()).hasSizeGreaterThanOrEqualTo(8)
        .contains("camera", "coffee", "chelsea", "astronaut", "rocket", "hubble_deep_field", "brick", "grass",
            "gravel");
  }

  @Test
  void everyPhotographIs256By256EightBitGrey() {
    for (String name : EmbeddedImageSource.available()) {
      Image img = EmbeddedImageSource.raw(name);
      assertThat(img.id()).isEqualTo(name);
      assertThat(img.channels()).as(name).isEqualTo(1);
      assertThat(img.width()).as(name).isEqualTo(256);
      assertThat(img.height()).as(name).isEqualTo(256);
      assertThat(Resize.isEightBit(img.pixels())).as(name).isTrue();
    }
  }

  @Test
  void licencesNameEveryPhotograph() throws IOException {
    String text;
    try (InputStream in = EmbeddedImageSource.class.getResourceAsStream(EmbeddedImageSource.RESOURCE_DIR
        + "LICENSES")) {
      assertThat(in).isNotNull();
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (String name : EmbeddedImageSource.available()) {
      assertThat(text).contains("\n" + name + " ");
    }
    assertThat(text).contains("CC0").contains("public domain").contains("skimage");
  }

  @Test
  void photographsAreThePapersStepsAppliedToTheOriginals() {
    // camera (grey PNG), coffee and chelsea (RGB PNG), rocket (RGB JPEG): centre crop, Pillow bicubic 256,
    // grey 0.2989/0.587/0.114 rounded half to even (numpy's round) -- how the PNGs were made.
    for (String name : List.of("camera.png", "coffee.png", "chelsea.png", "rocket.jpg")) {
      Image img = new Grey().apply(new Resize(256).apply(new CenterCrop().apply(Resources.photo(name))));
      double[] rounded = img.pixels().clone();
      for (int i = 0; i < rounded.length; i++) {
        rounded[i] = Math.rint(rounded[i]);
      }
      Image stored = EmbeddedImageSource.raw(img.id());
      assertThat(stored.pixels()).as(name).containsExactly(rounded);
    }
  }

  @Test
  void defaultSettingsUseEveryPhotographWithThePapersPreprocessing() {
    ImageSource src = new EmbeddedSourcePlugin().create(new EmbeddedSourceSettings(null, null, null), CONTEXT);
    assertThat(src.size()).isEqualTo(EmbeddedImageSource.available().size());
    Image camera = src.get(0);
    assertThat(camera.id()).isEqualTo(src.id(0));
    Image expected = Preprocessing.localContrast(256).apply(EmbeddedImageSource.raw(src.id(0)));
    assertThat(camera).isEqualTo(expected);
  }

  @Test
  void namesChooseASubsetInTheirOrder() {
    ImageSource src = new EmbeddedSourcePlugin().create(
        new EmbeddedSourceSettings(null, 64, List.of("gravel", "camera")), CONTEXT);
    assertThat(src.size()).isEqualTo(2);
    assertThat(src.id(0)).isEqualTo("gravel");
    Image cam = src.get(1);
    assertThat(cam.id()).isEqualTo("camera");
    assertThat(cam.width()).isEqualTo(64);
    assertThat(cam.height()).isEqualTo(64);
  }

  @Test
  void unknownNameIsAConfigErrorListingTheAvailableOnes() {
    assertThatThrownBy(() -> new EmbeddedSourceSettings(null, null, List.of("camera", "lena")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("lena").hasMessageContaining("gravel")
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("names[1]"));
  }

  @Test
  void emptyNamesAreAConfigError() {
    assertThatThrownBy(() -> new EmbeddedSourceSettings(null, null, List.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo("names"));
  }
}
